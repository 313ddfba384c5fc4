import { apiVersionOf, type KindInfo } from './kinds';
import { nextObject } from './next-object';
import { checkName, kubeTime, specPart, stampNew, type KubeObject } from './object-meta';
import {
  alreadyExists,
  badRequest,
  conflict,
  expired,
  invalid,
  notFound,
  StatusError,
} from './status-error';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: EventType;
  kind: KindInfo;
  object: KubeObject;
  /** The object before the change (MODIFIED, DELETED): selectors need it to tell entering from leaving. */
  previous?: KubeObject;
  resourceVersion: number;
}

export interface AdmissionReview {
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  kind: KindInfo;
  object?: KubeObject;
  oldObject?: KubeObject;
  store: ResourceStore;
}

/** A validating admission webhook: a StatusError refuses the request, undefined admits it. */
export type Admission = (review: AdmissionReview) => StatusError | undefined;

export interface WriteOptions {
  subresource?: 'status';
}

const key = (namespace: string, name: string) => `${namespace}/${name}`;

/**
 * The objects of every served kind, one resourceVersion sequence for all (as etcd's revision),
 * and the recent events that watches replay from a resourceVersion. Older events are compacted:
 * a watch from before the window is told 410 Expired, as the watch cache tells it.
 */
export class ResourceStore {
  private readonly objects = new Map<KindInfo, Map<string, KubeObject>>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private revision = 1000;
  /** Events up to this revision are gone from the history. */
  private compactedRevision = 1000;
  private readonly admissions: Admission[] = [];

  constructor(private readonly historySize = 1000) {}

  get resourceVersion(): number {
    return this.revision;
  }

  /** The oldest resourceVersion a watch may start from. */
  get oldestResourceVersion(): number {
    return this.compactedRevision;
  }

  addAdmission(admission: Admission): void {
    this.admissions.push(admission);
  }

  list(kind: KindInfo, namespace?: string): KubeObject[] {
    const items = [...(this.objects.get(kind)?.values() ?? [])].filter(
      (object) => namespace === undefined || object.metadata.namespace === namespace,
    );
    items.sort((a, b) =>
      key(a.metadata.namespace, a.metadata.name).localeCompare(
        key(b.metadata.namespace, b.metadata.name),
      ),
    );
    return items.map((object) => structuredClone(object));
  }

  hasNamespace(namespace: string): boolean {
    return [...this.objects.values()].some((bucket) =>
      [...bucket.values()].some((object) => object.metadata.namespace === namespace),
    );
  }

  get(kind: KindInfo, namespace: string, name: string): KubeObject | undefined {
    const object = this.objects.get(kind)?.get(key(namespace, name));
    return object && structuredClone(object);
  }

  create(kind: KindInfo, namespace: string, input: KubeObject): KubeObject {
    this.checkIdentity(kind, namespace, input.metadata?.name ?? '', input);
    const name = input.metadata.name;
    checkName(kind, name);
    if (this.bucket(kind).has(key(namespace, name)))
      throw alreadyExists(kind.plural, kind.group, name);
    const object: KubeObject = {
      ...structuredClone(input),
      apiVersion: apiVersionOf(kind),
      kind: kind.kind,
      metadata: stampNew({ ...input.metadata, namespace }),
    };
    // With a status subresource, a create's status is dropped (the CRD strategy resets it).
    if (kind.statusSubresource) delete object.status;
    this.admit({ operation: 'CREATE', kind, object });
    return this.commit('ADDED', kind, object);
  }

  /** PUT: the whole object, or only its status through the status subresource. */
  update(
    kind: KindInfo,
    namespace: string,
    name: string,
    input: KubeObject,
    options: WriteOptions = {},
  ): KubeObject {
    this.checkIdentity(kind, namespace, name, input);
    const current = this.bucket(kind).get(key(namespace, name));
    if (!current) throw notFound(kind.plural, kind.group, name);
    const asked = input.metadata.resourceVersion;
    if (asked === undefined || asked === '') {
      throw invalid(kind.kind, kind.group, name, [
        {
          field: 'metadata.resourceVersion',
          message: 'Invalid value: 0x0: must be specified for an update',
        },
      ]);
    }
    if (asked !== current.metadata.resourceVersion) throw conflict(kind.plural, kind.group, name);
    return this.replace(kind, current, input, options);
  }

  /** Apply a change computed from the current object (PATCH, operators): no resourceVersion needed. */
  modify(
    kind: KindInfo,
    namespace: string,
    name: string,
    change: (current: KubeObject) => KubeObject,
    options: WriteOptions = {},
  ): KubeObject {
    const current = this.bucket(kind).get(key(namespace, name));
    if (!current) throw notFound(kind.plural, kind.group, name);
    const next = change(structuredClone(current));
    this.checkIdentity(kind, namespace, name, next);
    const asked = next.metadata.resourceVersion;
    if (asked !== undefined && asked !== current.metadata.resourceVersion) {
      throw conflict(kind.plural, kind.group, name);
    }
    return this.replace(kind, current, next, options);
  }

  /** DELETE: gone at once without finalizers; otherwise marked with deletionTimestamp until the last one is removed. */
  delete(kind: KindInfo, namespace: string, name: string): KubeObject {
    const current = this.bucket(kind).get(key(namespace, name));
    if (!current) throw notFound(kind.plural, kind.group, name);
    this.admit({ operation: 'DELETE', kind, oldObject: structuredClone(current) });
    if ((current.metadata.finalizers ?? []).length === 0) return this.remove(kind, current);
    if (current.metadata.deletionTimestamp) return structuredClone(current);
    const marked = structuredClone(current);
    marked.metadata.deletionTimestamp = kubeTime();
    marked.metadata.deletionGracePeriodSeconds = 0;
    marked.metadata.generation = (current.metadata.generation ?? 1) + 1;
    return this.commit('MODIFIED', kind, marked, current);
  }

  /** Events after `resourceVersion` then every later one, until the returned function is called. */
  watch(fromResourceVersion: number, listener: (event: StoreEvent) => void): () => void {
    if (fromResourceVersion < this.compactedRevision) {
      throw expired(fromResourceVersion, this.compactedRevision + 1);
    }
    for (const event of this.history) {
      if (event.resourceVersion > fromResourceVersion) listener(event);
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Test hook: forget the history, so any watch from an older resourceVersion is 410 Expired. */
  compact(): void {
    this.history.length = 0;
    this.compactedRevision = this.revision;
  }

  private bucket(kind: KindInfo): Map<string, KubeObject> {
    let bucket = this.objects.get(kind);
    if (!bucket) {
      bucket = new Map();
      this.objects.set(kind, bucket);
    }
    return bucket;
  }

  private checkIdentity(kind: KindInfo, namespace: string, name: string, input: KubeObject): void {
    if (
      typeof input !== 'object' ||
      input === null ||
      typeof input.metadata !== 'object' ||
      input.metadata === null
    ) {
      throw badRequest(`Object 'metadata' is missing in '${JSON.stringify(input)}'`);
    }
    if (input.apiVersion !== undefined && input.apiVersion !== apiVersionOf(kind)) {
      throw badRequest(
        `the API version in the data (${String(input.apiVersion)}) does not match the expected API version (${apiVersionOf(kind)})`,
      );
    }
    if (input.kind !== undefined && input.kind !== kind.kind) {
      throw badRequest(
        `the kind in the data (${String(input.kind)}) does not match the expected kind (${kind.kind})`,
      );
    }
    if (
      input.metadata.namespace !== undefined &&
      input.metadata.namespace !== '' &&
      input.metadata.namespace !== namespace
    ) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    if (input.metadata.name !== undefined && input.metadata.name !== name) {
      throw badRequest(
        `the name of the object (${input.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
  }

  private replace(
    kind: KindInfo,
    current: KubeObject,
    input: KubeObject,
    options: WriteOptions,
  ): KubeObject {
    const keep = current.metadata;
    const next = nextObject(kind, current, input, options.subresource === 'status');
    if (specPart(kind, next) !== specPart(kind, current) && options.subresource !== 'status') {
      next.metadata.generation = (keep.generation ?? 1) + 1;
      this.admit({ operation: 'UPDATE', kind, object: next, oldObject: structuredClone(current) });
    }
    next.metadata.resourceVersion = keep.resourceVersion;
    if (next.metadata.deletionTimestamp && (next.metadata.finalizers ?? []).length === 0) {
      return this.remove(kind, next);
    }
    // A write that changes nothing is a no-op: same resourceVersion, no event (as the real server).
    if (JSON.stringify(next) === JSON.stringify(current)) return structuredClone(current);
    return this.commit('MODIFIED', kind, next, current);
  }

  private remove(kind: KindInfo, object: KubeObject): KubeObject {
    const current = this.bucket(kind).get(key(object.metadata.namespace, object.metadata.name));
    this.bucket(kind).delete(key(object.metadata.namespace, object.metadata.name));
    return this.record('DELETED', kind, structuredClone(object), current);
  }

  private commit(
    type: EventType,
    kind: KindInfo,
    object: KubeObject,
    previous?: KubeObject,
  ): KubeObject {
    this.bucket(kind).set(key(object.metadata.namespace, object.metadata.name), object);
    return this.record(type, kind, object, previous);
  }

  private record(
    type: EventType,
    kind: KindInfo,
    object: KubeObject,
    previous?: KubeObject,
  ): KubeObject {
    this.revision += 1;
    object.metadata.resourceVersion = String(this.revision);
    const event: StoreEvent = {
      type,
      kind,
      object: structuredClone(object),
      ...(previous ? { previous: structuredClone(previous) } : {}),
      resourceVersion: this.revision,
    };
    this.history.push(event);
    while (this.history.length > this.historySize) {
      const dropped = this.history.shift();
      if (dropped) this.compactedRevision = dropped.resourceVersion;
    }
    for (const listener of [...this.listeners]) listener(event);
    return structuredClone(object);
  }

  private admit(review: Omit<AdmissionReview, 'store'>): void {
    for (const admission of this.admissions) {
      const refusal = admission({ ...review, store: this });
      if (refusal) throw refusal;
    }
  }
}

export { StatusError };
