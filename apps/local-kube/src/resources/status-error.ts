/** A failure the resource API answers with a `metav1.Status` body, as kube-apiserver does. */
export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** The `Status` object: a response body, or the object of a watch `ERROR` event. */
  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

/** `clusters.nautes.resource.nautes.io` as the server names a resource in messages (core: bare). */
export const qualified = (resource: string, group: string): string =>
  group ? `${resource}.${group}` : resource;

export const notFound = (resource: string, group: string, name: string) =>
  new StatusError(404, 'NotFound', `${qualified(resource, group)} "${name}" not found`, {
    name,
    group,
    kind: resource,
  });

export const alreadyExists = (resource: string, group: string, name: string) =>
  new StatusError(409, 'AlreadyExists', `${qualified(resource, group)} "${name}" already exists`, {
    name,
    group,
    kind: resource,
  });

export const conflict = (resource: string, group: string, name: string) =>
  new StatusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(resource, group)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group, kind: resource },
  );

/** 422 Invalid with one cause per field, as API validation answers. */
export const invalid = (
  kind: string,
  group: string,
  name: string,
  causes: { field: string; message: string; reason?: string }[],
) =>
  new StatusError(
    422,
    'Invalid',
    `${kind}.${group} "${name}" is invalid: ${causes.map((c) => `${c.field}: ${c.message}`).join(', ')}`,
    {
      name,
      group,
      kind,
      causes: causes.map((c) => ({
        reason: c.reason ?? 'FieldValueInvalid',
        message: c.message,
        field: c.field,
      })),
    },
  );

export const badRequest = (message: string) => new StatusError(400, 'BadRequest', message);

/** The watch-cache answer for a resourceVersion older than the kept history. */
export const expired = (requested: number, oldest: number) =>
  new StatusError(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
