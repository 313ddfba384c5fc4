import type { TFunction } from 'i18next';

/**
 * The shared rules (packages/shared), the CLI-file reader and the wizard's own checks speak
 * English: the very text the clusters API answers with, so a file, a form and a server agree.
 * In another language each text known here is told from the locale files: the pattern's named
 * groups become the values of its key. A text no pattern knows (a YAML parser's reason, a
 * server's message) is shown as it is.
 */
interface RuleText {
  key: string;
  pattern: RegExp;
}

const EXAMPLE = String.raw`e\.g\. "(?<example>[^"]*)"`;

const RULE_TEXTS: readonly RuleText[] = [
  // The wizard's own checks.
  {
    key: 'wizard.locked.reason',
    pattern:
      /^(?<name>\S+) carries virtual clusters (?<dependents>.+): its type, usage, host cluster, worker type and cluster kind cannot change while they depend on it\.$/,
  },
  { key: 'validation.rules.chooseProfile', pattern: /^Choose what kind of cluster to register\.$/ },
  {
    key: 'validation.rules.chooseContext',
    pattern: /^Choose the context of the cluster to register\.$/,
  },
  {
    key: 'validation.rules.notAHost',
    pattern: /^"(?<host>.+)" is not a host cluster: choose a cluster registered as a host\.$/,
  },
  {
    key: 'validation.rules.additionKey',
    pattern: /^Enter a key for this value, or remove the row\.$/,
  },
  {
    key: 'validation.rules.additionManaged',
    pattern: /^"(?<key>.+)" is set by its own field above: change it there, and remove this row\.$/,
  },
  // "Register all": the web's own checks across the file.
  {
    key: 'validation.rules.duplicate',
    pattern: /^(?<name>\S+) is already earlier in this file\.$/,
  },
  {
    key: 'validation.rules.hostUnknown',
    pattern: /^Host cluster (?<host>\S+) is neither registered nor in this file\.$/,
  },
  // The cluster name.
  { key: 'validation.rules.nameMissing', pattern: /^Enter a cluster name: lowercase letters/ },
  { key: 'validation.rules.nameNotText', pattern: /^Enter a cluster name as text/ },
  {
    key: 'validation.rules.nameTooLong',
    pattern: /^Use at most (?<max>\d+) characters \(this name has (?<length>\d+)\)\.$/,
  },
  {
    key: 'validation.rules.lowercase',
    pattern: new RegExp(`^Use lowercase letters only, ${EXAMPLE}\\.$`),
  },
  {
    key: 'validation.rules.nameCharacters',
    pattern: /^Use only lowercase letters, digits and "-" \(no spaces/,
  },
  { key: 'validation.rules.nameEnds', pattern: /^Start and end the name with a lowercase letter/ },
  // Kind, type, usage and what they require.
  {
    key: 'validation.rules.choose',
    pattern: /^Choose (?<choices>"[^"]*"(?: or "[^"]*")*) \(got "(?<value>.*)"\)\.$/,
  },
  { key: 'validation.rules.clusterKind', pattern: /^Set cluster_kind to "kubernetes"\.$/ },
  { key: 'validation.rules.clusterType', pattern: /^Choose the cluster type: "physical"/ },
  { key: 'validation.rules.usage', pattern: /^Choose the usage: "host"/ },
  { key: 'validation.rules.workerType', pattern: /^Choose the worker type/ },
  { key: 'validation.rules.virtualHost', pattern: /^A virtual cluster can only be a worker/ },
  {
    key: 'validation.rules.hostWorkerType',
    pattern: /^Leave worker_type empty for a host cluster \(got "(?<value>.*)"\)/,
  },
  {
    key: 'validation.rules.hostMissing',
    pattern: /^Name the registered host cluster this virtual/,
  },
  { key: 'validation.rules.ownHost', pattern: /^A virtual cluster cannot be its own host/ },
  {
    key: 'validation.rules.physicalHost',
    pattern: /^Leave host_cluster empty for a physical cluster \(got "(?<value>.*)"\)/,
  },
  { key: 'validation.rules.notString', pattern: new RegExp(`^must be a string, ${EXAMPLE}$`) },
  // The API server, DNS names and ports.
  {
    key: 'validation.rules.apiServerMissing',
    pattern: /^Enter the URL of the cluster's Kubernetes API server/,
  },
  { key: 'validation.rules.urlSpaces', pattern: /^Remove the spaces before or after the URL/ },
  { key: 'validation.rules.urlScheme', pattern: /^Start the address with "https:\/\/"/ },
  {
    key: 'validation.rules.urlPort',
    pattern: /^Use a port between 1 and 65535 in the URL \(got "(?<value>.*)"\)/,
  },
  { key: 'validation.rules.urlInvalid', pattern: /^Enter a valid URL, / },
  { key: 'validation.rules.urlHost', pattern: /^Add the host of the API server/ },
  {
    key: 'validation.rules.urlCredentials',
    pattern: /^Remove the user name and password from the URL/,
  },
  { key: 'validation.rules.dnsMissing', pattern: new RegExp(`^Enter a DNS name, ${EXAMPLE}\\.$`) },
  {
    key: 'validation.rules.dnsTooLong',
    pattern: /^Use a DNS name of at most (?<max>\d+) characters \(this one has (?<length>\d+)\)\.$/,
  },
  { key: 'validation.rules.dnsNoScheme', pattern: /^Enter a host name only, without "http:\/\/"/ },
  { key: 'validation.rules.dnsNoPort', pattern: /^Enter a host name without a port/ },
  {
    key: 'validation.rules.dnsCharacters',
    pattern: /^Use only lowercase letters, digits, "-" and "\."/,
  },
  { key: 'validation.rules.dnsEmptyPart', pattern: /^Remove the empty part between dots/ },
  {
    key: 'validation.rules.dnsPartTooLong',
    pattern:
      /^Each part between dots may have at most (?<max>\d+) characters; "(?<part>.*)" has (?<length>\d+)\.$/,
  },
  {
    key: 'validation.rules.dnsPartEnds',
    pattern:
      /^Start and end each part between dots with a letter or digit, not "-" \("(?<part>.*)"\)\.$/,
  },
  {
    key: 'validation.rules.portDigits',
    pattern: /^Enter the port as decimal digits only, e\.g\. "30443" \(got "(?<value>.*)"\)\.$/,
  },
  {
    key: 'validation.rules.portRange',
    pattern: /^Enter a port between 1 and 65535 \(got (?<value>.*)\)\.$/,
  },
  // The kubeconfig.
  {
    key: 'validation.rules.kubeconfigMissing',
    pattern: /^Paste the kubeconfig of this physical cluster/,
  },
  { key: 'validation.rules.kubeconfigEmpty', pattern: /^The kubeconfig is empty; / },
  { key: 'validation.rules.kubeconfigTooLarge', pattern: /^The kubeconfig is larger than 1 MiB/ },
  {
    key: 'validation.rules.kubeconfigTooMany',
    pattern: /^The kubeconfig has too many lines and entries/,
  },
  { key: 'validation.rules.kubeconfigNoClusters', pattern: /^The kubeconfig has no clusters/ },
  { key: 'validation.rules.kubeconfigNoUsers', pattern: /^The kubeconfig has no users/ },
  {
    key: 'validation.rules.kubeconfigBadBase64',
    pattern: /^This looks like base64 but does not decode/,
  },
  { key: 'validation.rules.kubeconfigNotOne', pattern: /^This is not a kubeconfig: / },
  {
    key: 'validation.rules.kubeconfigNoContext',
    pattern: /^The kubeconfig has no context named "(?<context>.*)"\.$/,
  },
  // Reserved namespaces and cluster resources.
  { key: 'validation.rules.namespaceName', pattern: /^"(?<value>.*)" is not a namespace name: / },
  {
    key: 'validation.rules.reservedNamespace',
    pattern:
      /^Reserved namespace "(?<namespace>.*)" is not the namespace of one of this cluster's components \((?<namespaces>.*)\)/,
  },
  {
    key: 'validation.rules.productMissing',
    pattern: /^Enter a product name, or remove the empty entry\.$/,
  },
  { key: 'validation.rules.resourceKind', pattern: /^Enter the resource kind, / },
  { key: 'validation.rules.resourceGroup', pattern: /^Enter the API group, / },
  // The CLI file's notes.
  {
    key: 'validation.rules.cliMetadataName',
    pattern:
      /^metadata\.name is "(?<metadata>.*)" but spec\.name is "(?<spec>.*)"; spec\.name is used\.$/,
  },
  {
    key: 'validation.rules.cliMetadataOther',
    pattern: /^metadata\.(?<key>\S+) is not part of a Nautes cluster; not imported\.$/,
  },
  { key: 'validation.rules.cliNoName', pattern: /^The cluster has no name \(spec\.name\); / },
  {
    key: 'validation.rules.cliServerComponent',
    pattern: /^(?<path>\S+) is added by the Nautes server itself \((?<component>[^)]*)\); /,
  },
];

/** The key and values of a known English rule text, or undefined for any other text. */
export function ruleTextKey(
  message: string,
): { key: string; values: Record<string, string> } | undefined {
  for (const { key, pattern } of RULE_TEXTS) {
    const match = pattern.exec(message);
    if (match) return { key, values: { ...match.groups } };
  }
  return undefined;
}

/** The message in the user's language: English as the rules said it; otherwise told from the locale files. */
export function ruleText(t: TFunction, language: string, message: string): string {
  if (language === 'en') return message;
  const known = ruleTextKey(message);
  return known ? t(known.key, { ...known.values, defaultValue: message }) : message;
}

/** Every key a rule text may be told by (each must exist in every language but English). */
export const RULE_TEXT_KEYS: readonly string[] = RULE_TEXTS.map((rule) => rule.key);
