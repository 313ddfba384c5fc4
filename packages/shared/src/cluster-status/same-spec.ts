/**
 * "Is the current spec applied?" Nautes has no observedGeneration: each operator stores the
 * spec it last applied as JSON (`lastSuccessSpec`). The Go side omits empty fields
 * (`omitempty`) that the resource may still carry as "", null, [] or {}, and key order is
 * free, so the two are compared as values with empty ones dropped.
 */
export function sameSpec(spec: unknown, lastSuccessSpec: string | null): boolean {
  if (lastSuccessSpec === null || spec === undefined) return false;
  let applied: unknown;
  try {
    applied = JSON.parse(lastSuccessSpec);
  } catch {
    return false;
  }
  return equalValues(withoutEmpty(spec), withoutEmpty(applied));
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value === null || typeof value !== 'object') return value;
  const kept = new Map<string, unknown>();
  for (const [key, child] of Object.entries(value)) {
    const cleaned = withoutEmpty(child);
    if (!isEmpty(cleaned)) kept.set(key, cleaned);
  }
  return kept;
}

function equalValues(left: unknown, right: unknown): boolean {
  if (left instanceof Map && right instanceof Map) {
    if (left.size !== right.size) return false;
    for (const [key, value] of left) {
      if (!right.has(key) || !equalValues(value, right.get(key))) return false;
    }
    return true;
  }
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, i) => equalValues(item, right[i]));
  }
  return Object.is(left, right);
}
