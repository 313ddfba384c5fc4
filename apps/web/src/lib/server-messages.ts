/**
 * The Nautes API server answers almost every failure as `500` with an empty `reason` and a Go
 * error text in `message` (see nautes-v0.4.md and clusters-api.md in the shared contract).
 * This table knows the texts the contract names: each is put into words a person can act on
 * and tied to the body field it concerns, so a form can show it on that field.
 */

/** The body field paths (as in the save body) the table's messages concern. */
export const SERVER_MESSAGE_FIELDS = [
  'api_server',
  'host_cluster',
  'kubeconfig',
  'reserved_namespaces_allowed_products',
] as const;
export type ServerMessageField = (typeof SERVER_MESSAGE_FIELDS)[number];

export interface ServerMessage {
  /** The text's key under `errors.server.` in the locales. */
  key: string;
  /** Matches the Go error text; named groups become the translation's values. */
  pattern: RegExp;
  /** The body field the message concerns, if any. */
  field?: ServerMessageField;
  /** Extra metadata taken from the match, in our clusters API's names (e.g. `referenced_by`). */
  metadata?: (groups: Record<string, string>) => Record<string, string>;
}

const referencedBy = (groups: Record<string, string>) => ({
  referenced_by: (groups.by ?? '')
    .split(/[\s,]+/)
    .filter((name) => name !== '')
    .join(','),
});

/** First match wins: the more specific texts come first. */
export const SERVER_MESSAGES: readonly ServerMessage[] = [
  {
    // failed to validate save request, err: the apiserver http//x is not an https URL
    key: 'apiServerNotHttps',
    pattern: /the apiserver (?<value>\S*) is not an https URL/i,
    field: 'api_server',
  },
  {
    // failed to get host cluster, err: cluster x is not found
    key: 'hostClusterNotFound',
    pattern: /failed to get host cluster.*?cluster (?<name>\S+) is not found/i,
    field: 'host_cluster',
  },
  {
    // register physical cluster, kubeconfig is not empty (sic: it means "required")
    key: 'kubeconfigRequired',
    pattern: /kubeconfig is not empty/i,
    field: 'kubeconfig',
  },
  {
    // reserved namespace <ns> is not in component list
    key: 'reservedNamespaceNotComponent',
    pattern: /reserved namespace (?<namespace>\S+) is not in component list/i,
    field: 'reserved_namespaces_allowed_products',
  },
  {
    // failed to remove cluster h, this cluster is referenced by v
    key: 'clusterReferenced',
    pattern:
      /failed to remove cluster (?<name>[^\s,]+),? this cluster is referenced by (?<by>.+?)\.?$/i,
    metadata: referencedBy,
  },
  {
    // cluster referenced by [v], modifying [cluster kind, ...] is not allowed (admission webhook)
    key: 'clusterReferencedChange',
    pattern:
      /cluster referenced by \[(?<by>[^\]]*)\], modifying \[(?<fields>[^\]]*)\] is not allowed/i,
    metadata: referencedBy,
  },
  {
    // failed to save git config to git repo, err: push data: pre-receive hook declined
    key: 'pushDeclined',
    pattern: /pre-receive hook declined/i,
  },
];

export interface ServerMessageMatch {
  entry: ServerMessage;
  values: Record<string, string>;
  metadata: Record<string, string>;
}

/** The table's entry for a server text, or undefined for a text it does not know. */
export function matchServerMessage(message: string): ServerMessageMatch | undefined {
  for (const entry of SERVER_MESSAGES) {
    const match = entry.pattern.exec(message.trim());
    if (match === null) continue;
    const values = { ...match.groups };
    return { entry, values, metadata: entry.metadata?.(values) ?? {} };
  }
  return undefined;
}

type Translate = (key: string, values?: Record<string, string>) => string;

/**
 * A known server text in words (the server's own words kept after them) with the field it
 * concerns added to `metadata`; an unknown text unchanged.
 */
export function explainServerMessage(
  message: string,
  metadata: Record<string, string>,
  t: Translate,
): { message: string; metadata: Record<string, string> } {
  const found = matchServerMessage(message);
  if (found === undefined) return { message, metadata };
  const words = t(`errors.server.${found.entry.key}`, found.values);
  const out = { ...found.metadata, ...metadata };
  if (found.entry.field !== undefined) out[found.entry.field] ??= words;
  return {
    message: `${words} ${t('errors.server.said', { message: message.trim() })}`,
    metadata: out,
  };
}
