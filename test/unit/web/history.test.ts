import { describe, expect, it } from 'vitest';
import { ViewHistory } from '../../../web/src/graph/history.ts';
import { EMPTY_VIEW, type ViewState } from '../../../web/src/graph/view-state.ts';

const windowed = (from: string, to: string): ViewState => ({
  ...EMPTY_VIEW,
  filters: { ...EMPTY_VIEW.filters, time: { from, to } },
});

describe('the view history', () => {
  it('replaces the current state without a step, so one undo goes back to before a played sequence', () => {
    const history = new ViewHistory(EMPTY_VIEW);
    const told: ViewState[] = [];
    history.subscribe((state) => told.push(state));
    const first = windowed('2024-01-01', '2024-01-31');
    history.push(first);
    history.replace(windowed('2024-02-01', '2024-02-29'));
    const last = windowed('2024-03-01', '2024-03-31');
    history.replace(last);
    expect(history.current).toBe(last);
    expect(told).toHaveLength(3);
    history.undo();
    expect(history.current).toBe(EMPTY_VIEW);
    expect(history.canUndo).toBe(false);
    history.redo();
    expect(history.current).toBe(last);
  });

  it('drops the states undone when it replaces after an undo', () => {
    const history = new ViewHistory(EMPTY_VIEW);
    history.push(windowed('2024-01-01', '2024-01-31'));
    history.undo();
    const other = windowed('2025-01-01', '2025-01-31');
    history.replace(other);
    expect(history.current).toBe(other);
    expect(history.canUndo).toBe(false);
    expect(history.canRedo).toBe(false);
  });
});
