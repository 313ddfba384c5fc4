/**
 * The stream's snapshot carries every cluster's digest as columns (DigestColumnsSchema): the BFF
 * turns its digests into columns once per change, the browser turns them back after checking
 * them. The two functions here are each other's inverse.
 */
import type { DigestColumns, ResourceDigest } from './status.schema';

type Verdict = DigestColumns['verdicts'][number];

/** The digests as columns, in the order given; equal verdicts are kept once. */
export function digestsToColumns(digests: Iterable<ResourceDigest>): DigestColumns {
  const columns: DigestColumns = {
    name: [],
    resource_version: [],
    spec_applied: [],
    last_heartbeat: [],
    verdict: [],
    verdicts: [],
  };
  const verdictIndex = new Map<string, number>();
  for (const digest of digests) {
    const verdict: Verdict = { state: digest.state, reason: digest.reason };
    const key = JSON.stringify(verdict);
    let index = verdictIndex.get(key);
    if (index === undefined) {
      index = columns.verdicts.length;
      verdictIndex.set(key, index);
      columns.verdicts.push(verdict);
    }
    columns.name.push(digest.name);
    columns.resource_version.push(digest.resource_version);
    columns.spec_applied.push(digest.spec_applied);
    columns.last_heartbeat.push(digest.last_heartbeat);
    columns.verdict.push(index);
  }
  return columns;
}

/**
 * The digests back from columns that DigestColumnsSchema accepted (one entry per cluster in
 * each, every verdict index in range). Clusters sharing a verdict share its reason object.
 */
export function digestsFromColumns(columns: DigestColumns): ResourceDigest[] {
  return columns.name.map((name, index) => {
    const verdict = columns.verdicts[columns.verdict[index] ?? 0];
    if (!verdict) throw new Error(`digest columns: no verdict for ${name}`);
    return {
      name,
      resource_version: columns.resource_version[index] ?? '',
      state: verdict.state,
      reason: verdict.reason,
      spec_applied: columns.spec_applied[index] ?? false,
      last_heartbeat: columns.last_heartbeat[index] ?? null,
    };
  });
}
