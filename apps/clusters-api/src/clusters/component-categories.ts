/**
 * v0.4's category rule: a cluster has only the components of its kind (a deployment worker has
 * no pipeline, a virtual deployment worker no gateway). A real v0.4 server drops any other
 * category it is sent, values and all; ours answers 400 on it, naming the ones the cluster has.
 * The server-added categories (`secret_management`, `oauth_proxy`) are dropped, as there: a
 * GET reply, which holds them, can be posted back.
 */
import {
  clientCategoriesFor,
  CLIENT_COMPONENT_CATEGORIES,
  isPlainObject,
  type ClusterKindParts,
} from '@cluster-console/shared';

/** A field error for each category the input sends that this kind of cluster does not have. */
export function componentCategoryErrors(input: unknown): Record<string, string> {
  if (!isPlainObject(input) || !isPlainObject(input.components_list)) return {};
  const kind = input as ClusterKindParts;
  const allowed = clientCategoriesFor(kind);
  // An invalid kind (a virtual host, a worker without a type) is reported on its own fields.
  if (allowed.length === 0) return {};
  const errors: Record<string, string> = {};
  for (const [category, component] of Object.entries(input.components_list)) {
    if (component === null || component === undefined) continue;
    if (!(CLIENT_COMPONENT_CATEGORIES as readonly string[]).includes(category)) continue;
    if ((allowed as readonly string[]).includes(category)) continue;
    errors[`components_list.${category}`] =
      `A ${describeKind(kind)} has no ${category} component: leave it out. Its components are ${allowed.join(', ')}.`;
  }
  return errors;
}

function describeKind({ cluster_type: type, usage, worker_type: worker }: ClusterKindParts) {
  return usage === 'host' ? `${type} host cluster` : `${type} ${worker} worker cluster`;
}
