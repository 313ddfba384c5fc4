import { describe, expect, it } from 'vitest';
import { CLUSTER_NAME_MAX_LENGTH, ClusterNameSchema, validateClusterName } from './cluster-name';

describe('validateClusterName', () => {
  it.each([
    'cluster-host',
    'a',
    '0',
    'vcluster-virtual',
    'a1-b2',
    'a'.repeat(CLUSTER_NAME_MAX_LENGTH),
  ])('when the name is "%s", then it is valid', (name) => {
    expect(validateClusterName(name)).toBeUndefined();
    expect(ClusterNameSchema.safeParse(name).success).toBe(true);
  });

  it.each([
    { name: '', message: /Enter a cluster name/ },
    { name: 'Cluster-Host', message: /lowercase letters only, e.g. "cluster-host"/ },
    { name: 'cluster_host', message: /only lowercase letters, digits and "-"/ },
    { name: 'cluster.host', message: /no spaces, dots/ },
    { name: 'cluster host', message: /no spaces/ },
    { name: '-cluster', message: /Start and end/ },
    { name: 'cluster-', message: /Start and end/ },
    { name: 'a'.repeat(64), message: /at most 63 characters \(this name has 64\)/ },
    { name: '../etc', message: /only lowercase letters/ },
  ])('when the name is "$name", then the message says what to do', ({ name, message }) => {
    expect(validateClusterName(name)).toMatch(message);
    expect(ClusterNameSchema.safeParse(name).error?.issues[0]?.message).toMatch(message);
  });

  it('when the name is not a string, then the schema refuses it', () => {
    expect(ClusterNameSchema.safeParse(42).success).toBe(false);
  });
});
