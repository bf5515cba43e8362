// The timeline chart's geometry: the meeting's points (frame-history's timeline) laid out one step per change across
// a fixed viewBox, as SVG path data for the total of ceilings, each goal's ceilings and the frame (drawn as a step).
// Pure, so it is tested without a browser.
import type { TimelinePoint } from '$domain/frame-history.ts';

export const CHART = { width: 1000, height: 160, padTop: 10, padBottom: 10 } as const;

export interface ChartScale {
  /** x of the point at `index`. */
  x(index: number): number;
  /** y of an amount against the chart's range (the largest of the totals and the frame, never below zero). */
  y(baht: number): number;
}

export function chartScale(points: readonly TimelinePoint[], series: readonly ((p: TimelinePoint) => number)[]): ChartScale {
  let max = 0;
  let min = Number.POSITIVE_INFINITY;
  for (const point of points) {
    for (const value of [point.frameBaht, point.ceilingsBaht, ...series.map((f) => f(point))]) {
      if (value > max) max = value;
      if (value < min) min = value;
    }
  }
  if (!Number.isFinite(min)) min = 0;
  // A margin under the lowest figure so that a few million of movement on a frame of thousands still shows.
  const floor = Math.max(0, min - (max - min) * 0.15 - 1);
  const span = Math.max(1, max - floor);
  const last = Math.max(1, points.length - 1);
  const inner = CHART.height - CHART.padTop - CHART.padBottom;
  return {
    x: (index) => (index / last) * CHART.width,
    y: (baht) => CHART.padTop + (1 - (baht - floor) / span) * inner,
  };
}

const fixed = (n: number) => Math.round(n * 10) / 10;

/** A polyline through every point's value. */
export function linePath(points: readonly TimelinePoint[], scale: ChartScale, value: (p: TimelinePoint) => number): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${fixed(scale.x(i))},${fixed(scale.y(value(p)))}`).join('');
}

/** The frame as a step: it holds until the change that moved it. */
export function stepPath(points: readonly TimelinePoint[], scale: ChartScale, value: (p: TimelinePoint) => number): string {
  return points
    .map((p, i) => {
      const y = fixed(scale.y(value(p)));
      return i === 0 ? `M${fixed(scale.x(0))},${y}` : `H${fixed(scale.x(i))}V${y}`;
    })
    .join('');
}

/** The index of the last point at or before `seq` (the timeline's first point when the seq precedes every change). */
export function indexAtSeq(points: readonly TimelinePoint[], seq: number): number {
  let found = 0;
  for (let i = 0; i < points.length; i++) {
    if (points[i]!.seq > seq) break;
    found = i;
  }
  return found;
}
