/**
 * The timeline's play controls: play and pause, the step (week, month, quarter) and the speed. Play
 * moves the view's time window a step at a time, from the first month when none is set, and stops on
 * the last step that still holds a record, or as soon as the window is changed otherwise.
 */
import type { GraphView } from '../graph/graph-view.ts';
import {
  firstPlayWindow,
  nextPlayWindow,
  PLAY_STEPS,
  type PlayStep,
  type TimeWindow,
} from '../graph/time-axis.ts';
import type { Lanes } from '../graph/timeline-lanes.ts';
import { h } from '../lib/dom.ts';

const SPEEDS: [string, number][] = [
  ['Slow', 2000],
  ['Normal', 1000],
  ['Fast', 400],
];

/** Play, pause, step and speed: the window moves a step at a time to the end, then stops. */
export function buildPlayer(
  view: GraphView,
  lanes: () => Lanes,
  setWindow: (window: TimeWindow | null, push: boolean) => void,
  say: (text: string) => void,
) {
  const play = h('button', { type: 'button', id: 'timeline-play', 'aria-pressed': 'false' }, 'Play');
  const step = h(
    'select',
    { id: 'timeline-step', 'aria-label': 'Step' },
    ...PLAY_STEPS.map((value) => h('option', { value, selected: value === 'month' }, `by ${value}`)),
  );
  const speed = h(
    'select',
    { id: 'timeline-speed', 'aria-label': 'Speed' },
    ...SPEEDS.map(([name, ms]) => h('option', { value: ms, selected: ms === 1000 }, name)),
  );
  let timer: ReturnType<typeof setTimeout> | null = null;
  let placed: TimeWindow | null = null;
  const stop = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    play.textContent = 'Play';
    play.setAttribute('aria-pressed', 'false');
  };
  const advance = (firstStep: boolean) => {
    const { first, last } = lanes();
    if (!first || !last) return stop();
    const now = view.state.filters.time;
    const kind = step.value as PlayStep;
    let next = now ? nextPlayWindow(now, kind, last) : firstPlayWindow(first, kind);
    if (next === null && firstStep) next = firstPlayWindow(first, kind);
    if (next === null) {
      stop();
      return say(`Played to the end (${last}); the window stays on the last ${kind}.`);
    }
    placed = next;
    // The first step is one undo step; the later ones replace it, so undo goes back to before play.
    setWindow(next, firstStep);
    timer = setTimeout(() => advance(false), Number(speed.value));
  };
  play.addEventListener('click', () => {
    if (timer !== null) return stop();
    play.textContent = 'Pause';
    play.setAttribute('aria-pressed', 'true');
    advance(true);
  });
  return {
    controls: [play, step, speed],
    stop,
    /** Stops playing when the window was changed by anything else (undo, a link, the filters tab). */
    follow(window: TimeWindow | null) {
      if (timer !== null && window !== placed) stop();
    },
  };
}
