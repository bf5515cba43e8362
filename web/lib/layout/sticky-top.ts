// The page's sticky chrome (the board's totals strip) changes height as it wraps at narrow widths and as figures grow:
// whatever sticks below it reads its height from `--sticky-top` instead of guessing.
import type { Action } from 'svelte/action';

export const stickyTop: Action<HTMLElement> = (node) => {
  const root = document.documentElement;
  // Rounded down: what sticks below tucks a fraction of a pixel under the chrome (which paints above it) rather than
  // leaving a hairline through which the scrolling rows show.
  const update = () => root.style.setProperty('--sticky-top', `${Math.floor(node.getBoundingClientRect().height)}px`);
  const observer = new ResizeObserver(update);
  observer.observe(node);
  update();
  return {
    destroy() {
      observer.disconnect();
      root.style.removeProperty('--sticky-top');
    },
  };
};
