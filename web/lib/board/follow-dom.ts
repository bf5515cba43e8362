// Following in the page: bring the presenter's focus into view, and notice when the person moves on their own.
import { tick } from 'svelte';
import type { BoardState } from '$lib/state/board.svelte.ts';
import type { FollowState } from '$lib/state/follow.svelte.ts';
import type { FocusView } from '$shared/events/presenter.ts';

/** Makes my selection and scroll position the presenter's focus. */
export async function showFocus(board: BoardState, view: FocusView): Promise<void> {
  board.select(view.kind === 'project' ? view.projectId : null);
  await tick();
  let target: Element | null = null;
  if (view.kind === 'project') {
    const code = board.projects.find((p) => p.id === view.projectId)?.code;
    if (code) target = document.querySelector(`tr[data-project="${CSS.escape(code)}"]`);
  } else if (view.kind === 'approach' || view.kind === 'goal') {
    const code = view.kind === 'approach' ? view.approachCode : board.goals.find((g) => g.number === view.goalNumber)?.approaches[0]?.code;
    if (code) target = document.querySelector(`tbody[data-approach="${CSS.escape(code)}"]`);
  }
  if (target) target.scrollIntoView({ block: view.kind === 'project' ? 'center' : 'start', behavior: 'instant' });
  else window.scrollTo({ top: 0, behavior: 'instant' });
}

const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}

/**
 * Scrolling by wheel, touch or keys, or a click anywhere but the meeting's own controls (marked data-follow-keep),
 * detaches. Scrolling the page ourselves (showFocus) fires none of these, so following does not undo itself.
 */
export function detachOnOwnMoves(follow: FollowState): () => void {
  const detach = () => follow.detach();
  const onKey = (event: KeyboardEvent) => {
    if (SCROLL_KEYS.has(event.key) && !isTyping(event.target)) detach();
  };
  const onPointer = (event: PointerEvent) => {
    if (!(event.target instanceof Element && event.target.closest('[data-follow-keep]'))) detach();
  };
  window.addEventListener('wheel', detach, { passive: true });
  window.addEventListener('touchmove', detach, { passive: true });
  window.addEventListener('keydown', onKey);
  window.addEventListener('pointerdown', onPointer);
  return () => {
    window.removeEventListener('wheel', detach);
    window.removeEventListener('touchmove', detach);
    window.removeEventListener('keydown', onKey);
    window.removeEventListener('pointerdown', onPointer);
  };
}
