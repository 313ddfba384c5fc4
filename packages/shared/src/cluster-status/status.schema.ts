/**
 * The console's live-status routes: what the BFF reads from the tenant management cluster
 * (../shared/contract/nautes-cluster-status.md), trimmed to what a user may see, and what
 * `GET /api/console/cluster-status/stream` (server-sent events) and
 * `GET /api/console/cluster-status` (JSON, for scripts) answer (paths in api/console-paths.ts).
 * Never the raw objects: no spec, no managed fields, no secret IDs.
 */
import { z } from 'zod';
import type { CONSOLE_CLUSTER_STATUS_STREAM_EVENTS } from '../api/console-paths';

export const CLUSTER_STATES = [
  'not-configured',
  'waiting-for-sync',
  'sync-failed',
  'reconciling',
  'error',
  'warning',
  'ready',
  'deleting',
  'stale',
] as const;
export const ClusterStateSchema = z.enum(CLUSTER_STATES);
export type ClusterState = z.infer<typeof ClusterStateSchema>;

/** The Nautes operator that writes each condition type (from their sources). */
export const CONDITION_OPERATORS: Readonly<Record<string, string>> = {
  SecretStoreReady: 'cluster-operator',
  EntryPointCollected: 'cluster-operator',
  ClusterSyncToArgocd: 'argo-operator',
  ProductInfoUpdated: 'base-operator',
};

export const ConditionViewSchema = z.object({
  type: z.string(),
  status: z.enum(['True', 'False', 'Unknown']),
  reason: z.string(),
  message: z.string(),
  last_transition_time: z.string().nullable(),
  /** Which operator writes this condition; null for a type the console does not know. */
  operator: z.string().nullable(),
});
export type ConditionView = z.infer<typeof ConditionViewSchema>;

export const ClusterWarningSchema = z.object({
  type: z.string(),
  from: z.string(),
  id: z.string(),
  message: z.string(),
});
export type ClusterWarning = z.infer<typeof ClusterWarningSchema>;

export const EntryPointViewSchema = z.object({
  name: z.string(),
  http_port: z.number().nullable(),
  https_port: z.number().nullable(),
  type: z.string().nullable(),
});
export type EntryPointView = z.infer<typeof EntryPointViewSchema>;

/** One operator's last success, and whether it was for the spec the resource has now. */
export const OperatorApplySchema = z.object({
  last_success_time: z.string().nullable(),
  /** The resource's spec equals this operator's `lastSuccessSpec`. */
  current: z.boolean(),
});
export type OperatorApply = z.infer<typeof OperatorApplySchema>;

export const ClusterResourceViewSchema = z.object({
  name: z.string(),
  namespace: z.string(),
  resource_version: z.string(),
  created_at: z.string().nullable(),
  /** `metadata.deletionTimestamp`: deletion requested, finalizers pending. */
  deleting_since: z.string().nullable(),
  finalizers: z.array(z.string()),
  conditions: z.array(ConditionViewSchema),
  warnings: z.array(ClusterWarningSchema),
  entry_points: z.array(EntryPointViewSchema),
  /** cluster-operator (`mgtAuthStatus`) and argo-operator (`sync2ArgoStatus`). */
  applied: z.object({
    cluster_operator: OperatorApplySchema,
    argo_operator: OperatorApplySchema,
  }),
});
export type ClusterResourceView = z.infer<typeof ClusterResourceViewSchema>;

/** One Cluster file in the tenant's Argo CD Application. */
export const ArgoClusterEntrySchema = z.object({
  name: z.string(),
  /** `Synced`, `OutOfSync`, or whatever Argo CD says. */
  status: z.string(),
  /** The last sync operation's failure for this file (e.g. the webhook's refusal), else null. */
  failure: z.string().nullable(),
});
export type ArgoClusterEntry = z.infer<typeof ArgoClusterEntrySchema>;

export const ArgoViewSchema = z.object({
  application: z.string(),
  sync_status: z.string().nullable(),
  /** The tenant repository commit the Application is synced to. */
  revision: z.string().nullable(),
  operation: z
    .object({
      phase: z.string(),
      message: z.string(),
      finished_at: z.string().nullable(),
    })
    .nullable(),
  clusters: z.array(ArgoClusterEntrySchema),
});
export type ArgoView = z.infer<typeof ArgoViewSchema>;

/** The BFF's watch of the management cluster, told to every stream. */
export const WatchHealthSchema = z.object({
  /** not-configured: no management cluster set; starting: before the first list. */
  state: z.enum(['not-configured', 'starting', 'up', 'down']),
  /** When the state began (ISO time); null when not configured. */
  since: z.string().nullable(),
  /** Words for the user: why it is down, or what is not configured. */
  message: z.string(),
});
export type WatchHealth = z.infer<typeof WatchHealthSchema>;

// What a cluster's status needs from its resource (digestClusterResource, resource-digest.ts).
const ConditionVerdictSchema = z.object({
  type: z.string(),
  operator: z.string().nullable(),
  message: z.string(),
});

/** The resource-only reasons: a subset of StatusReason (derive-status.ts). */
export const ResourceReasonSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('deleting'),
    since: z.string(),
    finalizers: z.array(z.string()),
  }),
  z.object({ code: z.literal('no-conditions') }),
  ConditionVerdictSchema.extend({ code: z.literal('condition-false') }),
  ConditionVerdictSchema.extend({ code: z.literal('condition-unknown') }),
  z.object({ code: z.literal('spec-not-applied'), operators: z.array(z.string()) }),
  z.object({ code: z.literal('warnings'), count: z.number(), message: z.string() }),
  z.object({ code: z.literal('ready') }),
]);
export type ResourceReason = z.infer<typeof ResourceReasonSchema>;

export const ResourceDigestSchema = z.object({
  name: z.string(),
  /** Changes with every change of the resource: the detail page reads the whole view again. */
  resource_version: z.string(),
  state: ClusterStateSchema,
  reason: ResourceReasonSchema,
  /** Both operators applied the current spec. */
  spec_applied: z.boolean(),
  /** cluster-operator's newest re-stamp of its own conditions; null before its first. */
  last_heartbeat: z.string().nullable(),
});
export type ResourceDigest = z.infer<typeof ResourceDigestSchema>;

/**
 * A column of plain values, checked by one loop over it. zod's entry-by-entry check of a
 * 5,000-cluster snapshot took 35-55 ms the first time (its code still cold; the list's badges
 * wait for it); with these loops the whole snapshot is checked in about 5 ms.
 */
function column<Entry>(entries: string, isEntry: (value: unknown) => value is Entry) {
  return z.custom<Entry[]>((value) => Array.isArray(value) && value.every(isEntry), {
    message: `expected an array of ${entries}`,
  });
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown): value is string | null =>
  value === null || typeof value === 'string';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isIndex = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * The snapshot's digests column by column (digest-columns.ts): one array per field, the i-th
 * entry of each for the i-th cluster, and each distinct verdict (state and reason) once, as most
 * clusters share a few. A third of the bytes of 5,000 digest objects, and arrays of plain values
 * that the browser parses and checks in a fraction of the time.
 */
export const DigestColumnsSchema = z
  .object({
    name: column('strings', isString),
    resource_version: column('strings', isString),
    spec_applied: column('booleans', isBoolean),
    last_heartbeat: column('strings or nulls', isStringOrNull),
    /** Each cluster's index in `verdicts`. */
    verdict: column('indexes (integers from 0)', isIndex),
    verdicts: z.array(z.object({ state: ClusterStateSchema, reason: ResourceReasonSchema })),
  })
  .refine(
    (columns) =>
      [
        columns.resource_version,
        columns.spec_applied,
        columns.last_heartbeat,
        columns.verdict,
      ].every((column) => column.length === columns.name.length) &&
      columns.verdict.every((index) => index < columns.verdicts.length),
    { message: 'every column has one entry per cluster, and each verdict index is in verdicts' },
  );
export type DigestColumns = z.infer<typeof DigestColumnsSchema>;

// The stream's events: `event: <name>` with one JSON `data:` line each. Each Cluster resource
// travels as its digest (resource-digest.ts): what its status needs, not its whole view; the
// snapshot sends them all as columns.
export const StatusSnapshotSchema = z.object({
  server_time: z.string(),
  watch: WatchHealthSchema,
  argo: ArgoViewSchema.nullable(),
  clusters: DigestColumnsSchema,
});
export type StatusSnapshot = z.infer<typeof StatusSnapshotSchema>;

/** A Cluster resource added or changed (its `digest`), or gone (`digest: null`). */
export const ClusterChangeSchema = z.object({
  name: z.string(),
  digest: ResourceDigestSchema.nullable(),
});
export type ClusterChange = z.infer<typeof ClusterChangeSchema>;

export const HeartbeatSchema = z.object({ server_time: z.string() });

export const STATUS_STREAM_EVENTS = {
  snapshot: StatusSnapshotSchema,
  cluster: ClusterChangeSchema,
  argo: ArgoViewSchema.nullable(),
  watch: WatchHealthSchema,
  heartbeat: HeartbeatSchema,
} as const satisfies Record<(typeof CONSOLE_CLUSTER_STATUS_STREAM_EVENTS)[number], z.ZodType>;
export type StatusStreamEventName = keyof typeof STATUS_STREAM_EVENTS;

/** `GET /api/console/cluster-status/clusters/:name`: one Cluster resource's whole view. */
export const ClusterResourceReplySchema = z.object({
  /** Null when the management cluster has no such resource (yet, or any more). */
  resource: ClusterResourceViewSchema.nullable(),
});
export type ClusterResourceReply = z.infer<typeof ClusterResourceReplySchema>;

/** `GET /api/console/cluster-status`: every cluster's state, for scripts. */
export const ClusterStatusListSchema = z.object({
  server_time: z.string(),
  watch: WatchHealthSchema,
  clusters: z.array(
    z.object({
      name: z.string(),
      state: ClusterStateSchema,
      /** The reason's code (see StatusReason in derive-status.ts) and its words in English. */
      reason_code: z.string(),
      reason: z.string(),
      spec_applied: z.boolean().nullable(),
    }),
  ),
});
export type ClusterStatusList = z.infer<typeof ClusterStatusListSchema>;
