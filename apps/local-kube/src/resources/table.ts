import type { KubeObject } from './object-meta';

/** Does the client ask for `Table` (kubectl get does, with the object as a fallback)? */
export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((type) => {
    const params = type.split(';').map((p) => p.trim());
    return (
      params.includes('as=Table') &&
      params.includes('g=meta.k8s.io') &&
      params[0] === 'application/json'
    );
  });
}

/** apimachinery's duration.HumanDuration, which the AGE column shows. */
export function humanDuration(milliseconds: number): string {
  const seconds = Math.floor(milliseconds / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 192)
    return hours % 24 === 0
      ? `${Math.floor(hours / 24)}d`
      : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const years = Math.floor(hours / 24 / 365);
  const days = Math.floor(hours / 24) % 365;
  return hours < 24 * 365 * 8 && days !== 0 ? `${years}y${days}d` : `${years}y`;
}

const COLUMNS = [
  {
    name: 'Name',
    type: 'string',
    format: 'name',
    description:
      'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
    priority: 0,
  },
  {
    name: 'Age',
    type: 'date',
    format: '',
    description:
      'CreationTimestamp is a timestamp representing the server time when this object was created.',
    priority: 0,
  },
];

/**
 * A `meta.k8s.io/v1` Table as a CRD without printer columns is shown: NAME and AGE, each row
 * carrying the object's metadata (PartialObjectMetadata), which kubectl reads for -w and labels.
 */
export function toTable(objects: KubeObject[], resourceVersion: string, now = Date.now()) {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: COLUMNS,
    rows: objects.map((object) => ({
      cells: [
        object.metadata.name,
        humanDuration(
          now - Date.parse(object.metadata.creationTimestamp ?? new Date(now).toISOString()),
        ),
      ],
      object: {
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
        metadata: object.metadata,
      },
    })),
  };
}
