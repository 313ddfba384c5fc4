/**
 * One generation of the Nautes clusters API (v0.3 or v0.4): how a save body is read and turned
 * into the Cluster resource, and how a stored cluster is answered. Routes, permissions, state
 * rules, secrets and the tenant repository are the same for both; only this part differs.
 */
import type {
  Cluster,
  ClusterResource,
  NautesApiVersion,
  SaveClusterBody,
} from '@cluster-console/shared';
import type { z } from 'zod';

/** The fields the state rules read (host cluster, fields dependents rely on). */
export type SaveRuleFields = Pick<
  SaveClusterBody,
  'cluster_kind' | 'cluster_type' | 'usage' | 'host_cluster' | 'worker_type'
>;

/** A save request that passed validation, defaults applied. */
export interface ParsedSave {
  rules: SaveRuleFields;
  /** The Cluster resource to commit. */
  resource: ClusterResource;
  /**
   * The kubeconfig to store: undefined for a virtual cluster, and for a physical cluster whose
   * update may keep the stored one (v0.3 only; v0.4 requires it every time).
   */
  kubeconfig: string | undefined;
  /** The message on `kubeconfig` when a physical cluster comes without one and none is kept. */
  missingKubeconfig: () => string;
}

export interface ApiGeneration {
  readonly version: NautesApiVersion;
  /** Validates and defaults a save request; throws a 400 ApiError naming every bad field. */
  parseSave(name: string, input: unknown): ParsedSave;
  /** A stored cluster as this generation answers it (never with a kubeconfig). */
  reply(cluster: Cluster): object;
  /** The zod schemas the OpenAPI document shows for the save body and a cluster. */
  readonly schemas: { saveBody: z.ZodType; cluster: z.ZodType };
}
