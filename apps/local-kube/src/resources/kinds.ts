/** The custom resources the stand-in serves, as their CustomResourceDefinitions declare them. */
export interface KindInfo {
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  listKind: string;
  shortNames: string[];
  /** `subresources.status` in the CRD: status is written only through `/status`. */
  statusSubresource: boolean;
}

export const CLUSTERS: KindInfo = {
  group: 'nautes.resource.nautes.io',
  version: 'v1alpha1',
  plural: 'clusters',
  singular: 'cluster',
  kind: 'Cluster',
  listKind: 'ClusterList',
  shortNames: [],
  statusSubresource: true,
};

/** Argo CD's Application CRD has no status subresource: its controller writes status with the object. */
export const APPLICATIONS: KindInfo = {
  group: 'argoproj.io',
  version: 'v1alpha1',
  plural: 'applications',
  singular: 'application',
  kind: 'Application',
  listKind: 'ApplicationList',
  shortNames: ['app', 'apps'],
  statusSubresource: false,
};

export const KINDS: KindInfo[] = [CLUSTERS, APPLICATIONS];

export const apiVersionOf = (kind: KindInfo) => `${kind.group}/${kind.version}`;

export function findKind(group: string, version: string, plural: string): KindInfo | undefined {
  return KINDS.find(
    (kind) => kind.group === group && kind.version === version && kind.plural === plural,
  );
}
