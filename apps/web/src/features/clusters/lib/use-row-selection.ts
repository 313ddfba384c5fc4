import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Cluster } from '@cluster-console/shared';
import {
  hiddenCount,
  NO_SELECTION,
  shownState,
  toggleAllShown,
  toggleRow,
  withoutGone,
  type Selection,
} from './row-selection';

/**
 * The list's selection: names, so it is kept while filtering and sorting and across live
 * updates of the rows. `toggle` and `toggleAll` keep their identity for the life of the page:
 * the memoized rows get them as props, and a selection change re-renders only the rows whose
 * checkbox changed (and the header).
 */
export function useRowSelection(all: readonly Cluster[], shown: readonly Cluster[]) {
  const [stored, setStored] = useState<Selection>(NO_SELECTION);
  const existing = useMemo(() => new Set(all.map((cluster) => cluster.name)), [all]);
  // A cluster deleted elsewhere (or by a live update) leaves the selection in the same render.
  const selected = useMemo(() => withoutGone(stored, existing), [stored, existing]);
  // ...and is forgotten, so one registered again under that name does not come back selected.
  // (Adjusted while rendering, as React advises for state derived from props: no effect pass.)
  if (selected !== stored) setStored(selected);
  const shownNames = useMemo(() => shown.map((cluster) => cluster.name), [shown]);

  const anchor = useRef<string | null>(null);
  const shownRef = useRef(shownNames);
  useLayoutEffect(() => {
    shownRef.current = shownNames;
  });

  const toggle = useCallback((name: string, extend: boolean) => {
    // Read now: the updater may run after the next toggle has moved the anchor.
    const from = anchor.current;
    const order = shownRef.current;
    anchor.current = name;
    setStored((current) => toggleRow(current, name, { extend, anchor: from, shown: order }));
  }, []);

  const toggleAll = useCallback(() => {
    const order = shownRef.current;
    setStored((current) => toggleAllShown(current, order));
  }, []);

  const clear = useCallback(() => {
    anchor.current = null;
    setStored(NO_SELECTION);
  }, []);

  const selectedClusters = useMemo(
    () => (selected.size === 0 ? [] : all.filter((cluster) => selected.has(cluster.name))),
    [all, selected],
  );

  return {
    selected,
    selectedClusters,
    /** Selected clusters the filter hides. */
    hidden: useMemo(
      () => hiddenCount(selected, shownNames, existing),
      [selected, shownNames, existing],
    ),
    /** The header checkbox: none, some or all of the shown rows selected. */
    shownState: useMemo(() => shownState(selected, shownNames), [selected, shownNames]),
    toggle,
    toggleAll,
    clear,
  };
}

export type RowSelection = ReturnType<typeof useRowSelection>;
