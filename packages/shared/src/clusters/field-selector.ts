import type { Cluster } from './cluster.schema';

/** The keys GET /api/v1/clusters accepts in `field_selector`. */
export const FIELD_SELECTOR_KEYS = [
  'cluster_type',
  'usage',
  'worker_type',
  'cluster_name',
] as const;
export type FieldSelectorKey = (typeof FIELD_SELECTOR_KEYS)[number];
export type FieldSelector = Partial<Record<FieldSelectorKey, string>>;

export type ParseFieldSelectorResult =
  { ok: true; selector: FieldSelector } | { ok: false; key: string; message: string };

const KEY_LIST = FIELD_SELECTOR_KEYS.join(', ');

function isKey(key: string): key is FieldSelectorKey {
  return (FIELD_SELECTOR_KEYS as readonly string[]).includes(key);
}

/**
 * Parses `key=value[,key=value]`. Only `=` is an operator; an unknown key, `!=`, `==` or a
 * term without `=` is an error naming the key. An empty text selects everything.
 */
export function parseFieldSelector(text: string): ParseFieldSelectorResult {
  const selector: FieldSelector = {};
  if (text.trim() === '') return { ok: true, selector };
  for (const rawTerm of text.split(',')) {
    const term = rawTerm.trim();
    const eq = term.indexOf('=');
    const rawKey = (eq < 0 ? term : term.slice(0, eq)).trim();
    const key = rawKey.endsWith('!') ? rawKey.slice(0, -1).trim() : rawKey;
    if (term === '') {
      return {
        ok: false,
        key: '',
        message: 'field_selector has an empty term: write key=value[,key=value].',
      };
    }
    if (!isKey(key)) {
      return {
        ok: false,
        key,
        message: `field_selector key "${key}" is not supported: use one of ${KEY_LIST}.`,
      };
    }
    if (eq < 0) {
      return {
        ok: false,
        key,
        message: `field_selector term "${term}" has no value: write ${key}=<value>.`,
      };
    }
    const value = term.slice(eq + 1);
    if (rawKey !== key || value.startsWith('=')) {
      return {
        ok: false,
        key,
        message: `field_selector supports only "=" for "${key}" (not "!=" or "=="): write ${key}=<value>.`,
      };
    }
    if (selector[key] !== undefined) {
      return { ok: false, key, message: `field_selector names "${key}" twice: give it once.` };
    }
    selector[key] = value.trim();
  }
  return { ok: true, selector };
}

/** The text form of a selector, keys in the canonical order, empty values left out. */
export function formatFieldSelector(selector: FieldSelector): string {
  return FIELD_SELECTOR_KEYS.filter((key) => (selector[key] ?? '') !== '')
    .map((key) => `${key}=${selector[key] ?? ''}`)
    .join(',');
}

/** Exact match for cluster_type, usage and worker_type; substring match for cluster_name. */
export function matchesFieldSelector(cluster: Cluster, selector: FieldSelector): boolean {
  const { cluster_type, usage, worker_type, cluster_name } = selector;
  if (cluster_type !== undefined && cluster.cluster_type !== cluster_type) return false;
  if (usage !== undefined && cluster.usage !== usage) return false;
  if (worker_type !== undefined && (cluster.worker_type ?? '') !== worker_type) return false;
  if (cluster_name !== undefined && !cluster.name.includes(cluster_name)) return false;
  return true;
}
