import type { Cluster } from '@cluster-console/shared';
import { profileParts, type WizardField, type WizardValues } from './wizard-form';
import { profileOf } from './wizard-prefill';

/** The clusters that depend on this one: virtual clusters that name it as their host. */
export function dependentsOf(name: string, clusters: ReadonlyMap<string, Cluster>): string[] {
  if (!name) return [];
  return [...clusters.values()]
    .filter((cluster) => cluster.host_cluster === name && cluster.name !== name)
    .map((cluster) => cluster.name)
    .sort();
}

/** In English, as "wizard.locked.reason" says it; other languages tell it from its values (rule-text.ts). */
export function lockReason(name: string, dependents: readonly string[]): string {
  return `${name} carries virtual clusters ${dependents.join(', ')}: its type, usage, host cluster, worker type and cluster kind cannot change while they depend on it.`;
}

/**
 * A registered cluster with dependents may not change type, usage, host cluster or worker type
 * (cluster kind is always "kubernetes" here): Nautes' admission webhook refuses it later, so
 * the console refuses it before sending.
 */
export function lockProblems(
  values: WizardValues,
  clusters: ReadonlyMap<string, Cluster>,
): Partial<Record<WizardField, string>> {
  const existing = clusters.get(values.cluster_name);
  const dependents = existing ? dependentsOf(existing.name, clusters) : [];
  if (!existing || dependents.length === 0) return {};
  const reason = lockReason(existing.name, dependents);
  const problems: Partial<Record<WizardField, string>> = {};
  if (values.profile && values.profile !== profileOf(existing)) problems.profile = reason;
  const { type, usage } = profileParts(values.profile);
  if (usage === 'worker' && values.worker_type !== (existing.worker_type ?? ''))
    problems.worker_type = reason;
  if (type === 'virtual' && values.host_cluster !== (existing.host_cluster ?? ''))
    problems.host_cluster = reason;
  return problems;
}
