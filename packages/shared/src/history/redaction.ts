/**
 * What a history diff never shows: the one redaction rule for the values of a Cluster file.
 */
import { categoryToCamel } from '../clusters/components-case';
import { COMPONENT_CATEGORIES } from '../clusters/components';

/** What a secret's value is replaced with: the field shows it is there, never what it is. */
export const REDACTED = '[redacted]';

/**
 * Key text that names a secret wherever it appears in the key (`bearerToken`, `kubeConfig`,
 * `clientSecret`, `client-key-data`, `apiKey`, `x-access-key`, `tlsCert`).
 */
const SECRET_TEXT =
  /kube[-_]?config|token|passw(or)?d|passphrase|secret|credential|cert|private[-_]?key|key[-_]?data|api[-_]?key|access[-_]?key/i;

/** Whole words of a key that name a secret (`key`, `signing-key`, `pwd`). */
const SECRET_WORDS = new Set(['key', 'keys', 'pwd', 'pass', 'authorization', 'bearer']);

/** Words that make a mapping or list a set of environment variables (`env`, `extraEnv`). */
const ENV_WORDS = new Set(['env', 'envs', 'environment', 'environments']);

/** `apiKey` -> api, key; `client-key-data` -> client, key, data; `APIKey` -> api, key. */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** Component categories are names, not secrets (`secretSync` is External Secrets, not a secret). */
const NAMED_CATEGORIES = new Set(
  COMPONENT_CATEGORIES.flatMap((category) => [category, categoryToCamel(category)]),
);

/** Whether a key, alone, names a secret: its value is never shown. */
export function isSecretKey(key: string): boolean {
  if (NAMED_CATEGORIES.has(key)) return false;
  return SECRET_TEXT.test(key) || keyWords(key).some((word) => SECRET_WORDS.has(word));
}

/**
 * THE redaction rule of a history diff: whether the value at this chain of keys (root first,
 * list indices left out) is never shown. A key that names a secret hides everything under it;
 * under an environment list or map (`env: [{name, value}]`, `env: {NAME: value}`) every value
 * but the variable's `name` is hidden, as any of them may be a credential.
 */
export function isSecretPath(keys: readonly string[]): boolean {
  if (keys.some(isSecretKey)) return true;
  const last = keys.length - 1;
  const underEnv = keys
    .slice(0, last)
    .some((key) => !NAMED_CATEGORIES.has(key) && keyWords(key).some((word) => ENV_WORDS.has(word)));
  return underEnv && keys[last] !== 'name';
}
