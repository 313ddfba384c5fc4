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
import { stringify } from 'yaml';
import { categoryFromCamel, categoryToCamel } from '../clusters/components-case';
import {
  CLIENT_COMPONENT_CATEGORIES,
  componentCategoriesFor,
  DEFAULT_COMPONENTS,
  SERVER_COMPONENT_CATEGORIES,
  type ClientComponentCategory,
  type ComponentCategory,
} from '../clusters/components';
import { isPlainObject } from '../clusters/validate-save-body';
import type { CliClusterDraft, CliComponentDraft } from './cli-cluster-draft';
import {
  note,
  noteUnknownKeys,
  readMapping,
  readText,
  readReserved,
  readResources,
  readTextFields,
  safeEntries,
  snakeToCamel,
  type DocumentContext,
} from './read-values';
import { yamlPathText, type YamlPath } from './yaml-locate';

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
  for (const [key, item] of safeEntries(ctx, path, value)) {
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
  for (const [key, item] of safeEntries(ctx, path, value)) {
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
