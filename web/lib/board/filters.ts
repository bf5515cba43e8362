// A member's own view of the project list: text search over code, project and agency (Thai or English) and filters by
// agency, approach, integration type, ceiling against request, notes and resolution. Pure: the state and the page
// supply the per-project facts (notes live in Yjs, resolutions on the board).
import type { IntegrationType, ProjectView } from '$shared/board.ts';

/** How the ceiling stands against what the agency asked for. */
export const DIFFERENCE_FILTERS = ['any', 'cut', 'raised', 'unchanged'] as const;
export type DifferenceFilter = (typeof DIFFERENCE_FILTERS)[number];

export interface ProjectFilter {
  text: string;
  agencyCode: string;
  approachCode: string;
  integrationType: IntegrationType | '';
  difference: DifferenceFilter;
  hasNotes: boolean;
  hasResolution: boolean;
}

export const NO_FILTER: Readonly<ProjectFilter> = Object.freeze({
  text: '',
  agencyCode: '',
  approachCode: '',
  integrationType: '',
  difference: 'any',
  hasNotes: false,
  hasResolution: false,
});

export interface ProjectFacts {
  noteCount(projectId: string): number;
  hasResolution(projectId: string): boolean;
}

export function isFiltering(filter: ProjectFilter): boolean {
  return (Object.keys(NO_FILTER) as (keyof ProjectFilter)[]).some((key) =>
    key === 'text' ? filter.text.trim() !== '' : filter[key] !== NO_FILTER[key],
  );
}

/** Lower-cased, NFC, one space between words: Thai has no case, but codes and English names do. */
export function normaliseSearch(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

function haystack(project: ProjectView): string {
  const { agency } = project;
  return normaliseSearch([project.code, project.nameTh, project.nameEn, agency.nameTh, agency.nameEn, agency.abbreviationTh].join(' '));
}

/** Every word of the query must appear somewhere in the project's code, names or agency's names. */
export function matchesText(project: ProjectView, query: string): boolean {
  const words = normaliseSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const text = haystack(project);
  return words.every((word) => text.includes(word));
}

export function matchesDifference(project: Pick<ProjectView, 'ceilingBaht' | 'requestedBaht'>, difference: DifferenceFilter): boolean {
  switch (difference) {
    case 'any':
      return true;
    case 'cut':
      return project.ceilingBaht < project.requestedBaht;
    case 'raised':
      return project.ceilingBaht > project.requestedBaht;
    case 'unchanged':
      return project.ceilingBaht === project.requestedBaht;
  }
}

export function projectMatches(project: ProjectView, filter: ProjectFilter, facts: ProjectFacts): boolean {
  return (
    (!filter.agencyCode || project.agency.code === filter.agencyCode) &&
    (!filter.approachCode || project.approachCode === filter.approachCode) &&
    (!filter.integrationType || project.integrationType === filter.integrationType) &&
    matchesDifference(project, filter.difference) &&
    (!filter.hasNotes || facts.noteCount(project.id) > 0) &&
    (!filter.hasResolution || facts.hasResolution(project.id)) &&
    matchesText(project, filter.text)
  );
}

/** The agencies that lead a project, once each, in the order of their names in the interface's language. */
export function leadAgencies(projects: readonly ProjectView[], name: (agency: ProjectView['agency']) => string, locale: string) {
  const byCode = new Map(projects.map((p) => [p.agency.code, p.agency]));
  const collator = new Intl.Collator(locale);
  return [...byCode.values()].sort((a, b) => collator.compare(name(a), name(b)));
}
