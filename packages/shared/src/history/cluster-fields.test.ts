import { describe, expect, it } from 'vitest';
import {
  classifyChange,
  type ClusterFields,
  clusterFileChange,
  diffFields,
  flattenFields,
  parseClusterFile,
} from './cluster-fields';
import { isSecretKey, REDACTED } from './redaction';
import type { FieldChange } from './history.schema';

const V03 = `apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
metadata:
  name: c1
  namespace: nautes
spec:
  apiServer: https://10.0.0.1:6443
  argocdHost: argocd.c1.10.0.0.1.nip.io
  clusterKind: kubernetes
  clusterType: physical
  usage: worker
  workerType: pipeline
  tektonHost: tekton.c1.10.0.0.1.nip.io
  traefik:
    httpNodePort: "30080"
    httpsNodePort: "30443"
  reservedNamespacesAllowedProducts:
    tekton:
      - p1
      - p2
  productAllowedClusterResources:
    p1:
      - kind: ClusterRole
        group: authorization.k8s.io
`;

const V04 = `apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
metadata:
  creationTimestamp: null
  name: c1
  namespace: nautes
spec:
  apiServer: https://10.0.0.1:6443
  clusterType: physical
  usage: worker
  componentsList:
    deployment:
      name: argocd
      namespace: argocd
      additions:
        host: argocd.example.test
    secretSync:
      name: external-secrets
      namespace: external-secrets
status: {}
`;

describe('parseClusterFile', () => {
  it.each([
    {
      name: 'a v0.3 file',
      text: V03,
      has: {
        'metadata.name': 'c1',
        'spec.argocdHost': 'argocd.c1.10.0.0.1.nip.io',
        'spec.traefik.httpNodePort': '30080',
        'spec.reservedNamespacesAllowedProducts.tekton[1]': 'p2',
        'spec.productAllowedClusterResources.p1[0].kind': 'ClusterRole',
      },
      lacks: [],
    },
    {
      name: 'a v0.4 file (creationTimestamp and status say nothing)',
      text: V04,
      has: {
        'spec.componentsList.deployment.additions.host': 'argocd.example.test',
        'spec.componentsList.secretSync.name': 'external-secrets',
      },
      lacks: ['metadata.creationTimestamp', 'status'],
    },
    {
      name: 'numbers and booleans as text',
      text: 'spec:\n  port: 30080\n  on: true\n  empty: ""\n  none: null\n',
      has: { 'spec.port': '30080', 'spec.on': 'true' },
      lacks: ['spec.empty', 'spec.none'],
    },
  ])('when reading $name, then the dotted fields hold the values', ({ text, has, lacks }) => {
    const parsed = parseClusterFile(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.fields).toMatchObject(has);
    for (const key of lacks)
      expect(Object.keys(parsed.fields).some((k) => k.startsWith(key))).toBe(false);
  });

  it.each([
    ['not YAML', 'a: [b'],
    ['a list', '- a\n- b\n'],
    ['a scalar', 'hello'],
  ])('when the file is %s, then it is refused with a reason', (_name, text) => {
    const parsed = parseClusterFile(text);
    expect(parsed.ok).toBe(false);
  });
});

describe('secrets', () => {
  it.each([
    ['kubeconfig', true],
    ['kubeConfig', true],
    ['token', true],
    ['bearerToken', true],
    ['password', true],
    ['passwd', true],
    ['clientSecret', true],
    ['client-key-data', true],
    ['privateKey', true],
    ['certificate-authority-data', true],
    ['secretSync', false],
    ['secret_management', false],
    ['apiServer', false],
    ['host', false],
  ])('when a key is %s, then secret is %s', (key, secret) => {
    expect(isSecretKey(key)).toBe(secret);
  });

  it('when a file holds a secret anywhere, then only the redaction marker leaves', () => {
    const text = `spec:
  kubeconfig: |
    apiVersion: v1
    users: [{name: u, user: {token: abc-very-secret}}]
  nested:
    auth:
      password: hunter2
      token: {value: t0k3n}
    secretSync: {name: external-secrets}
`;
    const parsed = parseClusterFile(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.fields).toEqual({
      'spec.kubeconfig': REDACTED,
      'spec.nested.auth.password': REDACTED,
      'spec.nested.auth.token': REDACTED,
      'spec.nested.secretSync.name': 'external-secrets',
    });
    const all = JSON.stringify(clusterFileChange(undefined, text));
    for (const secret of ['abc-very-secret', 'hunter2', 't0k3n']) expect(all).not.toContain(secret);
  });
});

describe('diffFields', () => {
  it.each<{ name: string; before: ClusterFields; after: ClusterFields; changes: FieldChange[] }>([
    { name: 'equal', before: { a: '1' }, after: { a: '1' }, changes: [] },
    {
      name: 'a value changed',
      before: { a: '1', b: 'x' },
      after: { a: '2', b: 'x' },
      changes: [{ field: 'a', before: '1', after: '2' }],
    },
    {
      name: 'a field added and one removed, sorted',
      before: { z: 'old' },
      after: { a: 'new' },
      changes: [
        { field: 'a', before: null, after: 'new' },
        { field: 'z', before: 'old', after: null },
      ],
    },
  ])('when $name, then the changes list it', ({ before, after, changes }) => {
    expect(diffFields(before, after)).toEqual(changes);
  });
});

describe('classifyChange and clusterFileChange', () => {
  it.each([
    [false, true, 'created'],
    [true, true, 'updated'],
    [true, false, 'deleted'],
    [false, false, 'updated'],
  ] as const)('when before=%s and after=%s, then %s', (before, after, kind) => {
    expect(classifyChange(before, after)).toBe(kind);
  });

  it('when v0.3 moves to v0.4, then the hosts show their new place', () => {
    const before = 'spec:\n  argocdHost: a.test\n  usage: worker\n';
    const after =
      'spec:\n  usage: worker\n  componentsList:\n    deployment:\n      additions:\n        host: b.test\n';
    expect(clusterFileChange(before, after)).toEqual({
      change: 'updated',
      fields: [
        { field: 'spec.argocdHost', before: 'a.test', after: null },
        { field: 'spec.componentsList.deployment.additions.host', before: null, after: 'b.test' },
      ],
    });
  });

  it('when the file is created then deleted, then every field appears then disappears', () => {
    const text = 'spec:\n  usage: host\n';
    expect(clusterFileChange(undefined, text)).toEqual({
      change: 'created',
      fields: [{ field: 'spec.usage', before: null, after: 'host' }],
    });
    expect(clusterFileChange(text, undefined)).toEqual({
      change: 'deleted',
      fields: [{ field: 'spec.usage', before: 'host', after: null }],
    });
  });

  it('when a key has odd characters, then its segment is quoted', () => {
    expect(flattenFields({ spec: { 'a.b': 'x' } })).toEqual({ 'spec."a.b"': 'x' });
  });
});

describe('keys named like Object.prototype members', () => {
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])(
    'when a field %s is added, changed or removed, then the diff shows exactly that',
    (key) => {
      const created = clusterFileChange(
        'spec:\n  usage: host\n',
        `spec:\n  usage: host\n${key}: a\n`,
      );
      expect(created.fields).toEqual([{ field: key, before: null, after: 'a' }]);
      const changed = clusterFileChange(`${key}: a\n`, `${key}: b\n`);
      expect(changed.fields).toEqual([{ field: key, before: 'a', after: 'b' }]);
      const removed = clusterFileChange(
        `${key}: a\nspec: {usage: host}\n`,
        'spec: {usage: host}\n',
      );
      expect(removed.fields).toEqual([{ field: key, before: 'a', after: null }]);
      const nested = clusterFileChange(undefined, `spec:\n  ${key}:\n    polluted: yes\n`);
      expect(nested.fields).toEqual([
        { field: `spec.${key}.polluted`, before: null, after: 'yes' },
      ]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('when only one side has such a key, then the other side is null, never a function', () => {
    expect(diffFields({ a: '1' }, { a: '1', toString: 'x' })).toEqual([
      { field: 'toString', before: null, after: 'x' },
    ]);
    expect(diffFields({ constructor: 'x' }, {})).toEqual([
      { field: 'constructor', before: 'x', after: null },
    ]);
  });
});
