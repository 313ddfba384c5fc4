import type { Cluster } from '@cluster-console/shared';
import type { ListView, SortDirection, SortKey } from './cluster-list-view';

/**
 * One list in one order, with what a search needs computed up front. Typing only filters this:
 * filtering keeps the order, so the (costly, collator-based) sort of thousands of rows runs once
 * per list and order instead of once per keystroke.
 */
export interface SortedClusters {
  readonly items: readonly Cluster[];
  /** `items[i].name` lowercased, computed once rather than for every row on every keystroke. */
  readonly searchKeys: readonly string[];
}

/** The part of the view that narrows the rows; the rest (sort, dir) orders them. */
export type ListFilters = Pick<ListView, 'q' | 'type' | 'usage' | 'worker'> & {
  status?: string;
};

/** A cluster's live-status state by name (undefined while it has none). */
export type StateOf = (name: string) => string | undefined;

export type SortClusters = (
  clusters: readonly Cluster[],
  sort: SortKey,
  dir: SortDirection,
) => SortedClusters;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export const sortClusters: SortClusters = (clusters, sort, dir) => {
  const sign = dir === 'asc' ? 1 : -1;
  // Array.prototype.sort is stable: rows equal under the collator keep the API's order.
  const items = [...clusters].sort((a, b) => {
    const left = a[sort] ?? '';
    const right = b[sort] ?? '';
    // Empty values last in both directions: they are the least interesting rows.
    if (left === '' && right !== '') return 1;
    if (right === '' && left !== '') return -1;
    return sign * collator.compare(left, right) || collator.compare(a.name, b.name);
  });
  return { items, searchKeys: items.map((cluster) => cluster.name.toLowerCase()) };
};

/**
 * A `sort` that remembers its answers per list (by identity: the query cache hands out the same
 * array until the data changes) and order. `sort` is a parameter so tests can count the sorts.
 */
export function createClusterSorter(sort: SortClusters = sortClusters): SortClusters {
  // Weak: a list the query cache has replaced takes its sorted copies with it.
  const cache = new WeakMap<readonly Cluster[], Map<string, SortedClusters>>();
  return (clusters, key, dir) => {
    let byOrder = cache.get(clusters);
    if (byOrder === undefined) {
      byOrder = new Map();
      cache.set(clusters, byOrder);
    }
    const order = `${key} ${dir}`;
    let sorted = byOrder.get(order);
    if (sorted === undefined) {
      sorted = sort(clusters, key, dir);
      byOrder.set(order, sorted);
    }
    return sorted;
  };
}

/** The app's sorter: switching back to an order seen before costs no sort either. */
export const sortedClusters = createClusterSorter();

/**
 * The rows of `sorted` that match the search (name, case-insensitive substring) and filters.
 * With a status filter, only clusters whose live status (`stateOf`) is that state; without
 * statuses to read (`stateOf` absent: not received yet, or not configured) it filters nothing.
 */
export function filterSortedClusters(
  sorted: SortedClusters,
  filters: ListFilters,
  stateOf?: StateOf,
): Cluster[] {
  const query = filters.q.trim().toLowerCase();
  const { type, usage, worker } = filters;
  const status = filters.status ?? '';
  const { items, searchKeys } = sorted;
  const rows: Cluster[] = [];
  for (let index = 0; index < items.length; index += 1) {
    const cluster = items[index];
    if (
      cluster !== undefined &&
      (!type || cluster.cluster_type === type) &&
      (!usage || cluster.usage === usage) &&
      (!worker || cluster.worker_type === worker) &&
      (!status || !stateOf || stateOf(cluster.name) === status) &&
      (!query || (searchKeys[index] ?? '').includes(query))
    )
      rows.push(cluster);
  }
  return rows;
}

/** The rows the list shows for `view`, in one go and uncached (the page keeps the sort). */
export function filterAndSortClusters(clusters: readonly Cluster[], view: ListView): Cluster[] {
  return filterSortedClusters(sortClusters(clusters, view.sort, view.dir), view);
}
