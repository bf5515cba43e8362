// This person's search and filters on the project list: theirs alone (never sent to anyone), kept for the tab's life so
// a reload does not lose them, and never a reason to stop following the presenter.
import { DIFFERENCE_FILTERS, NO_FILTER, isFiltering, type ProjectFilter } from '$lib/board/filters.ts';

export class ProjectFilterState {
  text = $state(NO_FILTER.text);
  agencyCode = $state(NO_FILTER.agencyCode);
  approachCode = $state(NO_FILTER.approachCode);
  integrationType: ProjectFilter['integrationType'] = $state(NO_FILTER.integrationType);
  difference: ProjectFilter['difference'] = $state(NO_FILTER.difference);
  hasNotes = $state(NO_FILTER.hasNotes);
  hasResolution = $state(NO_FILTER.hasResolution);

  readonly filter: ProjectFilter = $derived({
    text: this.text,
    agencyCode: this.agencyCode,
    approachCode: this.approachCode,
    integrationType: this.integrationType,
    difference: this.difference,
    hasNotes: this.hasNotes,
    hasResolution: this.hasResolution,
  });
  readonly active = $derived(isFiltering(this.filter));

  clear(): void {
    this.set(NO_FILTER);
  }

  /** Takes what it can read: the stored copy may be from an older page, or edited by hand. */
  set(filter: Partial<Record<keyof ProjectFilter, unknown>>): void {
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const flag = (value: unknown) => (typeof value === 'boolean' ? value : undefined);
    this.text = text(filter.text) ?? this.text;
    this.agencyCode = text(filter.agencyCode) ?? this.agencyCode;
    this.approachCode = text(filter.approachCode) ?? this.approachCode;
    const integration = text(filter.integrationType);
    if (integration === '' || integration === 'system_data' || integration === 'budget') this.integrationType = integration;
    const difference = DIFFERENCE_FILTERS.find((d) => d === filter.difference);
    if (difference) this.difference = difference;
    this.hasNotes = flag(filter.hasNotes) ?? this.hasNotes;
    this.hasResolution = flag(filter.hasResolution) ?? this.hasResolution;
  }

  /** Restores the filters from this tab's session storage and keeps them there; returns the cleanup. */
  persist(key: string): () => void {
    try {
      const stored = sessionStorage.getItem(key);
      if (stored) this.set(JSON.parse(stored));
    } catch {
      // Storage may be off (private mode) or hold something unreadable: start unfiltered.
    }
    return $effect.root(() => {
      $effect(() => {
        const value = JSON.stringify(this.filter);
        try {
          sessionStorage.setItem(key, value);
        } catch {
          // Full or off: the filters still work for this page.
        }
      });
    });
  }
}
