/**
 * The review of "register all" for a Nautes CLI file with several clusters: one row per
 * document, with the body that would be sent (checked exactly as the clusters API checks it),
 * each problem with its document and line, and what the save would change against what is
 * registered now. Nothing here sends anything.
 */
import {
  cliDraftToSaveBody,
  summarizeChange,
  type ChangeSummary,
  type CliFileDocument,
  type ClusterView,
  type NautesApiVersion,
  type SaveClusterBody,
  type SaveClusterBodyV04,
} from '@cluster-console/shared';

export interface ApplyProblem {
  /** The document's place in the file: its number and the line it starts on. */
  index: number;
  line: number;
  /** The field (save-body name) the problem is about, when there is one. */
  field?: string;
  /** The line of the file the problem is on, when the reader knows it. */
  at?: number;
  message: string;
}

export interface ApplyRow {
  index: number;
  line: number;
  name: string;
  cluster_type?: string;
  usage?: string;
  worker_type?: string;
  host_cluster?: string;
  /** The body to send; undefined when the document has problems (it is not sent). */
  body?: SaveClusterBody | SaveClusterBodyV04;
  /** The file carries a kubeconfig for it (used, never shown). */
  kubeconfig: boolean;
  problems: ApplyProblem[];
  change?: ChangeSummary;
}

export function planApply(
  documents: readonly CliFileDocument[],
  generation: NautesApiVersion,
  registered: readonly ClusterView[],
): ApplyRow[] {
  const byName = new Map(registered.map((cluster) => [cluster.name, cluster]));
  const inFile = new Set<string>();
  const seen = new Set<string>();
  for (const doc of documents) if (doc.ok && doc.cluster.name) inFile.add(doc.cluster.name);

  return documents.map((doc): ApplyRow => {
    const where = { index: doc.index, line: doc.line };
    if (!doc.ok) {
      return {
        ...where,
        name: '',
        kubeconfig: false,
        problems: doc.errors.map((error) => ({ ...where, at: error.line, message: error.message })),
      };
    }
    const { cluster } = doc;
    const name = cluster.name ?? '';
    const existing = byName.get(name);
    const row: ApplyRow = {
      ...where,
      name,
      cluster_type: cluster.cluster_type,
      usage: cluster.usage,
      worker_type: cluster.worker_type,
      host_cluster: cluster.host_cluster,
      kubeconfig: Boolean(cluster.kubeconfig),
      problems: [],
    };
    if (name !== '' && seen.has(name)) {
      row.problems.push({ ...where, message: `${name} is already earlier in this file.` });
    }
    seen.add(name);
    const host = cluster.cluster_type === 'virtual' ? cluster.host_cluster : undefined;
    if (host && !byName.has(host) && !inFile.has(host)) {
      row.problems.push({
        ...where,
        field: 'host_cluster',
        message: `Host cluster ${host} is neither registered nor in this file.`,
      });
    }
    const validation = cliDraftToSaveBody(cluster, generation, {
      // On v0.3 an update may keep the stored kubeconfig; v0.4 needs it on every save.
      kubeconfigOptional: generation === 'v0.3' && existing?.cluster_type === 'physical',
    });
    if (!validation.ok) {
      for (const [field, message] of Object.entries(validation.fieldErrors)) {
        row.problems.push({ ...where, field, message });
      }
    }
    if (row.problems.length > 0 || !validation.ok) return row;
    row.body = validation.body;
    row.change = summarizeChange(validation.body, existing);
    return row;
  });
}
