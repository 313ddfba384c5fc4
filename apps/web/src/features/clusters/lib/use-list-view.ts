import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { NavigationType, useLocation, useNavigationType, useSearchParams } from 'react-router';
import { readListView, writeListView, type ListView } from './cluster-list-view';

/** The search box's text reaches the URL this long after the last key (unless flushed first). */
export const SEARCH_URL_DELAY_MS = 300;

export interface ListViewState {
  view: ListView;
  /** A filter or the order changed: shown and written to the URL at once. */
  update: (patch: Partial<ListView>) => void;
  /** The search text changed: shown at once, written to the URL once typing pauses. */
  search: (q: string) => void;
  /** Writes a search text still waiting for the URL now (the box lost focus, Enter). */
  flush: () => void;
}

/**
 * The list's view: in state, read from the URL on arrival and on back/forward, written to it
 * (replace: no history entry per key) so that reloads, back and shared links keep it.
 *
 * Every URL write is a router navigation that re-renders the whole page (the layout and every
 * link read the location), so a keystroke does not write: the text is written once typing
 * pauses, when the box loses focus (which also comes first when a link is clicked or the
 * window is left) or on Enter, and with any other change of the view. Binding the search box
 * to the router's (transition-deferred) state instead could drop keystrokes or undo a sort
 * clicked right after typing.
 */
export function useListView(): ListViewState {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  const [view, setView] = useState(() => readListView(params));
  const [seenLocation, setSeenLocation] = useState(location.key);
  if (location.key !== seenLocation) {
    setSeenLocation(location.key);
    if (navigationType === NavigationType.Pop) setView(readListView(params));
  }

  const pending = useRef<{ view: ListView; timer: number } | null>(null);
  const cancel = useCallback(() => {
    if (pending.current) window.clearTimeout(pending.current.timer);
    pending.current = null;
  }, []);
  const write = useCallback(
    (next: ListView) => {
      cancel();
      setParams(writeListView(next), { replace: true });
    },
    [cancel, setParams],
  );
  const flush = useCallback(() => {
    if (pending.current) write(pending.current.view);
  }, [write]);

  // Back/forward showed another entry's view: a text typed before must not be written into it.
  useEffect(() => {
    if (navigationType === NavigationType.Pop) cancel();
  }, [location.key, navigationType, cancel]);
  // Leaving the page: the URL is another page's now (focus left the box before, and flushed).
  useEffect(() => cancel, [cancel]);

  // The callbacks read the view from here, so that they stay the same while typing.
  const shown = useRef(view);
  useLayoutEffect(() => {
    shown.current = view;
  });
  const update = useCallback(
    (patch: Partial<ListView>) => {
      const next = { ...shown.current, ...patch };
      shown.current = next;
      setView(next);
      write(next);
    },
    [write],
  );
  const search = useCallback(
    (q: string) => {
      const next = { ...shown.current, q };
      shown.current = next;
      setView(next);
      cancel();
      const timer = window.setTimeout(() => write(next), SEARCH_URL_DELAY_MS);
      pending.current = { view: next, timer };
    },
    [cancel, write],
  );
  return { view, update, search, flush };
}
