import { describe, expect, it } from 'vitest';
import * as shared from '../src/index';
import type {
  ApiErrorBody,
  Cluster,
  ClusterList,
  ClusterResource,
  ErrorReasonCode,
  FieldSelector,
  FieldSelectorKey,
  KubeconfigAuth,
  KubeconfigContext,
  KubeconfigInfo,
  SaveClusterBody,
} from '../src/index';

// The names other packages code against (/tmp/team/SHARED_API.md); removing one breaks them.
const VALUE_EXPORTS = [
  'CLUSTERS_API_PATH',
  'clusterApiPath',
  'CLUSTER_NAME_MAX_LENGTH',
  'ClusterNameSchema',
  'validateClusterName',
  'SaveClusterBodySchema',
  'validateSaveBody',
  'SAVE_BODY_FIELD_PATHS',
  'DEFAULT_TRAEFIK_HTTP_NODE_PORT',
  'DEFAULT_TRAEFIK_HTTPS_NODE_PORT',
  'NODE_PORT_RANGE',
  'isOutsideNodePortRange',
  'defaultPrimaryDomain',
  'defaultArgocdHost',
  'defaultTektonHost',
  'defaultVclusterHttpsNodePort',
  'applyDefaults',
  'ClusterSchema',
  'ClusterListSchema',
  'ApiErrorBodySchema',
  'ErrorReason',
  'apiErrorBody',
  'CLUSTERS_DIR',
  'KUSTOMIZATION_PATH',
  'clusterFilePath',
  'clusterFileName',
  'toClusterResource',
  'fromClusterResource',
  'clusterResourceToYaml',
  'parseClusterResourceYaml',
  'kustomizationYaml',
  'parseKustomizationResources',
  'kubeconfigSecretLocation',
  'FIELD_SELECTOR_KEYS',
  'parseFieldSelector',
  'formatFieldSelector',
  'matchesFieldSelector',
  'MAX_KUBECONFIG_BYTES',
  'inspectKubeconfig',
  'reduceKubeconfig',
  'kubeconfigProblem',
  // The console's own routes (api/console-paths.ts, console/).
  'parseApiErrorBody',
  'CONSOLE_ROUTES',
  'CONSOLE_CONNECTION_CHECKS_PATH',
  'CONSOLE_NAUTES_API_PATH',
  'CONSOLE_CLUSTER_STATUS_PATH',
  'CONSOLE_CLUSTER_STATUS_STREAM_PATH',
  'CONSOLE_DELETED_CLUSTERS_PATH',
  'CONSOLE_HISTORY_ROUTE',
  'CONSOLE_HISTORY_PATH',
  'AUTH_LOGIN_PATH',
  'AUTH_CALLBACK_PATH',
  'AUTH_SESSION_PATH',
  'AUTH_LOGOUT_PATH',
  'ConnectionCheckRequestSchema',
  'ConnectionCheckResponseSchema',
  'NautesApiInfoSchema',
  'readNautesApiInfo',
  'SessionReplySchema',
  'readSessionReply',
  'HistoryPageQuerySchema',
  'ClusterHistorySchema',
  'DeletedClustersSchema',
  'ClusterStatusListSchema',
] as const;

describe('the public API of @cluster-console/shared', () => {
  it.each(VALUE_EXPORTS)('exports %s', (name) => {
    expect(shared[name]).toBeDefined();
  });

  it('keeps the documented constants', () => {
    expect(shared.CLUSTERS_API_PATH).toBe('/api/v1/clusters');
    expect(shared.CLUSTER_NAME_MAX_LENGTH).toBe(63);
    expect(shared.MAX_KUBECONFIG_BYTES).toBe(1024 * 1024);
    expect(shared.NODE_PORT_RANGE).toEqual({ min: 30000, max: 32767 });
    expect(shared.CLUSTERS_DIR).toBe('nautes/overlays/production/clusters');
  });

  it('exports the documented types (checked by the typecheck)', () => {
    const auth: KubeconfigAuth = { kind: 'exec', command: 'aws' };
    const selector: FieldSelector = { cluster_name: 'x' };
    const key: FieldSelectorKey = 'usage';
    const reason: ErrorReasonCode = 'CONFLICT';
    const types: [
      ApiErrorBody?,
      Cluster?,
      ClusterList?,
      ClusterResource?,
      KubeconfigContext?,
      KubeconfigInfo?,
      SaveClusterBody?,
    ] = [];
    expect([auth.kind, selector.cluster_name, key, reason, types.length]).toEqual([
      'exec',
      'x',
      'usage',
      'CONFLICT',
      0,
    ]);
  });
});
