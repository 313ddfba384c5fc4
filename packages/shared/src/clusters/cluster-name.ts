import { z } from 'zod';

/** A cluster name becomes a Kubernetes object name, a namespace and a secret path: a DNS-1123 label. */
export const CLUSTER_NAME_MAX_LENGTH = 63;

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The message for a bad cluster name, or undefined when the name is valid. */
export function validateClusterName(name: string): string | undefined {
  if (name === '') {
    return 'Enter a cluster name: lowercase letters, digits and "-", e.g. "cluster-host".';
  }
  if (name.length > CLUSTER_NAME_MAX_LENGTH) {
    return `Use at most ${CLUSTER_NAME_MAX_LENGTH} characters (this name has ${name.length}).`;
  }
  if (/[A-Z]/.test(name) && LABEL.test(name.toLowerCase())) {
    return `Use lowercase letters only, e.g. "${name.toLowerCase()}".`;
  }
  if (!/^[-a-z0-9]*$/.test(name)) {
    return 'Use only lowercase letters, digits and "-" (no spaces, dots, underscores or capitals).';
  }
  if (!LABEL.test(name)) {
    return 'Start and end the name with a lowercase letter or a digit, not "-".';
  }
  return undefined;
}

export const ClusterNameSchema = z
  .string({ error: 'Enter a cluster name as text, e.g. "cluster-host".' })
  .superRefine((name, ctx) => {
    const message = validateClusterName(name);
    if (message !== undefined) ctx.addIssue({ code: 'custom', message });
  });
