/**
 * Closes a mutation's secret journal entry once its commit is on the remote. The tenant
 * repository resolves a mutation after its push; the kubeconfig secret of the mutation's
 * cluster (its `key`) is then settled, before the caller hears 200. A rolled-back mutation
 * settles through `restore` instead.
 */
import { kubeconfigSecretLocation } from '@cluster-console/shared';
import type { RepoMutation, TenantRepo } from '../tenant-repo/tenant-repo';
import type { JournaledSecretStore } from './journaled-secret-store';

export function settleSecretsOnSuccess(
  repo: TenantRepo,
  secrets: JournaledSecretStore,
): TenantRepo {
  const submit = async (mutation: RepoMutation) => {
    const location = kubeconfigSecretLocation(mutation.key);
    let entry: string | undefined;
    const result = await repo.submit({
      ...mutation,
      plan: async (index) => {
        const change = await mutation.plan(index);
        // The plan has started its secret change (if any): remember which journal entry it is.
        entry ??= secrets.openEntry(location);
        return change;
      },
    });
    await secrets.settle(location, entry);
    return result;
  };
  return new Proxy(repo, {
    get(target, property, receiver) {
      if (property === 'submit') return submit;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
