/**
 * Bad input, sent through the BFF as a signed-in maintainer to the real clusters API: each case
 * is refused with a 4xx in the contract's error shape whose metadata names the field concerned,
 * within a second, and afterwards the tenant repository's head (git ls-remote) and the secret
 * store (a hash of its files) are exactly as before. No answer or log shows a secret.
 */
import { randomBytes } from 'node:crypto';
import { ApiErrorBodySchema } from '@cluster-console/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpBrowser } from '../support/http-browser';
import { rawRequest, type RawResponse } from '../support/raw-request';
import { signIn } from '../support/sign-in';
import { startHardeningStack, type HardeningStack } from './support/hardening-stack';
import { markedHostBody, secretKubeconfig } from './support/kubeconfigs';
import { SecretLeakScan } from './support/secret-leaks';
import { remoteHead, secretStoreHash } from './support/tenant-store';

const EXISTING = 'existing-host';
/** A secret planted in every bad kubeconfig: no error message may quote it back. */
const PLANTED = `kcsecret${randomBytes(12).toString('hex')}`;
const MiB = 1024 * 1024;

let stack: HardeningStack;
let maintainer: HttpBrowser;
const scan = new SecretLeakScan();
let headBefore: string;
let secretsBefore: string;
let existingBefore: string;

const valid = secretKubeconfig('bad-input-valid');
scan.addKubeconfig(valid.kubeconfig, valid.secrets);
scan.addSecret('planted kubeconfig secret', PLANTED);

type Body = Record<string, unknown>;

function host(extra: Body = {}): Body {
  return {
    api_server: 'https://203.0.113.10:6443',
    cluster_kind: 'kubernetes',
    cluster_type: 'physical',
    usage: 'host',
    kubeconfig: valid.kubeconfig,
    ...extra,
  };
}

function worker(extra: Body = {}): Body {
  return host({ usage: 'worker', worker_type: 'pipeline', ...extra });
}

function virtual(extra: Body = {}): Body {
  return {
    api_server: 'https://203.0.113.10:31443',
    cluster_kind: 'kubernetes',
    cluster_type: 'virtual',
    usage: 'worker',
    worker_type: 'deployment',
    host_cluster: EXISTING,
    ...extra,
  };
}

function without(body: Body, ...keys: string[]): Body {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));
}

/** Text that fills most of the 1 MiB limit (escaped as JSON, with the body around it). */
function fill(unit: string, bytes = 700 * 1024): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

function aliasBomb(): string {
  const lines = [`a: &a ["${PLANTED}","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i += 1)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(',')}]`,
    );
  lines.push('clusters: *i', 'users: *i');
  return lines.join('\n');
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const noUsers = `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: https://203.0.113.10:6443, certificate-authority-data: ${PLANTED}}\ncontexts: []\nusers: []\n`;
const noClusters = `apiVersion: v1\nkind: Config\nclusters: []\nusers:\n- name: u\n  user: {token: ${PLANTED}}\n`;

interface BadCase {
  name: string;
  method?: 'GET' | 'POST' | 'DELETE';
  /** The raw request target (sent byte for byte); default: a new cluster's path. */
  path?: string;
  body?: unknown;
  raw?: string | Buffer;
  contentType?: string;
  status?: number;
  /** The metadata key the answer must name. */
  field: string;
}

const post = (name: string) => `/api/v1/clusters/${name}`;
const NEW = post('bad-input-new');
const UPDATE = post(EXISTING);

const cases: BadCase[] = [
  // malformed JSON and bodies that are not an object
  { name: 'truncated JSON', raw: '{"api_server": "https://a.example', field: 'body' },
  { name: 'JSON with a trailing comma', raw: '{"usage": "host",}', field: 'body' },
  { name: 'text that is not JSON', raw: 'api_server=https://a.example', field: 'body' },
  { name: 'an empty body', raw: '', field: 'api_server' },
  { name: 'a JSON array', body: [host()], field: 'body' },
  { name: 'a JSON string', body: 'cluster', field: 'body' },
  { name: 'JSON null', body: null, field: 'body' },
  { name: 'a JSON number', body: 42, field: 'body' },
  { name: 'JSON sent as text/plain', body: host(), contentType: 'text/plain', field: 'body' },
  {
    name: 'a form post',
    raw: 'api_server=https%3A%2F%2Fa.example&usage=host',
    contentType: 'application/x-www-form-urlencoded',
    field: 'body',
  },
  {
    name: 'JSON nested 100 000 levels deep',
    raw: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    field: 'body',
  },
  {
    name: 'an unsupported charset',
    body: host(),
    contentType: 'application/json; charset=utf-7',
    field: 'body',
  },
  { name: 'an update as malformed JSON', path: UPDATE, raw: '{"usage":', field: 'body' },
  // wrong types: numbers, booleans, nulls, arrays and objects where strings belong
  { name: 'api_server as a number', body: host({ api_server: 6443 }), field: 'api_server' },
  { name: 'cluster_kind as a boolean', body: host({ cluster_kind: true }), field: 'cluster_kind' },
  { name: 'cluster_type as null', body: host({ cluster_type: null }), field: 'cluster_type' },
  { name: 'usage as an array', body: host({ usage: ['host'] }), field: 'usage' },
  {
    name: 'primary_domain as a number',
    body: host({ primary_domain: 5 }),
    field: 'primary_domain',
  },
  {
    name: 'a traefik port as a number',
    body: host({ traefik: { http_node_port: 30080 } }),
    field: 'traefik.http_node_port',
  },
  { name: 'traefik as a string', body: host({ traefik: '30080' }), field: 'traefik' },
  {
    name: 'the vcluster port as a number',
    body: virtual({ vcluster: { https_node_port: 31443 } }),
    field: 'vcluster.https_node_port',
  },
  {
    name: 'kubeconfig as an object',
    body: host({ kubeconfig: { clusters: [] } }),
    field: 'kubeconfig',
  },
  {
    name: 'reserved namespaces as a string',
    body: host({ reserved_namespaces_allowed_products: 'ns' }),
    field: 'reserved_namespaces_allowed_products',
  },
  {
    name: 'an update with usage as a number',
    path: UPDATE,
    body: host({ usage: 1 }),
    field: 'usage',
  },
  // missing fields, and unknown fields that must not make up for them
  { name: 'no api_server', body: without(host(), 'api_server'), field: 'api_server' },
  { name: 'no cluster_kind', body: without(host(), 'cluster_kind'), field: 'cluster_kind' },
  { name: 'no cluster_type', body: without(host(), 'cluster_type'), field: 'cluster_type' },
  { name: 'no usage', body: without(host(), 'usage'), field: 'usage' },
  {
    name: 'a new physical cluster without kubeconfig',
    body: without(host(), 'kubeconfig'),
    field: 'kubeconfig',
  },
  {
    name: 'a worker without worker_type',
    body: without(worker(), 'worker_type'),
    field: 'worker_type',
  },
  {
    name: 'a virtual cluster without host_cluster',
    body: without(virtual(), 'host_cluster'),
    field: 'host_cluster',
  },
  { name: 'an empty object', body: {}, field: 'api_server' },
  {
    name: 'unknown fields instead of usage',
    body: {
      ...without(host(), 'usage'),
      Usage: 'host',
      usage_type: 'host',
      spec: { usage: 'host' },
    },
    field: 'usage',
  },
  {
    name: 'usage smuggled through __proto__',
    raw: JSON.stringify(without(host(), 'usage')).replace('{', '{"__proto__":{"usage":"host"},'),
    field: 'usage',
  },
  {
    name: 'usage smuggled through constructor.prototype',
    body: { ...without(host(), 'usage'), constructor: { prototype: { usage: 'host' } } },
    field: 'usage',
  },
  {
    name: 'an update without api_server',
    path: UPDATE,
    body: without(host(), 'api_server'),
    field: 'api_server',
  },
  // values against the rules
  {
    name: 'cluster_kind openshift',
    body: host({ cluster_kind: 'openshift' }),
    field: 'cluster_kind',
  },
  { name: 'cluster_type cloud', body: host({ cluster_type: 'cloud' }), field: 'cluster_type' },
  { name: 'usage master', body: host({ usage: 'master' }), field: 'usage' },
  { name: 'worker_type build', body: worker({ worker_type: 'build' }), field: 'worker_type' },
  {
    name: 'a host with a worker_type',
    body: host({ worker_type: 'pipeline' }),
    field: 'worker_type',
  },
  {
    name: 'a physical cluster with a host_cluster',
    body: host({ host_cluster: EXISTING }),
    field: 'host_cluster',
  },
  { name: 'a virtual host', body: virtual({ usage: 'host', worker_type: '' }), field: 'usage' },
  // cluster names
  { name: 'a name in upper case', path: post('Cluster-Host'), body: host(), field: 'cluster_name' },
  { name: 'a name with dots', path: post('cluster.host'), body: host(), field: 'cluster_name' },
  {
    name: 'a name of 64 characters',
    path: post('a'.repeat(64)),
    body: host(),
    field: 'cluster_name',
  },
  { name: 'a unicode name', path: post('cl%C3%BCster'), body: host(), field: 'cluster_name' },
  { name: 'a name with an emoji', path: post('%F0%9F%9A%80'), body: host(), field: 'cluster_name' },
  {
    name: 'encoded path traversal',
    path: post('..%2F..%2Fetc'),
    body: host(),
    field: 'cluster_name',
  },
  { name: 'encoded dot segments', path: post('%2e%2e'), body: host(), field: 'cluster_name' },
  { name: 'an encoded space', path: post('a%20b'), body: host(), field: 'cluster_name' },
  { name: 'an underscore', path: post('a_b'), body: host(), field: 'cluster_name' },
  { name: 'a leading hyphen', path: post('-cluster'), body: host(), field: 'cluster_name' },
  { name: 'a trailing hyphen', path: post('cluster-'), body: host(), field: 'cluster_name' },
  {
    name: 'GET of an upper-case name',
    method: 'GET',
    path: post('Existing-Host'),
    field: 'cluster_name',
  },
  { name: 'GET of encoded traversal', method: 'GET', path: post('..%2F..'), field: 'cluster_name' },
  {
    name: 'DELETE of a name with dots',
    method: 'DELETE',
    path: post('existing.host'),
    field: 'cluster_name',
  },
  {
    name: 'DELETE of encoded traversal',
    method: 'DELETE',
    path: post('..%2Fexisting-host'),
    field: 'cluster_name',
  },
  // URLs
  {
    name: 'an api_server without host',
    body: host({ api_server: 'https://' }),
    field: 'api_server',
  },
  {
    name: 'an api_server with only a port',
    body: host({ api_server: 'https://:6443' }),
    field: 'api_server',
  },
  {
    name: 'an api_server without scheme',
    body: host({ api_server: '203.0.113.10:6443' }),
    field: 'api_server',
  },
  {
    name: 'an ftp api_server',
    body: host({ api_server: 'ftp://203.0.113.10' }),
    field: 'api_server',
  },
  {
    name: 'a javascript: api_server',
    body: host({ api_server: 'javascript:alert(1)' }),
    field: 'api_server',
  },
  {
    name: 'an api_server with port 0',
    body: host({ api_server: 'https://203.0.113.10:0' }),
    field: 'api_server',
  },
  {
    name: 'an api_server with port 65536',
    body: host({ api_server: 'https://203.0.113.10:65536' }),
    field: 'api_server',
  },
  {
    name: 'an api_server with a bad port',
    body: host({ api_server: 'https://203.0.113.10:64a3' }),
    field: 'api_server',
  },
  // ports
  {
    name: 'traefik port 0',
    body: host({ traefik: { http_node_port: '0' } }),
    field: 'traefik.http_node_port',
  },
  {
    name: 'traefik port 65536',
    body: host({ traefik: { https_node_port: '65536' } }),
    field: 'traefik.https_node_port',
  },
  {
    name: 'a negative traefik port',
    body: host({ traefik: { http_node_port: '-1' } }),
    field: 'traefik.http_node_port',
  },
  {
    name: 'a traefik port with letters',
    body: host({ traefik: { http_node_port: '30o80' } }),
    field: 'traefik.http_node_port',
  },
  {
    name: 'vcluster port 0',
    body: virtual({ vcluster: { https_node_port: '0' } }),
    field: 'vcluster.https_node_port',
  },
  // DNS names
  {
    name: 'a primary domain with a space',
    body: host({ primary_domain: 'my cluster.example.com' }),
    field: 'primary_domain',
  },
  {
    name: 'a primary domain in unicode',
    body: host({ primary_domain: 'clüster.example.com' }),
    field: 'primary_domain',
  },
  {
    name: 'a primary domain with a 64-character label',
    body: host({ primary_domain: `${'a'.repeat(64)}.example.com` }),
    field: 'primary_domain',
  },
  {
    name: 'an argocd host with a space',
    body: worker({ argocd_host: 'argo cd.example.com' }),
    field: 'argocd_host',
  },
  {
    name: 'a tekton host with a slash',
    body: worker({ tekton_host: 'tekton.example.com/x' }),
    field: 'tekton_host',
  },
  // kubeconfigs
  {
    name: 'a kubeconfig that is not YAML',
    body: host({ kubeconfig: `clusters: [${PLANTED}\nusers: {` }),
    field: 'kubeconfig',
  },
  {
    name: 'a kubeconfig that is prose',
    body: host({ kubeconfig: `my kubeconfig is ${PLANTED}` }),
    field: 'kubeconfig',
  },
  {
    name: 'a binary kubeconfig',
    body: host({ kubeconfig: randomBytes(4096).toString('latin1') + PLANTED }),
    field: 'kubeconfig',
  },
  { name: 'a YAML alias bomb', body: host({ kubeconfig: aliasBomb() }), field: 'kubeconfig' },
  {
    name: 'a kubeconfig without clusters',
    body: host({ kubeconfig: noClusters }),
    field: 'kubeconfig',
  },
  { name: 'a kubeconfig without users', body: host({ kubeconfig: noUsers }), field: 'kubeconfig' },
  {
    name: 'base64 of garbage',
    body: host({ kubeconfig: randomBytes(3000).toString('base64') }),
    field: 'kubeconfig',
  },
  {
    name: 'base64 of a kubeconfig without users',
    body: host({ kubeconfig: base64(noUsers) }),
    field: 'kubeconfig',
  },
  { name: 'a YAML list', body: host({ kubeconfig: `- ${PLANTED}\n- b\n` }), field: 'kubeconfig' },
  {
    name: 'two YAML documents',
    body: host({ kubeconfig: `${noUsers}---\n${noClusters}` }),
    field: 'kubeconfig',
  },
  {
    name: 'a kubeconfig indented with tabs',
    body: host({ kubeconfig: `clusters:\n\t- name: ${PLANTED}\n` }),
    field: 'kubeconfig',
  },
  {
    name: 'an empty kubeconfig for a new cluster',
    body: host({ kubeconfig: '   ' }),
    field: 'kubeconfig',
  },
  {
    name: '700 KiB of YAML list items',
    body: host({ kubeconfig: fill('- a\n') }),
    field: 'kubeconfig',
  },
  {
    name: '700 KiB of one-line mappings',
    body: host({ kubeconfig: fill(`k: ${PLANTED}\n`) }),
    field: 'kubeconfig',
  },
  {
    name: '700 KiB in an unclosed quote',
    body: host({ kubeconfig: `users: "${fill('a')}` }),
    field: 'kubeconfig',
  },
  {
    name: '700 KiB of nested flow sequences',
    body: host({ kubeconfig: `clusters: ${fill('[')}` }),
    field: 'kubeconfig',
  },
  {
    name: '700 KiB of base64 alphabet',
    body: host({ kubeconfig: fill('-a_b+c/d') }),
    field: 'kubeconfig',
  },
  {
    name: 'an update with a garbage kubeconfig',
    path: UPDATE,
    body: host({ kubeconfig: `- ${PLANTED}` }),
    field: 'kubeconfig',
  },
  // maps and the list filter
  {
    name: 'a reserved namespace that is not a DNS label',
    body: host({ reserved_namespaces_allowed_products: { 'Bad NS': ['p'] } }),
    field: 'reserved_namespaces_allowed_products.Bad NS',
  },
  {
    name: 'a filter on an unknown key',
    method: 'GET',
    path: '/api/v1/clusters?field_selector=color%3Dblue',
    field: 'field_selector',
  },
  {
    name: 'a filter with !=',
    method: 'GET',
    path: '/api/v1/clusters?field_selector=usage!%3Dhost',
    field: 'field_selector',
  },
  {
    name: 'a filter given twice',
    method: 'GET',
    path: '/api/v1/clusters?field_selector=usage%3Dhost&field_selector=usage%3Dworker',
    field: 'field_selector',
  },
  // size
  {
    name: 'a 2 MiB body',
    body: host({ kubeconfig: fill('x', 2 * MiB) }),
    status: 413,
    field: 'body',
  },
];

async function send(testCase: BadCase): Promise<RawResponse> {
  const method = testCase.method ?? 'POST';
  const target = testCase.path ?? NEW;
  const headers: Record<string, string> = {
    accept: 'application/json',
    cookie: maintainer.jar.header(new URL(stack.bff.url)) ?? '',
  };
  let payload: string | Buffer | undefined;
  if (testCase.raw !== undefined) payload = testCase.raw;
  else if ('body' in testCase) payload = JSON.stringify(testCase.body);
  if (method !== 'GET') headers['x-requested-with'] = 'cluster-console';
  if (payload !== undefined) {
    headers['content-type'] = testCase.contentType ?? 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  const response = await rawRequest(stack.bff.url, method, target, headers, payload as string);
  scan.record(`${method} ${target.slice(0, 80)}`, response);
  return response;
}

beforeAll(async () => {
  stack = await startHardeningStack({ bffEnv: { MUTATION_RATE_LIMIT: '100000' } });
  maintainer = (await signIn(stack.bff.url, { username: 'maintainer', password: 'maintainer' }))
    .browser;
  scan.watch(maintainer);
  await scan.addSessionTokens(stack.bff.services.store, maintainer);
  const existing = markedHostBody('existing');
  scan.addKubeconfig(existing.secrets.kubeconfig, existing.secrets.secrets);
  const saved = await maintainer.api(`${stack.bff.url}${UPDATE}`, {
    method: 'POST',
    json: existing.body,
  });
  expect(saved.status).toBe(200);
  existingBefore = (await maintainer.api(`${stack.bff.url}${UPDATE}`)).body;
  headBefore = remoteHead(stack.gitlabUrl, 'glpat-local-maintainer');
  secretsBefore = secretStoreHash(stack.secretsDir);
});

afterAll(async () => {
  await stack?.close();
});

describe('bad input through the BFF, as a signed-in maintainer', () => {
  it('when the cases are counted, then there are at least 60', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)(
    'when sent $name, then a 4xx in the error shape names $field, within a second',
    async (testCase) => {
      const started = performance.now();
      const response = await send(testCase);
      const elapsed = performance.now() - started;
      const expectedStatus =
        testCase.status ?? (testCase.field === 'cluster_name' ? undefined : 400);
      if (expectedStatus === undefined) expect([400, 404]).toContain(response.status);
      else expect(response.status).toBe(expectedStatus);
      const error = ApiErrorBodySchema.parse(JSON.parse(response.body));
      expect(error.code).toBe(response.status);
      expect(error.message.length).toBeGreaterThan(10);
      expect(Object.keys(error.metadata)).toContain(testCase.field);
      // Refused, not left hanging (bounded loosely: 60 round trips on a loaded machine).
      expect(elapsed).toBeLessThan(5000);
    },
  );

  it('when all of them have been refused, then the tenant repository, the secret store and the existing cluster are unchanged', async () => {
    expect(remoteHead(stack.gitlabUrl, 'glpat-local-maintainer')).toBe(headBefore);
    expect(secretStoreHash(stack.secretsDir)).toBe(secretsBefore);
    expect((await maintainer.api(`${stack.bff.url}${UPDATE}`)).body).toBe(existingBefore);
    const list = await maintainer.api(`${stack.bff.url}/api/v1/clusters`);
    expect(JSON.parse(list.body)).toMatchObject({ items: [{ name: EXISTING }] });
  });

  it('when every answer and every log line is searched, then no token and no part of a kubeconfig appears', async () => {
    await scan.addSessionTokens(stack.bff.services.store, maintainer);
    expect(scan.secretCount).toBeGreaterThan(10);
    expect(scan.responseCount).toBeGreaterThan(cases.length);
    expect(scan.findLeaks(stack.logs())).toEqual([]);
  });
});
