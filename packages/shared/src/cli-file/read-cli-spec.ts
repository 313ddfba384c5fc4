/**
 * A Cluster document's `spec` read into a `CliClusterDraft`, with a note for everything the
 * file holds that the draft does not use, each with its path and line and why.
 *
 * Decisions:
 * - A number or boolean where text is expected (`httpNodePort: 30080`) is read as the text
 *   written in the file (`"30080"`, `1.10` stays `"1.10"`), with a note: the clusters API takes
 *   only strings, so the file should quote it.
 * - A mapping or list where text is expected is refused (not used), with a note. The one
 *   exception is a `kubeconfig` written as a YAML mapping: it is read as that YAML's text.
 * - `null` or `""` is "not set", without a note (as the server's decoder treats them).
 * - Keys: unknown ones are noted (with "did you mean" for a snake_case spelling of a known
 *   key); server-added categories (`secretManagement`, `oauthProxy`) are noted as ignored; a
 *   category the cluster's kind does not have is noted and left out (the server drops it).
 */
import { stringify, type Document, type LineCounter } from 'yaml';
import { categoryFromCamel, categoryToCamel } from '../clusters/components-case';
import {
  CLIENT_COMPONENT_CATEGORIES,
  componentCategoriesFor,
  DEFAULT_COMPONENTS,
  SERVER_COMPONENT_CATEGORIES,
  type ClientComponentCategory,
  type ComponentCategory,
} from '../clusters/components';
import { isPlainObject } from '../clusters/save-body.schema';
import type { CliClusterDraft, CliComponentDraft } from './cli-cluster-draft';
import { lineAt, sourceAt, yamlPathText, type YamlPath } from './yaml-locate';

/** An error or a note: a sentence naming what was wrong, with the path and line when known. */
export interface CliFileIssue {
  /** The key's path in the file, camelCase as written: `spec.traefik.httpNodePort`. */
  path?: string;
  /** 1-based line in the file. */
  line?: number;
  message: string;
}

export interface DocumentContext {
  doc: Document;
  lines: LineCounter;
  notes: CliFileIssue[];
}

export function issueAt(ctx: DocumentContext, path: YamlPath, message: string): CliFileIssue {
  const issue: CliFileIssue = { path: yamlPathText(path), message };
  const line = lineAt(ctx.doc, ctx.lines, path);
  if (line !== undefined) issue.line = line;
  return issue;
}

export function note(ctx: DocumentContext, path: YamlPath, message: string): void {
  ctx.notes.push(issueAt(ctx, path, message));
}

export function kindOfValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'a mapping';
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return 'text';
}

const snakeToCamel = (key: string) =>
  key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());

/** Notes every key of `value` that is not in `known`, suggesting the camelCase spelling. */
export function noteUnknownKeys(
  ctx: DocumentContext,
  path: YamlPath,
  value: Record<string, unknown>,
  known: readonly string[],
  what: string,
): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const camel = snakeToCamel(key);
    const hint = camel !== key && known.includes(camel) ? ` (did you mean ${camel}?)` : '';
    note(
      ctx,
      [...path, key],
      `${yamlPathText([...path, key])} is not a key of ${what}${hint}; not imported.`,
    );
  }
}

/** A text value; numbers and booleans read as written (with a note), anything else refused. */
function readText(ctx: DocumentContext, path: YamlPath, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  const where = yamlPathText(path);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    const written = sourceAt(ctx.doc, path) ?? String(value);
    note(
      ctx,
      path,
      `${where} is ${kindOfValue(value)} (${written}); read as the text "${written}". The clusters API takes only text: quote it in the file, ${where.split('.').pop() ?? where}: "${written}".`,
    );
    return written;
  }
  note(ctx, path, `${where} is ${kindOfValue(value)}, but text is expected; not imported.`);
  return undefined;
}

/** A mapping, or undefined (with a note when it is something else). */
function readMapping(
  ctx: DocumentContext,
  path: YamlPath,
  value: unknown,
): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (isPlainObject(value)) return value;
  note(
    ctx,
    path,
    `${yamlPathText(path)} is ${kindOfValue(value)}, but a mapping is expected; not imported.`,
  );
  return undefined;
}

/** Keys of `{ fileKey: draftKey }`, read as text; undefined when none is set. */
function readTextFields<K extends string>(
  ctx: DocumentContext,
  path: YamlPath,
  value: Record<string, unknown>,
  keys: Readonly<Record<string, K>>,
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [fileKey, draftKey] of Object.entries(keys)) {
    const text = readText(ctx, [...path, fileKey], value[fileKey]);
    if (text !== undefined) out[draftKey] = text;
  }
  return out;
}

const SPEC_TEXT_KEYS = {
  name: 'name',
  apiServer: 'api_server',
  clusterKind: 'cluster_kind',
  clusterType: 'cluster_type',
  usage: 'usage',
  workerType: 'worker_type',
  hostCluster: 'host_cluster',
  primaryDomain: 'primary_domain',
  argocdHost: 'argocd_host',
  tektonHost: 'tekton_host',
} as const;

export const SPEC_KEYS = [
  ...Object.keys(SPEC_TEXT_KEYS),
  'kubeconfig',
  'vcluster',
  'traefik',
  'componentsList',
  'reservedNamespacesAllowedProducts',
  'productAllowedClusterResources',
] as const;

function readKubeconfig(ctx: DocumentContext, path: YamlPath, value: unknown): string | undefined {
  if (isPlainObject(value)) {
    note(
      ctx,
      path,
      `${yamlPathText(path)} is written as a YAML mapping; read as that kubeconfig's text. The Nautes CLI expects it as a block of text ("kubeconfig: |" and the kubeconfig indented below).`,
    );
    return stringify(value);
  }
  return readText(ctx, path, value);
}

function readStringMap(
  ctx: DocumentContext,
  path: YamlPath,
  value: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    const text = readText(ctx, [...path, key], item);
    if (text !== undefined) out[key] = text;
  }
  return out;
}

function readComponent(
  ctx: DocumentContext,
  path: YamlPath,
  value: Record<string, unknown>,
): CliComponentDraft {
  noteUnknownKeys(ctx, path, value, ['name', 'namespace', 'additions'], 'a component');
  const component: CliComponentDraft = readTextFields(ctx, path, value, {
    name: 'name',
    namespace: 'namespace',
  });
  const additions = readMapping(ctx, [...path, 'additions'], value.additions);
  if (additions !== undefined) {
    const read = readStringMap(ctx, [...path, 'additions'], additions);
    if (Object.keys(read).length > 0) component.additions = read;
  }
  return component;
}

const CLIENT_CAMEL = CLIENT_COMPONENT_CATEGORIES.map((category) => categoryToCamel(category));

function readComponents(
  ctx: DocumentContext,
  path: YamlPath,
  value: Record<string, unknown>,
  has: readonly ComponentCategory[] | undefined,
  kindLabel: string,
): NonNullable<CliClusterDraft['components']> {
  const out: NonNullable<CliClusterDraft['components']> = {};
  for (const [key, item] of Object.entries(value)) {
    const where = [...path, key];
    const category = categoryFromCamel(key);
    if (
      category !== undefined &&
      (SERVER_COMPONENT_CATEGORIES as readonly string[]).includes(category)
    ) {
      note(
        ctx,
        where,
        `${yamlPathText(where)} is added by the Nautes server itself (${DEFAULT_COMPONENTS[category].name}); a file's value is ignored.`,
      );
      continue;
    }
    if (category === undefined) {
      const camel = snakeToCamel(key);
      const hint = CLIENT_CAMEL.includes(camel) ? `did you mean ${camel}? ` : '';
      note(
        ctx,
        where,
        `${yamlPathText(where)} is not a component category (${hint}the categories are ${CLIENT_CAMEL.join(', ')}); not imported.`,
      );
      continue;
    }
    if (item === null || item === undefined) continue;
    const component = readMapping(ctx, where, item);
    if (component === undefined) continue;
    if (has !== undefined && !has.includes(category)) {
      note(
        ctx,
        where,
        `${yamlPathText(where)}: a ${kindLabel} cluster has no ${key} component (the server drops it); not imported.`,
      );
      continue;
    }
    out[category as ClientComponentCategory] = readComponent(ctx, where, component);
  }
  return out;
}

function readReserved(
  ctx: DocumentContext,
  path: YamlPath,
  value: Record<string, unknown>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [namespace, products] of Object.entries(value)) {
    const where = [...path, namespace];
    if (!Array.isArray(products)) {
      note(
        ctx,
        where,
        `${yamlPathText(where)} is ${kindOfValue(products)}, but a list of product names is expected; not imported.`,
      );
      continue;
    }
    out[namespace] = products
      .map((product, index) => readText(ctx, [...where, index], product))
      .filter((product): product is string => product !== undefined);
  }
  return out;
}

function readResources(
  ctx: DocumentContext,
  path: YamlPath,
  value: Record<string, unknown>,
): Record<string, { kind: string; group: string }[]> {
  const out: Record<string, { kind: string; group: string }[]> = {};
  for (const [product, list] of Object.entries(value)) {
    const where = [...path, product];
    if (!Array.isArray(list)) {
      note(
        ctx,
        where,
        `${yamlPathText(where)} is ${kindOfValue(list)}, but a list of {kind, group} is expected; not imported.`,
      );
      continue;
    }
    out[product] = [];
    list.forEach((item: unknown, index) => {
      const itemPath = [...where, index];
      const ref = readMapping(ctx, itemPath, item);
      if (ref === undefined) return;
      noteUnknownKeys(ctx, itemPath, ref, ['kind', 'group'], 'a cluster resource');
      const kind = readText(ctx, [...itemPath, 'kind'], ref.kind) ?? '';
      const group = readText(ctx, [...itemPath, 'group'], ref.group) ?? '';
      out[product]?.push({ kind, group });
    });
  }
  return out;
}

/** The v0.3 settings of the old keys and of `componentsList`: the list wins, a difference is noted. */
function mergeSetting(
  ctx: DocumentContext,
  oldPath: YamlPath,
  oldValue: string | undefined,
  listPath: YamlPath,
  listValue: string | undefined,
): string | undefined {
  if (oldValue !== undefined && listValue !== undefined && oldValue !== listValue) {
    note(
      ctx,
      oldPath,
      `${yamlPathText(oldPath)} is "${oldValue}" but ${yamlPathText(listPath)} is "${listValue}"; the componentsList value is used.`,
    );
  }
  return listValue ?? oldValue;
}

export function readSpec(
  ctx: DocumentContext,
  path: YamlPath,
  spec: Record<string, unknown>,
): CliClusterDraft {
  noteUnknownKeys(ctx, path, spec, SPEC_KEYS, 'a Nautes Cluster spec');
  const at = (...keys: (string | number)[]) => [...path, ...keys];
  const texts = readTextFields(ctx, path, spec, SPEC_TEXT_KEYS);
  const { argocd_host: argocdHost, tekton_host: tektonHost, ...rest } = texts;
  const draft: CliClusterDraft = rest;
  const kubeconfig = readKubeconfig(ctx, at('kubeconfig'), spec.kubeconfig);
  if (kubeconfig !== undefined) draft.kubeconfig = kubeconfig;

  const vcluster = readMapping(ctx, at('vcluster'), spec.vcluster);
  if (vcluster !== undefined) {
    noteUnknownKeys(ctx, at('vcluster'), vcluster, ['httpsNodePort'], 'vcluster');
    const port = readText(ctx, at('vcluster', 'httpsNodePort'), vcluster.httpsNodePort);
    if (port !== undefined) draft.vcluster = { https_node_port: port };
  }

  const traefik = readMapping(ctx, at('traefik'), spec.traefik) ?? {};
  noteUnknownKeys(ctx, at('traefik'), traefik, ['httpNodePort', 'httpsNodePort'], 'traefik');
  const oldPorts = readTextFields(ctx, at('traefik'), traefik, {
    httpNodePort: 'http_node_port',
    httpsNodePort: 'https_node_port',
  });

  const has = componentCategoriesFor(draft);
  const kindLabel = [draft.cluster_type, draft.usage, draft.worker_type]
    .filter((part) => part !== undefined)
    .join(' ');
  const list = readMapping(ctx, at('componentsList'), spec.componentsList);
  if (list !== undefined) {
    const components = readComponents(
      ctx,
      at('componentsList'),
      list,
      has.length > 0 ? has : undefined,
      kindLabel,
    );
    if (Object.keys(components).length > 0 || Object.keys(list).length === 0) {
      draft.components = components;
    }
  }

  const components = draft.components ?? {};
  const argocd = mergeSetting(
    ctx,
    at('argocdHost'),
    argocdHost,
    at('componentsList', 'deployment', 'additions', 'host'),
    components.deployment?.additions?.host,
  );
  const tekton = mergeSetting(
    ctx,
    at('tektonHost'),
    tektonHost,
    at('componentsList', 'pipeline', 'additions', 'host'),
    components.pipeline?.additions?.host,
  );
  const http = mergeSetting(
    ctx,
    at('traefik', 'httpNodePort'),
    oldPorts.http_node_port,
    at('componentsList', 'gateway', 'additions', 'httpNodePort'),
    components.gateway?.additions?.httpNodePort,
  );
  const https = mergeSetting(
    ctx,
    at('traefik', 'httpsNodePort'),
    oldPorts.https_node_port,
    at('componentsList', 'gateway', 'additions', 'httpsNodePort'),
    components.gateway?.additions?.httpsNodePort,
  );
  if (argocd !== undefined) draft.argocd_host = argocd;
  if (tekton !== undefined) draft.tekton_host = tekton;
  if (http !== undefined || https !== undefined) {
    draft.traefik = {};
    if (http !== undefined) draft.traefik.http_node_port = http;
    if (https !== undefined) draft.traefik.https_node_port = https;
  }

  const reserved = readMapping(
    ctx,
    at('reservedNamespacesAllowedProducts'),
    spec.reservedNamespacesAllowedProducts,
  );
  if (reserved !== undefined && Object.keys(reserved).length > 0) {
    draft.reserved_namespaces_allowed_products = readReserved(
      ctx,
      at('reservedNamespacesAllowedProducts'),
      reserved,
    );
  }
  const resources = readMapping(
    ctx,
    at('productAllowedClusterResources'),
    spec.productAllowedClusterResources,
  );
  if (resources !== undefined && Object.keys(resources).length > 0) {
    draft.product_allowed_cluster_resources = readResources(
      ctx,
      at('productAllowedClusterResources'),
      resources,
    );
  }
  return draft;
}

/** Which key generation carried the v0.3 settings: old keys, `componentsList`, or both. */
export function keyGenerationOf(
  spec: Record<string, unknown>,
): 'v0.3' | 'v0.4' | 'mixed' | undefined {
  const old = ['argocdHost', 'tektonHost', 'traefik'].some((key) => spec[key] != null);
  const list = spec.componentsList != null;
  if (old && list) return 'mixed';
  if (list) return 'v0.4';
  return old ? 'v0.3' : undefined;
}
