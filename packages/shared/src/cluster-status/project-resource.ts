/**
 * The trimmed projection of a Cluster resource and of the tenant's Argo CD Application: what
 * the BFF keeps and streams, never the raw objects. Tolerant of what a real API server sends
 * (absent fields, nulls, fields added by newer operators): an object this cannot read still
 * projects, with what it could read.
 */
import { z } from 'zod';
import {
  CONDITION_OPERATORS,
  type ArgoClusterEntry,
  type ArgoView,
  type ClusterResourceView,
  type ConditionView,
  type OperatorApply,
} from './status.schema';
import { sameSpec } from './same-spec';

const text = z.string().catch('');
const optionalText = z.string().nullable().optional().catch(null);
const port = z.number().int().nullable().optional().catch(null);

const ConditionSchema = z.object({
  type: text,
  status: z.enum(['True', 'False', 'Unknown']).catch('Unknown'),
  reason: text.optional(),
  message: text.optional(),
  lastTransitionTime: optionalText,
});

const SuccessSchema = z
  .object({ lastSuccessSpec: optionalText, lastSuccessTime: optionalText })
  .nullable()
  .optional()
  .catch(null);

const RawClusterSchema = z.object({
  metadata: z.object({
    name: z.string(),
    namespace: text.optional(),
    resourceVersion: text.optional(),
    creationTimestamp: optionalText,
    deletionTimestamp: optionalText,
    finalizers: z.array(z.string()).nullable().optional().catch(null),
  }),
  spec: z.unknown().optional(),
  status: z
    .object({
      conditions: z.array(ConditionSchema).nullable().optional().catch(null),
      warnings: z
        .array(z.object({ type: text, from: text, id: text, message: text }))
        .nullable()
        .optional()
        .catch(null),
      entryPoints: z
        .record(
          z.string(),
          z.object({ httpPort: port, httpsPort: port, type: optionalText }).catch({}),
        )
        .nullable()
        .optional()
        .catch(null),
      mgtAuthStatus: SuccessSchema,
      sync2ArgoStatus: SuccessSchema,
    })
    .nullable()
    .optional()
    .catch(null),
});

/** A Cluster resource (as the API server sends it) into its view; null when it has no name. */
export function projectClusterResource(raw: unknown): ClusterResourceView | null {
  const parsed = RawClusterSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { metadata, spec } = parsed.data;
  const status = parsed.data.status ?? {};
  const applied = (success: z.infer<typeof SuccessSchema>): OperatorApply => ({
    last_success_time: success?.lastSuccessTime ?? null,
    current: sameSpec(spec, success?.lastSuccessSpec ?? null),
  });
  return {
    name: metadata.name,
    namespace: metadata.namespace ?? '',
    resource_version: metadata.resourceVersion ?? '',
    created_at: metadata.creationTimestamp ?? null,
    deleting_since: metadata.deletionTimestamp ?? null,
    finalizers: metadata.finalizers ?? [],
    conditions: (status.conditions ?? []).map((condition): ConditionView => ({
      type: condition.type,
      status: condition.status,
      reason: condition.reason ?? '',
      message: condition.message ?? '',
      last_transition_time: condition.lastTransitionTime ?? null,
      operator: Object.hasOwn(CONDITION_OPERATORS, condition.type)
        ? (CONDITION_OPERATORS[condition.type] ?? null)
        : null,
    })),
    warnings: status.warnings ?? [],
    entry_points: Object.entries(status.entryPoints ?? {}).map(([name, entry]) => ({
      name,
      http_port: entry.httpPort ?? null,
      https_port: entry.httpsPort ?? null,
      type: entry.type ?? null,
    })),
    applied: {
      cluster_operator: applied(status.mgtAuthStatus),
      argo_operator: applied(status.sync2ArgoStatus),
    },
  };
}

const ArgoResourceSchema = z.object({
  group: text.optional(),
  kind: text,
  name: text,
  namespace: text.optional(),
  status: text.optional(),
  message: text.optional(),
});

const RawApplicationSchema = z.object({
  metadata: z.object({ name: z.string() }),
  status: z
    .object({
      sync: z
        .object({ status: optionalText, revision: optionalText })
        .nullable()
        .optional()
        .catch(null),
      resources: z
        .array(ArgoResourceSchema.catch({ kind: '', name: '' }))
        .nullable()
        .optional(),
      operationState: z
        .object({
          phase: text,
          message: text.optional(),
          finishedAt: optionalText,
          syncResult: z
            .object({
              resources: z
                .array(ArgoResourceSchema.catch({ kind: '', name: '' }))
                .nullable()
                .optional(),
            })
            .nullable()
            .optional()
            .catch(null),
        })
        .nullable()
        .optional()
        .catch(null),
    })
    .nullable()
    .optional()
    .catch(null),
});

const isClusterEntry = (entry: z.infer<typeof ArgoResourceSchema>, namespace: string): boolean =>
  entry.kind === 'Cluster' &&
  (entry.group === undefined || entry.group === 'nautes.resource.nautes.io') &&
  (!entry.namespace || entry.namespace === namespace);

/** The tenant's Application into its view, keeping only the Cluster files of `namespace`. */
export function projectArgoApplication(raw: unknown, namespace: string): ArgoView | null {
  const parsed = RawApplicationSchema.safeParse(raw);
  if (!parsed.success) return null;
  const status = parsed.data.status ?? {};
  const operation = status.operationState ?? null;
  const failures = new Map<string, string>();
  for (const entry of operation?.syncResult?.resources ?? []) {
    if (!isClusterEntry(entry, namespace) || entry.status !== 'SyncFailed') continue;
    failures.set(entry.name, entry.message || operation?.message || 'Argo CD could not apply it.');
  }
  const clusters: ArgoClusterEntry[] = (status.resources ?? [])
    .filter((entry) => isClusterEntry(entry, namespace))
    .map((entry) => ({
      name: entry.name,
      status: entry.status || 'Unknown',
      failure: failures.get(entry.name) ?? null,
    }));
  for (const [name, failure] of failures) {
    if (!clusters.some((entry) => entry.name === name)) {
      clusters.push({ name, status: 'OutOfSync', failure });
    }
  }
  return {
    application: parsed.data.metadata.name,
    sync_status: status.sync?.status ?? null,
    revision: status.sync?.revision ?? null,
    operation: operation
      ? {
          phase: operation.phase,
          message: operation.message ?? '',
          finished_at: operation.finishedAt ?? null,
        }
      : null,
    clusters,
  };
}

/** The Application's entry for one cluster's file; null when Argo CD does not list it. */
export function argoEntryFor(argo: ArgoView | null, name: string): ArgoClusterEntry | null {
  return argo?.clusters.find((entry) => entry.name === name) ?? null;
}
