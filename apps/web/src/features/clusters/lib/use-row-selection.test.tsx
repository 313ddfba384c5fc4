import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@cluster-console/shared';
import { hostCluster } from '../../../testing/msw-server';
import { useRowSelection } from './use-row-selection';

const named = (name: string): Cluster => ({ ...hostCluster, name });
const ALL = ['a', 'b', 'c', 'd', 'e'].map(named);

function renderSelection(shown: readonly Cluster[] = ALL, all: readonly Cluster[] = ALL) {
  return renderHook(({ all, shown }) => useRowSelection(all, shown), {
    initialProps: { all, shown },
  });
}
const names = (result: { current: ReturnType<typeof useRowSelection> }) =>
  result.current.selectedClusters.map((cluster) => cluster.name);

describe('useRowSelection', () => {
  it('when a row is toggled twice, then it is selected and then not, and the header follows', () => {
    const { result } = renderSelection();
    expect(result.current.shownState).toBe('none');
    act(() => result.current.toggle('b', false));
    expect(names(result)).toEqual(['b']);
    expect(result.current.shownState).toBe('some');
    act(() => result.current.toggle('b', false));
    expect(names(result)).toEqual([]);
  });

  it('when Shift extends from the last row toggled, then every shown row between takes its state', () => {
    const { result } = renderSelection();
    act(() => result.current.toggle('b', false));
    act(() => result.current.toggle('d', true));
    expect(names(result)).toEqual(['b', 'c', 'd']);
    // Upwards too, and unselecting: d is the anchor now, a..d become unselected (a was not).
    act(() => result.current.toggle('c', true));
    expect(names(result)).toEqual(['b']);
  });

  it('when the anchor is hidden by the filter, then Shift toggles only the row', () => {
    const { result, rerender } = renderSelection();
    act(() => result.current.toggle('a', false));
    rerender({ all: ALL, shown: [named('c'), named('d'), named('e')] });
    act(() => result.current.toggle('e', true));
    expect(names(result)).toEqual(['a', 'e']);
  });

  it('when "select all shown" is used under a filter, then only shown rows change and hidden selections are counted', () => {
    const { result, rerender } = renderSelection();
    act(() => result.current.toggle('a', false));
    const shown = [named('c'), named('d')];
    rerender({ all: ALL, shown });
    expect(result.current.hidden).toBe(1);
    act(() => result.current.toggleAll());
    expect(names(result)).toEqual(['a', 'c', 'd']);
    expect(result.current.shownState).toBe('all');
    act(() => result.current.toggleAll());
    expect(names(result)).toEqual(['a']);
    // Back to every row: the selection made before the filter is still there.
    rerender({ all: ALL, shown: ALL });
    expect(result.current.hidden).toBe(0);
    expect(result.current.shownState).toBe('some');
  });

  it('when a live update replaces the rows or removes a selected one, then the selection follows by name', () => {
    const { result, rerender } = renderSelection();
    act(() => result.current.toggle('b', false));
    act(() => result.current.toggle('c', false));
    // New objects for the same clusters (a refetch), and c gone.
    const updated = ['a', 'b', 'd', 'e'].map(named);
    rerender({ all: updated, shown: updated });
    expect(names(result)).toEqual(['b']);
    expect(result.current.selected.has('c')).toBe(false);
  });

  it('when selection changes, then toggle and toggleAll keep their identity (memoized rows are not re-rendered)', () => {
    const { result } = renderSelection();
    const { toggle, toggleAll } = result.current;
    act(() => result.current.toggle('a', false));
    expect(result.current.toggle).toBe(toggle);
    expect(result.current.toggleAll).toBe(toggleAll);
  });
});
