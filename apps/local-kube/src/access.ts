/**
 * Who may do what: one decision for every request and for SelfSubjectAccessReview, so that
 * `kubectl auth can-i` and the answers agree (as RBAC is one authoriser in kube-apiserver).
 */
export interface Attributes {
  verb: string;
  group: string;
  /** The resource, with `/status` for the status subresource (`clusters/status`). */
  resource: string;
  /** Absent: cluster-wide (a list across all namespaces). */
  namespace?: string;
}

/**
 * `all` (like `system:masters`), or rules written `<verbs> <resource>[.<group>] [in <namespace>]`,
 * e.g. `get,list,watch clusters.nautes.resource.nautes.io in nautes` or `create namespaces`
 * (no group: any group; no namespace: every namespace and the cluster scope).
 */
export type Rules = 'all' | string[];

interface Rule {
  verbs: string[];
  resource: string;
  group: string | undefined;
  namespace: string | undefined;
}

function parseRule(text: string): Rule {
  const match = /^(\S+)\s+([^\s.]+(?:\/[^\s.]+)?)(?:\.(\S+))?(?:\s+in\s+(\S+))?$/.exec(text.trim());
  if (!match) throw new Error(`local-kube: cannot read the access rule "${text}"`);
  const [, verbs = '', resource = '', group, namespace] = match;
  return { verbs: verbs.split(','), resource, group, namespace };
}

export function allows(rules: Rules, groups: string[], attributes: Attributes): boolean {
  if (rules === 'all' || groups.includes('system:masters')) return true;
  return rules.map(parseRule).some(
    (rule) =>
      (rule.verbs.includes(attributes.verb) || rule.verbs.includes('*')) &&
      rule.resource === attributes.resource &&
      (rule.group === undefined || rule.group === attributes.group) &&
      // A namespaced rule never allows the cluster scope (a list across all namespaces).
      (rule.namespace === undefined || rule.namespace === attributes.namespace),
  );
}

/** RBAC's denial text, word for word, for a resource request. */
export function forbiddenMessage(user: string, attributes: Attributes, name?: string): string {
  const qualified = attributes.group
    ? `${attributes.resource.split('/')[0]}.${attributes.group}`
    : (attributes.resource.split('/')[0] ?? '');
  const subject = name ? `${qualified} "${name}"` : qualified;
  const scope =
    attributes.namespace === undefined
      ? 'at the cluster scope'
      : `in the namespace "${attributes.namespace}"`;
  return `${subject} is forbidden: User "${user}" cannot ${attributes.verb} resource "${attributes.resource}" in API group "${attributes.group}" ${scope}`;
}
