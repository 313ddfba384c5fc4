import { apiVersionOf, KINDS, type KindInfo } from './resources/kinds';

const resource = (name: string, kind: string, namespaced: boolean, verbs: string[]) => ({
  name,
  singularName: '',
  namespaced,
  kind,
  verbs,
});

const BUILT_IN_GROUPS = ['rbac.authorization.k8s.io', 'apiextensions.k8s.io'].map((name) => ({
  name,
  version: 'v1',
}));

const groupVersions = [
  ...BUILT_IN_GROUPS,
  ...KINDS.map((kind) => ({ name: kind.group, version: kind.version })),
].filter((entry, index, all) => all.findIndex((other) => other.name === entry.name) === index);

const apiGroup = (name: string, version: string) => ({
  name,
  versions: [{ groupVersion: `${name}/${version}`, version }],
  preferredVersion: { groupVersion: `${name}/${version}`, version },
});

const CRUD = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'];

/** A CRD's entries in its group version's discovery: the resource, and `/status` when it has one. */
function crdResources(kinds: KindInfo[]) {
  return kinds.flatMap((kind) => [
    {
      name: kind.plural,
      singularName: kind.singular,
      namespaced: true,
      kind: kind.kind,
      verbs: CRUD,
      ...(kind.shortNames.length > 0 ? { shortNames: kind.shortNames } : {}),
    },
    ...(kind.statusSubresource
      ? [
          {
            name: `${kind.plural}/status`,
            singularName: '',
            namespaced: true,
            kind: kind.kind,
            verbs: ['get', 'patch', 'update'],
          },
        ]
      : []),
  ]);
}

const crdDiscovery: Record<string, unknown> = {};
for (const kind of KINDS) {
  const kinds = KINDS.filter((other) => apiVersionOf(other) === apiVersionOf(kind));
  crdDiscovery[`/apis/${kind.group}`] = {
    kind: 'APIGroup',
    apiVersion: 'v1',
    ...apiGroup(kind.group, kind.version),
  };
  crdDiscovery[`/apis/${apiVersionOf(kind)}`] = {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf(kind),
    resources: crdResources(kinds),
  };
}

/**
 * Legacy (unaggregated) discovery: what kubectl maps `namespaces`, `clusterroles`,
 * `customresourcedefinitions` and the served custom resources with. kubectl asks for the
 * aggregated form first and, given this plain JSON, falls back to it, as with an older server.
 */
export const DISCOVERY: Record<string, unknown> = {
  '/api': {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }],
  },
  '/apis': {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groupVersions.map(({ name, version }) => apiGroup(name, version)),
  },
  '/api/v1': {
    kind: 'APIResourceList',
    groupVersion: 'v1',
    resources: [
      resource('namespaces', 'Namespace', false, ['create', 'delete', 'get', 'list', 'watch']),
    ],
  },
  '/apis/rbac.authorization.k8s.io/v1': {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: 'rbac.authorization.k8s.io/v1',
    resources: [
      resource('clusterroles', 'ClusterRole', false, ['create', 'delete', 'get', 'list']),
    ],
  },
  '/apis/apiextensions.k8s.io/v1': {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: 'apiextensions.k8s.io/v1',
    resources: [
      resource('customresourcedefinitions', 'CustomResourceDefinition', false, [
        'create',
        'get',
        'list',
      ]),
    ],
  },
  ...crdDiscovery,
};
