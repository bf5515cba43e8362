// A fixed-size picture of another page (the presenter's preview of the room screen, rendered at 1280 x 720) scaled to
// whatever width its frame has, so it shows the screen's own layout at any width instead of a squeezed one.
import type { Action } from 'svelte/action';

export const fitScale: Action<HTMLElement, number> = (frame, designWidth) => {
  const child = () => frame.firstElementChild as HTMLElement | null;
  const update = () => {
    const target = child();
    if (target) target.style.transform = `scale(${frame.clientWidth / designWidth})`;
  };
  const observer = new ResizeObserver(update);
  observer.observe(frame);
  update();
  return { destroy: () => observer.disconnect() };
};
