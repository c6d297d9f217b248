/**
 * Undo and redo over view states. Each action pushes the state it produced; undo steps back, redo
 * forward, and a new action after an undo drops the states that were undone.
 */
import type { ViewState } from './view-state.ts';

const MAX_STEPS = 200;

/** A history of view states with a cursor. */
export class ViewHistory {
  private states: ViewState[];
  private cursor = 0;
  private readonly listeners = new Set<(state: ViewState) => void>();

  constructor(initial: ViewState) {
    this.states = [initial];
  }

  /** The current state. */
  get current(): ViewState {
    return this.states[this.cursor] as ViewState;
  }

  /** Records a new state produced by an action and tells the listeners. */
  push(next: ViewState): void {
    if (next === this.current) return;
    this.states = [...this.states.slice(0, this.cursor + 1), next].slice(-MAX_STEPS);
    this.cursor = this.states.length - 1;
    this.emit();
  }

  /** Applies a change to the current state. */
  update(change: (state: ViewState) => ViewState): void {
    this.push(change(this.current));
  }

  /**
   * Replaces the current state without adding a step (a playing timeline's later steps: one undo
   * then goes back to before play started, not month by month).
   */
  replace(next: ViewState): void {
    if (next === this.current) return;
    this.states = [...this.states.slice(0, this.cursor), next];
    this.emit();
  }

  /** Replaces the whole history by one state (opening a link). */
  reset(state: ViewState): void {
    this.states = [state];
    this.cursor = 0;
    this.emit();
  }

  get canUndo(): boolean {
    return this.cursor > 0;
  }

  get canRedo(): boolean {
    return this.cursor < this.states.length - 1;
  }

  undo(): void {
    if (!this.canUndo) return;
    this.cursor--;
    this.emit();
  }

  redo(): void {
    if (!this.canRedo) return;
    this.cursor++;
    this.emit();
  }

  /** Calls back on every change; returns the function that stops it. */
  subscribe(listener: (state: ViewState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.current);
  }
}
