import type { TFunction } from 'i18next';
import { clusterTypeLabel, usageLabel, workerTypeLabel } from './cluster-labels';

/**
 * The words of the cluster table's rows, each looked up once per language and value. i18next's
 * `t` is not free, and a keystroke in the search box at 5,000 clusters re-renders every row in
 * view (some 30, eight texts each); the same few words need not be looked up again each time.
 */
export interface RowTexts {
  type(value: string): string;
  usage(value: string): string;
  workerType(value: string): string;
  virtualCount(count: number): string;
  virtualCountShort(count: number): string;
  deleteCluster(name: string): string;
  deleteBlocked(names: string): string;
  delete: string;
}

export function createRowTexts(t: TFunction): RowTexts {
  const known = new Map<string, string>();
  const once = (key: string, lookUp: () => string): string => {
    let text = known.get(key);
    if (text === undefined) {
      text = lookUp();
      known.set(key, text);
    }
    return text;
  };
  return {
    type: (value) => once(`type ${value}`, () => clusterTypeLabel(t, value)),
    usage: (value) => once(`usage ${value}`, () => usageLabel(t, value)),
    workerType: (value) => once(`worker ${value}`, () => workerTypeLabel(t, value)),
    virtualCount: (count) => once(`virtuals ${count}`, () => t('list.virtualCount', { count })),
    virtualCountShort: (count) =>
      once(`virtuals-short ${count}`, () => t('list.virtualCountShort', { count })),
    // Per name: one entry per row ever shown, a few thousand strings at most.
    deleteCluster: (name) => once(`delete ${name}`, () => t('list.deleteCluster', { name })),
    deleteBlocked: (names) => once(`blocked ${names}`, () => t('list.deleteBlocked', { names })),
    delete: t('common.delete'),
  };
}
