import { apiVersionOf, type KindInfo } from './kinds';
import type { KubeObject, ObjectMeta } from './object-meta';
import { invalid } from './status-error';

/**
 * The object an update stores, from the current one and the client's: the server keeps what
 * clients may not change (name, uid, creationTimestamp, generation, deletionTimestamp), a
 * write to `/status` changes status only, and a write to the object leaves status alone when
 * the kind has a status subresource. No new finalizers once deletion has started.
 */
export function nextObject(
  kind: KindInfo,
  current: KubeObject,
  input: KubeObject,
  statusOnly: boolean,
): KubeObject {
  const keep = current.metadata;
  if (statusOnly) {
    const next: KubeObject = { ...structuredClone(current), status: structuredClone(input.status) };
    if (input.status === undefined) delete next.status;
    return next;
  }
  const meta: ObjectMeta = {
    ...structuredClone(input.metadata),
    name: keep.name,
    namespace: keep.namespace,
    uid: keep.uid,
    creationTimestamp: keep.creationTimestamp,
    generation: keep.generation,
    resourceVersion: keep.resourceVersion,
  };
  if (keep.deletionTimestamp) {
    meta.deletionTimestamp = keep.deletionTimestamp;
    meta.deletionGracePeriodSeconds = keep.deletionGracePeriodSeconds;
    const added = (meta.finalizers ?? []).filter((f) => !(keep.finalizers ?? []).includes(f));
    if (added.length > 0) {
      throw invalid(kind.kind, kind.group, keep.name, [
        {
          field: 'metadata.finalizers',
          message: `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"${added.join('", "')}"}`,
          reason: 'FieldValueForbidden',
        },
      ]);
    }
  } else {
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
  }
  const next: KubeObject = {
    ...structuredClone(input),
    apiVersion: apiVersionOf(kind),
    kind: kind.kind,
    metadata: meta,
  };
  if (kind.statusSubresource) {
    if (current.status === undefined) delete next.status;
    else next.status = structuredClone(current.status);
  }
  return next;
}
