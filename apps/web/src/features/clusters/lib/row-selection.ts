/**
 * The list's row selection as plain set arithmetic, by cluster name (not by row position): the
 * rows in view change with every filter, sort and live update, the names do not. The hook
 * (use-row-selection.ts) keeps the state; these functions decide what a click or a key does.
 */

export type Selection = ReadonlySet<string>;

export const NO_SELECTION: Selection = new Set();

/**
 * A checkbox toggled: alone, or (`extend`, Shift held) every shown row from the anchor (the
 * last row toggled) to this one takes this row's new state. An anchor the filter hides starts
 * no range: only this row changes.
 */
export function toggleRow(
  selected: Selection,
  name: string,
  { extend, anchor, shown }: { extend: boolean; anchor: string | null; shown: readonly string[] },
): Selection {
  const value = !selected.has(name);
  const from = extend && anchor !== null ? shown.indexOf(anchor) : -1;
  const to = from === -1 ? -1 : shown.indexOf(name);
  const names = to === -1 ? [name] : shown.slice(Math.min(from, to), Math.max(from, to) + 1);
  const next = new Set(selected);
  for (const each of names) {
    if (value) next.add(each);
    else next.delete(each);
  }
  return next;
}

/** How many of the shown rows are selected: the header checkbox's state. */
export function shownState(selected: Selection, shown: readonly string[]): 'none' | 'some' | 'all' {
  if (selected.size === 0 || shown.length === 0) return 'none';
  let count = 0;
  for (const name of shown) if (selected.has(name)) count += 1;
  return count === 0 ? 'none' : count === shown.length ? 'all' : 'some';
}

/**
 * The header checkbox: when every shown row is selected it clears them, otherwise it selects
 * them all. Rows the filter hides keep their state either way.
 */
export function toggleAllShown(selected: Selection, shown: readonly string[]): Selection {
  const next = new Set(selected);
  if (shownState(selected, shown) === 'all') for (const name of shown) next.delete(name);
  else for (const name of shown) next.add(name);
  return next;
}

/** Selected names that the filter hides (and that still exist): "N selected are hidden". */
export function hiddenCount(
  selected: Selection,
  shown: readonly string[],
  existing: ReadonlySet<string>,
): number {
  if (selected.size === 0) return 0;
  const visible = new Set(shown);
  let count = 0;
  for (const name of selected) if (existing.has(name) && !visible.has(name)) count += 1;
  return count;
}

/** Names no longer registered (deleted here or elsewhere) leave the selection. */
export function withoutGone(selected: Selection, existing: ReadonlySet<string>): Selection {
  for (const name of selected) {
    if (!existing.has(name)) return new Set([...selected].filter((each) => existing.has(each)));
  }
  return selected;
}
