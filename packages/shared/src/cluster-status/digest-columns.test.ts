import { describe, expect, it } from 'vitest';
import { digestsFromColumns, digestsToColumns } from './digest-columns';
import { DigestColumnsSchema, type ResourceDigest } from './status.schema';

const AT = '2026-12-07T10:04:30Z';

function digest(name: string, overrides: Partial<ResourceDigest> = {}): ResourceDigest {
  return {
    name,
    resource_version: `rv-${name}`,
    state: 'ready',
    reason: { code: 'ready' },
    spec_applied: true,
    last_heartbeat: AT,
    ...overrides,
  };
}

const DIGESTS: ResourceDigest[] = [
  digest('alpha'),
  digest('beta', {
    state: 'error',
    reason: {
      code: 'condition-false',
      type: 'SecretStoreReady',
      operator: 'cluster-operator',
      message: 'sync cluster info to secret store failed: Vault is sealed',
    },
  }),
  digest('gamma'),
  digest('delta', {
    state: 'deleting',
    reason: { code: 'deleting', since: AT, finalizers: ['argo-operator'] },
    spec_applied: false,
    last_heartbeat: null,
  }),
  digest('epsilon', {
    state: 'reconciling',
    reason: { code: 'spec-not-applied', operators: ['argo-operator'] },
    spec_applied: false,
  }),
];

describe('the snapshot’s digest columns', () => {
  it('when digests go through columns, JSON and the schema, then the same digests come back, in order', () => {
    const sent = JSON.stringify(digestsToColumns(DIGESTS));
    const received = DigestColumnsSchema.parse(JSON.parse(sent));
    expect(digestsFromColumns(received)).toEqual(DIGESTS);
  });

  it('when clusters share a verdict, then it is sent once and each cluster points at it', () => {
    const columns = digestsToColumns(DIGESTS);
    expect(columns.verdicts).toHaveLength(4);
    expect(columns.verdict[0]).toBe(columns.verdict[2]);
    expect(columns.verdicts[columns.verdict[0] ?? -1]).toEqual({
      state: 'ready',
      reason: { code: 'ready' },
    });
  });

  it('when there are no clusters, then every column is empty', () => {
    const columns = digestsToColumns([]);
    expect(DigestColumnsSchema.parse(columns)).toEqual(columns);
    expect(digestsFromColumns(columns)).toEqual([]);
  });

  it('when a column is shorter than the names, or a verdict index is out of range, then the schema refuses them', () => {
    const columns = digestsToColumns(DIGESTS);
    const short = { ...columns, resource_version: columns.resource_version.slice(1) };
    expect(DigestColumnsSchema.safeParse(short).success).toBe(false);
    const outOfRange = { ...columns, verdict: [...columns.verdict.slice(1), 99] };
    expect(DigestColumnsSchema.safeParse(outOfRange).success).toBe(false);
  });

  it.each([
    ['a name that is not a string', { name: [1, 'beta', 'gamma', 'delta', 'epsilon'] }],
    ['a resource version that is a number', { resource_version: [1, 2, 3, 4, 5] }],
    ['spec_applied that is a string', { spec_applied: ['true', true, true, false, false] }],
    ['a heartbeat that is a number', { last_heartbeat: [0, null, null, null, null] }],
    ['a negative verdict index', { verdict: [-1, 0, 0, 0, 0] }],
    ['a fractional verdict index', { verdict: [0.5, 0, 0, 0, 0] }],
    ['a column that is not an array', { spec_applied: 'true' }],
  ])('when a column holds %s, then the schema refuses it', (_what, change) => {
    const columns = { ...digestsToColumns(DIGESTS), ...change };
    const result = DigestColumnsSchema.safeParse(columns);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^expected an array of /);
  });
});
