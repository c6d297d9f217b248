/**
 * The timeline's shared time axis: ISO days to x and back on a UTC scale (d3-scale), readable ticks,
 * the window a brushed pixel range covers, and the windows play steps through. Pure: nothing is drawn
 * here. A day D covers [x(D), x(D + 1 day)).
 */
import { type ScaleTime, scaleUtc } from 'd3-scale';
import { utcDay, utcMonth, utcWeek } from 'd3-time';

/** A time window, ISO days, both included. */
export interface TimeWindow {
  from: string;
  to: string;
}

/** How far one step of play moves the window. */
export type PlayStep = 'week' | 'month' | 'quarter';

export const PLAY_STEPS: readonly PlayStep[] = ['week', 'month', 'quarter'];

/** The day of an ISO date, at midnight UTC. */
export function dayOf(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** The ISO day of a date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The axis from the month of the first day to the end of the month of the last, over [left, right] pixels. */
export function timeAxis(
  first: string,
  last: string,
  left: number,
  right: number,
): ScaleTime<number, number> {
  const end = utcMonth.ceil(utcDay.offset(dayOf(last), 1));
  return scaleUtc()
    .domain([utcMonth.floor(dayOf(first)), end])
    .range([left, Math.max(right, left + 1)]);
}

/** Ticks for the axis, about one per `spacing` pixels, with d3's multi-scale labels (2024, March, Mar 08). */
export function axisTicks(
  scale: ScaleTime<number, number>,
  spacing = 90,
): { x: number; label: string; day: string }[] {
  const [left, right] = scale.range() as [number, number];
  const count = Math.max(2, Math.floor((right - left) / spacing));
  const format = scale.tickFormat(count);
  return scale.ticks(count).map((date) => ({ x: scale(date), label: format(date), day: isoDay(date) }));
}

/** The days a pixel range covers, within the axis; null when it covers none. */
export function windowFromPixels(
  scale: ScaleTime<number, number>,
  x0: number,
  x1: number,
): TimeWindow | null {
  const [start, end] = scale.domain() as [Date, Date];
  const a = scale.invert(Math.min(x0, x1));
  const b = scale.invert(Math.max(x0, x1));
  const from = utcDay.floor(new Date(Math.max(a.getTime(), start.getTime())));
  // The day under the right edge, unless the edge falls on its very start.
  const to = utcDay.floor(new Date(Math.min(b.getTime(), end.getTime()) - 1));
  return to < from ? null : { from: isoDay(from), to: isoDay(to) };
}

/** The pixel range a window covers on the axis (from the start of its first day to the end of its last). */
export function pixelsOf(scale: ScaleTime<number, number>, window: TimeWindow): [number, number] {
  const [left, right] = scale.range() as [number, number];
  const clamp = (x: number) => Math.min(Math.max(x, left), right);
  return [clamp(scale(dayOf(window.from))), clamp(scale(utcDay.offset(dayOf(window.to), 1)))];
}

function offset(date: Date, step: PlayStep, times: number): Date {
  if (step === 'week') return utcWeek.offset(date, times);
  return utcMonth.offset(date, step === 'quarter' ? 3 * times : times);
}

/** The window play starts with: the step (week, month, quarter) holding the first day. */
export function firstPlayWindow(first: string, step: PlayStep): TimeWindow {
  const from = step === 'week' ? utcWeek.floor(dayOf(first)) : utcMonth.floor(dayOf(first));
  return { from: isoDay(from), to: isoDay(utcDay.offset(offset(from, step, 1), -1)) };
}

/** The window one step later, as long as this one; null once it would start after the last day. */
export function nextPlayWindow(window: TimeWindow, step: PlayStep, last: string): TimeWindow | null {
  const from = offset(dayOf(window.from), step, 1);
  if (isoDay(from) > last) return null;
  const to = utcDay.offset(offset(utcDay.offset(dayOf(window.to), 1), step, 1), -1);
  return { from: isoDay(from), to: isoDay(to) };
}
