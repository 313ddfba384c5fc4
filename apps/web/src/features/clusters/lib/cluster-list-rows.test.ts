import { describe, expect, it } from 'vitest';
import type { Cluster } from '@cluster-console/shared';
import {
  createClusterSorter,
  filterSortedClusters,
  sortClusters,
  type SortClusters,
} from './cluster-list-rows';
import { SORT_KEYS, type ListView } from './cluster-list-view';

/**
 * The list's filter-then-sort as it was before the sort moved out of the keystroke path, kept
 * word for word as the oracle the new pieces must agree with.
 */
function previousFilterAndSort(clusters: readonly Cluster[], view: ListView): Cluster[] {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const query = view.q.trim().toLowerCase();
  const filtered = clusters.filter(
    (cluster) =>
      (!query || cluster.name.toLowerCase().includes(query)) &&
      (!view.type || cluster.cluster_type === view.type) &&
      (!view.usage || cluster.usage === view.usage) &&
      (!view.worker || cluster.worker_type === view.worker),
  );
  const sign = view.dir === 'asc' ? 1 : -1;
  return filtered.sort((a, b) => {
    const left = a[view.sort] ?? '';
    const right = b[view.sort] ?? '';
    if (left === '' && right !== '') return 1;
    if (right === '' && left !== '') return -1;
    return sign * collator.compare(left, right) || collator.compare(a.name, b.name);
  });
}

function cluster(name: string, fields: Partial<Cluster> = {}): Cluster {
  return {
    name,
    cluster_kind: 'kubernetes',
    cluster_type: 'physical',
    usage: 'host',
    api_server: 'https://10.0.0.1:6443',
    ...fields,
  };
}

const worker = (name: string, host: string, workerType: string, fields: Partial<Cluster> = {}) =>
  cluster(name, {
    cluster_type: 'virtual',
    usage: 'worker',
    worker_type: workerType,
    host_cluster: host,
    api_server: `https://10.0.0.1:${30000 + name.length}`,
    ...fields,
  });

/**
 * Ties under the collator (names differing only in case or accent, shared hosts and servers),
 * numeric runs, non-ASCII names, empty and missing values: in an order that is not sorted.
 */
const MIXED: Cluster[] = [
  worker('vc-10', 'Host-B', 'pipeline'),
  cluster('host-b', { primary_domain: 'b.example.com' }),
  worker('VC-2', 'host-b', 'deployment', { primary_domain: '' }),
  cluster('Host-A', { api_server: 'https://10.0.0.2:6443' }),
  worker('vc-2', 'host-a', 'pipeline'),
  worker('Ärger-1', 'host-a', 'deployment', { primary_domain: 'ä.example.com' }),
  worker('arger-1', 'host-b', 'pipeline'),
  cluster('İstanbul', { cluster_type: 'virtual', usage: 'worker', primary_domain: 'i.example' }),
  worker('zeta-ß', 'host-a', 'pipeline', { api_server: 'https://10.0.0.2:6443' }),
  worker('straße-3', 'host-b', 'deployment'),
  cluster('日本-prod', { usage: 'worker', worker_type: 'deployment' }),
  worker('vc-1', 'Host-B', 'pipeline'),
  cluster('edge', { cluster_type: 'virtual' }),
];

const QUERIES = [
  '',
  'vc',
  'VC-',
  ' vc-1 ',
  '2',
  'ä',
  'Ä',
  'ss',
  'ß',
  'i',
  'İ',
  '日本',
  'host',
  'x',
];

function* views(): Generator<ListView> {
  for (const sort of SORT_KEYS)
    for (const dir of ['asc', 'desc'] as const)
      for (const q of QUERIES)
        for (const type of ['', 'physical', 'virtual'])
          for (const usage of ['', 'host', 'worker'])
            for (const workerType of ['', 'pipeline', 'deployment'])
              yield { q, type, usage, worker: workerType, status: '', sort, dir };
}

describe('sorting once and filtering the sorted rows', () => {
  it('when any search, filters and order are applied to a mixed list, then the rows are exactly those of filtering then sorting', () => {
    let compared = 0;
    for (const view of views()) {
      const expected = previousFilterAndSort(MIXED, view);
      const sorted = sortClusters(MIXED, view.sort, view.dir);
      expect(filterSortedClusters(sorted, view), JSON.stringify(view)).toEqual(expected);
      compared += 1;
    }
    expect(compared).toBe(SORT_KEYS.length * 2 * QUERIES.length * 27);
  });

  it('when names tie under the collator, then they keep the order the API gave', () => {
    const upperFirst = [cluster('Alpha'), cluster('alpha'), cluster('ALPHA')];
    const names = (list: Cluster[]) => sortClusters(list, 'name', 'desc').items.map((c) => c.name);
    expect(names(upperFirst)).toEqual(['Alpha', 'alpha', 'ALPHA']);
    expect(names([...upperFirst].reverse())).toEqual(['ALPHA', 'alpha', 'Alpha']);
  });

  it('when a list is sorted, then its search keys are the lowercased names in the same order', () => {
    const sorted = sortClusters(MIXED, 'host_cluster', 'desc');
    expect(sorted.searchKeys).toEqual(sorted.items.map((c) => c.name.toLowerCase()));
    expect(sorted.searchKeys).toContain('ärger-1');
  });

  it('when nothing narrows the view, then every row comes back in the sorted order', () => {
    const sorted = sortClusters(MIXED, 'name', 'asc');
    const rows = filterSortedClusters(sorted, { q: '  ', type: '', usage: '', worker: '' });
    expect(rows).toEqual(sorted.items);
    expect(rows.slice(0, 4).map((c) => c.name)).toEqual(['Ärger-1', 'arger-1', 'edge', 'Host-A']);
  });
});

describe('createClusterSorter', () => {
  function countingSorter() {
    const calls: string[] = [];
    const counted: SortClusters = (clusters, sort, dir) => {
      calls.push(`${sort} ${dir}`);
      return sortClusters(clusters, sort, dir);
    };
    return { sorter: createClusterSorter(counted), calls };
  }

  it('when the same list is asked for in the same order again, then it is sorted only once', () => {
    const { sorter, calls } = countingSorter();
    const first = sorter(MIXED, 'name', 'asc');
    for (const query of ['v', 'vc', 'vc-', 'vc-1']) {
      const rows = filterSortedClusters(sorter(MIXED, 'name', 'asc'), {
        q: query,
        type: '',
        usage: '',
        worker: '',
      });
      expect(rows.every((row) => row.name.toLowerCase().includes(query))).toBe(true);
    }
    expect(sorter(MIXED, 'name', 'asc')).toBe(first);
    expect(calls).toEqual(['name asc']);
  });

  it('when the order changes and changes back, then each order is sorted once', () => {
    const { sorter, calls } = countingSorter();
    const ascending = sorter(MIXED, 'usage', 'asc');
    const descending = sorter(MIXED, 'usage', 'desc');
    sorter(MIXED, 'api_server', 'asc');
    expect(sorter(MIXED, 'usage', 'asc')).toBe(ascending);
    expect(sorter(MIXED, 'usage', 'desc')).toBe(descending);
    expect(calls).toEqual(['usage asc', 'usage desc', 'api_server asc']);
  });

  it('when a new list arrives, even with equal contents, then it is sorted afresh', () => {
    const { sorter, calls } = countingSorter();
    const before = sorter(MIXED, 'name', 'asc');
    const refetched = MIXED.map((c) => ({ ...c }));
    refetched.push(cluster('aaa-new'));
    const after = sorter(refetched, 'name', 'asc');
    expect(after).not.toBe(before);
    expect(after.items[0]?.name).toBe('aaa-new');
    expect(calls).toEqual(['name asc', 'name asc']);
  });
});
