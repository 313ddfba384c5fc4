import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Yaml from 'yaml';
import { MAX_YAML_BYTES, MAX_YAML_NODES } from '../yaml/untrusted-yaml-limits';
import { readCliClusterFile, type CliFileReadResult } from './read-cli-file';
import { CONTRACT_EXAMPLE } from './test-fixtures';

/**
 * The parser, counted: a file refused by a limit must be refused before it is parsed. The real
 * yaml library still does all the work; only its calls are counted.
 */
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof Yaml>();
  return {
    ...yaml,
    parseAllDocuments: (...args: Parameters<typeof yaml.parseAllDocuments>) => {
      parses.count += 1;
      return yaml.parseAllDocuments(...args);
    },
  };
});

beforeEach(() => {
  parses.count = 0;
});

const HEAD = 'apiVersion: nautes.resource.nautes.io/v1alpha1\nkind: Cluster\n';

/** One full cluster document with a kubeconfig (certificates and key) in it. */
function fullCluster(name: string): string {
  const kubeconfig = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${'Q'.repeat(1500)}`,
    '    server: https://8.217.50.114:6443',
    `  name: ${name}`,
    'contexts:',
    '- context:',
    `    cluster: ${name}`,
    '    user: admin',
    `  name: ${name}`,
    `current-context: ${name}`,
    'users:',
    '- name: admin',
    '  user:',
    `    client-certificate-data: ${'R'.repeat(1500)}`,
    `    client-key-data: ${'S'.repeat(2200)}`,
  ]
    .map((line) => `    ${line}`)
    .join('\n');
  return CONTRACT_EXAMPLE.replace('physical-worker-pipeline', name).replace(
    '    apiVersion: v1\n    kind: Config\n    ...\n',
    `${kubeconfig}\n`,
  );
}

function refusal(result: CliFileReadResult): { message: string; line?: number } {
  expect(result.ok).toBe(false);
  return result.ok ? { message: '' } : result.error;
}

const fill = (unit: string, length = MAX_YAML_BYTES - 64) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

describe('readCliClusterFile: the limits, checked before the file is parsed', () => {
  it('when a file has 10,000 "---", then it is refused without parsing any of them', () => {
    const error = refusal(readCliClusterFile(`${HEAD}spec: {}\n${'---\n'.repeat(10_000)}`));
    expect(error.message).toBe(
      'The file has 10001 YAML documents; at most 100 clusters can be imported at once. Split it.',
    );
    expect(parses.count).toBe(0);
  });

  it('when a file is larger than 1 MiB in UTF-8 though shorter in characters, then it is refused unparsed', () => {
    const text = `${HEAD}spec: {}\n# ${'é'.repeat(MAX_YAML_BYTES / 2 + 1)}\n`;
    expect(text.length).toBeLessThan(MAX_YAML_BYTES);
    expect(refusal(readCliClusterFile(text)).message).toMatch(
      /^The file is 1025 KiB; a cluster file may be at most 1024 KiB/,
    );
    expect(parses.count).toBe(0);
  });

  it.each([
    { name: 'nested flow sequences', text: `${HEAD}spec: ${'['.repeat(200_000)}`, line: 3 },
    { name: 'nested flow mappings', text: `${HEAD}spec: ${'{a: '.repeat(50_000)}`, line: 3 },
    { name: 'compact sequences', text: `${HEAD}spec:\n${'- '.repeat(100_000)}x\n`, line: 4 },
    {
      name: 'a staircase of indentation',
      text: HEAD + Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
      line: 68,
    },
  ])('when the file has $name, then it is refused unparsed as too deep, at its line', (c) => {
    const error = refusal(readCliClusterFile(c.text));
    expect(error.line).toBe(c.line);
    expect(error.message).toMatch(
      new RegExp(
        `^The file is not valid YAML at line ${c.line}, column \\d+: it is nested far too deeply`,
      ),
    );
    expect(parses.count).toBe(0);
  });

  it.each([
    { name: 'block sequence items', unit: '- a\n' },
    { name: 'one-line mappings', unit: 'key: value\n' },
    { name: 'tagged values', unit: 'k: !t v\n' },
    { name: 'a flow sequence', unit: 'a,', wrap: true },
  ])('when the file is 1 MiB of $name, then it is refused unparsed for its many nodes', (c) => {
    const body = fill(c.unit);
    const text = c.wrap ? `[${body}]` : body;
    const started = performance.now();
    expect(refusal(readCliClusterFile(text)).message).toBe(
      `The file has too many lines and entries (more than ${MAX_YAML_NODES}; a cluster takes about 100) to be read safely. Split it, or remove what is not a cluster.`,
    );
    expect(parses.count).toBe(0);
    // The proof is that the parser never ran; the time only guards the scans (loose: CI is shared).
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('when a double-quoted value runs on past 128 KiB, then the file is refused unparsed at its line', () => {
    const error = refusal(readCliClusterFile(`${HEAD}spec:\n  name: "${fill('a', 200_000)}`));
    expect(error).toEqual({
      line: 4,
      message:
        'The file is not valid YAML at line 4, column 9: a quoted value is longer than 128 KiB (or its closing quote is missing).',
    });
    expect(parses.count).toBe(0);
  });

  it('when 100 full clusters with their kubeconfigs are in one file, then all are read', () => {
    const text = Array.from({ length: 100 }, (_, i) => fullCluster(`cluster-${i}`)).join('---\n');
    const result = readCliClusterFile(text);
    expect(result.ok && result.clusters.map((cluster) => cluster.name)).toEqual(
      Array.from({ length: 100 }, (_, i) => `cluster-${i}`),
    );
    expect(result.ok && result.clusters[99]?.kubeconfig).toContain('client-key-data: SSS');
  });
});

describe('readCliClusterFile: no error quotes the file', () => {
  const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2Vu.DEADBEEF0123';
  const LEAK = /eyJhbGci|c2VjcmV0|DEADBEEF/;

  /** Every error message the reader gives for the text (the file's or its documents'). */
  function errorsOf(text: string): string[] {
    const result = readCliClusterFile(text);
    if (!result.ok) return [result.error.message];
    return result.documents.flatMap((doc) => (doc.ok ? [] : doc.errors.map((e) => e.message)));
  }

  const kubeconfigWith = (tokenLine: string) =>
    `${HEAD}spec:\n  name: c\n  kubeconfig: |\n    apiVersion: v1\n    users:\n    - name: u\n      user:\n${tokenLine}\n`;

  it.each([
    [
      'a block scalar header with extra characters',
      `${HEAD}spec:\n  kubeconfig: |${TOKEN}\n    x\n`,
    ],
    ['a folded block scalar header', `${HEAD}spec:\n  kubeconfig: >-${TOKEN}\n`],
    ['an unresolved alias', `${HEAD}spec:\n  name: *${TOKEN}\n`],
    ['an unknown tag handle', `${HEAD}spec:\n  name: !${TOKEN}!a x\n`],
    ['a bad escape', `${HEAD}spec:\n  name: "\\q${TOKEN}"\n`],
    ['an unclosed flow sequence', `${HEAD}spec:\n  name: [${TOKEN}\n`],
    ['a token line out of its block', kubeconfigWith(`        token: ${TOKEN}\n token: ${TOKEN}`)],
    ['a tab before the token', kubeconfigWith(`\ttoken: ${TOKEN}`)],
    ['a token as a stray scalar', `${HEAD}spec:\n  name: c\n"${TOKEN}" x: y\n`],
    ['the token as apiVersion', `apiVersion: ${TOKEN}\nkind: Cluster\nspec: {}\n`],
    [
      'the token as kind',
      `apiVersion: nautes.resource.nautes.io/v1alpha1\nkind: ${TOKEN}\nspec: {}\n`,
    ],
    ['the token deep in brackets', `${HEAD}spec: ${'['.repeat(40)}${TOKEN}\n`],
  ])('when a document has %s, then no error contains the token', (_name, text) => {
    const errors = errorsOf(text);
    expect(errors.length).toBeGreaterThan(0);
    for (const message of errors) expect(message).not.toMatch(LEAK);
  });

  it('when 1000 random inputs end in a token, then no error quotes it', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const alphabet = ' \n\t:-[]{}"\'|>!&*?#%,@`abc123';
    for (let i = 0; i < 1000; i += 1) {
      const noise = Array.from({ length: 60 }, () => alphabet[next() % alphabet.length]).join('');
      for (const message of errorsOf(`${HEAD}spec:\n  ${noise}${TOKEN}\n`)) {
        expect(message).not.toMatch(LEAK);
      }
    }
  });
});
