// The focus as people read it, and the project list in the order the presenter steps through it.
import type { FocusView } from '$shared/events/presenter.ts';
import type { AgendaItemView, GoalView, ProjectView } from '$shared/board.ts';
import { projectOrder } from '$domain/focus.ts';
import type { Locale } from '$lib/i18n/locale.ts';
import type { Translate } from '$lib/i18n/translator.ts';
import { localTitle, localName } from '$lib/i18n/names.ts';

export function orderedProjects(goals: readonly GoalView[], projects: readonly ProjectView[]): ProjectView[] {
  const byId = new Map(projects.map((p) => [p.id, p]));
  return projectOrder(goals, projects).map((id) => byId.get(id)!);
}

export function focusTitle(view: FocusView, goals: readonly GoalView[], projects: readonly ProjectView[], locale: Locale, t: Translate): string {
  const name = (item: { nameTh: string; nameEn: string }) => localName(item, locale);
  switch (view.kind) {
    case 'overview':
      return t('overview');
    case 'goal': {
      const goal = goals.find((g) => g.number === view.goalNumber);
      return `${t('goal')} ${view.goalNumber} ${goal ? name(goal) : ''}`.trim();
    }
    case 'approach': {
      const approach = goals.flatMap((g) => g.approaches).find((a) => a.code === view.approachCode);
      return `${t('approach')} ${view.approachCode} ${approach ? name(approach) : ''}`.trim();
    }
    case 'project': {
      const project = projects.find((p) => p.id === view.projectId);
      return project ? `${project.code} ${name(project)}` : '';
    }
  }
}

export function agendaItemTitle(item: AgendaItemView | undefined, t: Translate, locale: Locale): string {
  return item ? `${t('agendaItemNo')} ${item.number} ${localTitle(item, locale)}` : '';
}
