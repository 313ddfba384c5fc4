import { describe, expect, it } from 'vitest';
import { seedKubeconfig, toBase64 } from '../../tests/fixtures';
import {
  MAX_KUBECONFIG_BYTES,
  decodeBase64Kubeconfig,
  kubeconfigText,
  readKubeconfig,
} from './read-kubeconfig';

/** A "billion laughs" document: nine levels of nine aliases each. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    const prev = `*${names[i - 1]}`;
    lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(prev).join(',')}]`);
  }
  lines.push('clusters: *i', 'users: *i');
  return lines.join('\n');
}

describe('readKubeconfig', () => {
  it('when the seed kubeconfig is given, then it reads as YAML', () => {
    const result = readKubeconfig(seedKubeconfig());
    expect(result).toMatchObject({ ok: true, encoding: 'yaml' });
  });

  it('when base64 of the seed kubeconfig is given, then it is decoded', () => {
    const result = readKubeconfig(toBase64(seedKubeconfig()));
    expect(result).toMatchObject({ ok: true, encoding: 'base64', text: seedKubeconfig() });
  });

  it('when base64 is wrapped over several lines (base64 -w 76), then it is still decoded', () => {
    const wrapped = (toBase64(seedKubeconfig()).match(/.{1,76}/g) ?? []).join('\n') + '\n';
    expect(readKubeconfig(wrapped)).toMatchObject({ ok: true, encoding: 'base64' });
  });

  it.each([
    {
      name: 'broken indentation',
      text: 'apiVersion: v1\nclusters:\n  - name: a\n   bad: x\n',
      line: 4,
    },
    { name: 'an unclosed quote', text: 'apiVersion: v1\nkind: Config\nusers: "x\n', line: 4 },
    { name: 'a duplicate key', text: 'apiVersion: v1\nkind: Config\nkind: Config\n', line: 3 },
    { name: 'a tab as indentation', text: 'apiVersion: v1\nclusters:\n\t- name: a\n', line: 3 },
    {
      name: 'a flow mapping left open',
      text: 'apiVersion: v1\nusers: {a: 1\nkind: Config\n',
      line: 3,
    },
  ])('when the YAML has $name, then the error names line $line', ({ text, line }) => {
    const result = readKubeconfig(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.line).toBe(line);
    expect(result.error).toContain(`line ${line}`);
  });

  it('when broken YAML is given, then the error does not echo the content (it may be secret)', () => {
    const result = readKubeconfig('users:\n- name: a\n  user:\n    token: "s3cr3t-token\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).not.toContain('s3cr3t');
  });

  it('when two YAML documents are given, then the error says to keep one', () => {
    const result = readKubeconfig('apiVersion: v1\n---\napiVersion: v1\n');
    expect(result).toMatchObject({ ok: false, line: 2 });
    if (!result.ok) expect(result.error).toMatch(/more than one YAML document/);
  });

  it('when a billion-laughs alias bomb is given, then it is refused in well under a second', () => {
    const started = performance.now();
    const result = readKubeconfig(aliasBomb());
    const elapsed = performance.now() - started;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/aliases/);
    expect(elapsed).toBeLessThan(500);
  });

  it('when a base64-encoded alias bomb is given, then it is refused too', () => {
    expect(readKubeconfig(toBase64(`apiVersion: v1\n${aliasBomb()}`)).ok).toBe(false);
  });

  it('when the input is over 1 MiB, then it is refused before parsing', () => {
    const big = `apiVersion: v1\nkind: Config\n# ${'x'.repeat(MAX_KUBECONFIG_BYTES)}\n`;
    const started = performance.now();
    const result = readKubeconfig(big);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/larger than 1 MiB/);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('when multi-byte text pushes the input over 1 MiB in UTF-8, then it is refused', () => {
    const big = `# ${'é'.repeat(MAX_KUBECONFIG_BYTES / 2 + 1)}\n`;
    expect(big.length).toBeLessThan(MAX_KUBECONFIG_BYTES);
    expect(readKubeconfig(big)).toMatchObject({ ok: false });
  });

  it('when the input is exactly 1 MiB, then it is read', () => {
    const head = 'apiVersion: v1\nkind: Config\n# ';
    const text = head + 'x'.repeat(MAX_KUBECONFIG_BYTES - head.length);
    expect(readKubeconfig(text)).toMatchObject({ ok: true });
  });

  it.each([
    ['empty text', '   \n'],
    ['a YAML scalar', 'just some words'],
    ['a YAML list', '- a\n- b\n'],
  ])('when the input is %s, then it is not a kubeconfig', (_name, text) => {
    expect(readKubeconfig(text)).toMatchObject({ ok: false });
  });
});

describe('decodeBase64Kubeconfig', () => {
  it.each([
    ['YAML text', 'apiVersion: v1\nkind: Config\n'],
    ['base64 of something that is not a kubeconfig', toBase64('hello world, this is text')],
    ['base64 of binary data', toBase64('\u00ff\u00fe').replace(/=/g, '') + 'AAAA'],
    ['a short word', 'abc'],
    ['base64 with a character outside the alphabet', `${toBase64('apiVersion: v1\n')}!`],
  ])('when given %s, then it is not treated as base64', (_name, text) => {
    expect(decodeBase64Kubeconfig(text)).toBeUndefined();
  });

  it('when given URL-safe base64 without padding, then it is decoded', () => {
    const text = 'apiVersion: v1\nclusters: []\n# ??>>\n';
    const urlSafe = toBase64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(decodeBase64Kubeconfig(urlSafe)).toBe(text);
  });

  it('when given YAML, then kubeconfigText returns it unchanged; base64, then decoded', () => {
    expect(kubeconfigText(seedKubeconfig())).toBe(seedKubeconfig());
    expect(kubeconfigText(toBase64(seedKubeconfig()))).toBe(seedKubeconfig());
  });
});

describe('readKubeconfig against inputs built to exhaust the parser', () => {
  it.each([
    {
      name: 'deeply nested flow sequences',
      text: `apiVersion: v1\nclusters: ${'['.repeat(200_000)}`,
    },
    { name: 'deeply nested flow mappings', text: `users: ${'{a: '.repeat(50_000)}` },
    { name: 'deeply nested compact sequences', text: `clusters:\n${'- '.repeat(100_000)}x\n` },
    {
      name: 'a staircase of nested mappings',
      text: Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
    },
  ])('when the input has $name, then it is refused quickly as too deep', ({ text }) => {
    const started = performance.now();
    const result = readKubeconfig(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/nested far too deeply/);
  });

  it('when a mapping has many keys, then the duplicate check stays fast and finds the repeat', () => {
    const keys = Array.from({ length: 4_000 }, (_, i) => `k${i}: v`).join('\n');
    const started = performance.now();
    const result = readKubeconfig(`apiVersion: v1\n${keys}\nk7: again\n`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result).toMatchObject({ ok: false, line: 4_002 });
  });

  it('when a kubeconfig nests flow collections a few levels, then it is read', () => {
    const text =
      'apiVersion: v1\nusers: [{name: u, user: {exec: {command: aws, args: [a, [b]]}}}]\n';
    expect(readKubeconfig(text)).toMatchObject({ ok: true });
  });
});

describe('readKubeconfig with base64 that is not a kubeconfig', () => {
  it('when base64 of other text is given, then the error says it does not decode to a kubeconfig', () => {
    const result = readKubeconfig(toBase64('just a note, not a kubeconfig at all'));
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toMatch(/looks like base64 but does not decode/);
  });
});

/** A kubeconfig with `count` clusters, contexts and users, each with certificate data. */
function bigKubeconfig(count: number): string {
  const cert = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t'.repeat(40);
  const lines = ['apiVersion: v1', 'kind: Config', 'current-context: c0', 'clusters:'];
  for (let i = 0; i < count; i++)
    lines.push(
      `- name: k${i}`,
      '  cluster:',
      `    server: https://10.0.${i % 250}.1:6443`,
      `    certificate-authority-data: "${cert}"`,
    );
  lines.push('contexts:');
  for (let i = 0; i < count; i++)
    lines.push(`- name: c${i}`, '  context:', `    cluster: k${i}`, `    user: u${i}`);
  lines.push('users:');
  for (let i = 0; i < count; i++)
    lines.push(`- name: u${i}`, '  user:', `    client-certificate-data: ${cert}`);
  return `${lines.join('\n')}\n`;
}

const ONE_MIB_LESS = MAX_KUBECONFIG_BYTES - 64;
const fill = (unit: string) =>
  unit.repeat(Math.ceil(ONE_MIB_LESS / unit.length)).slice(0, ONE_MIB_LESS);

describe('readKubeconfig on up to 1 MiB of garbage (each used to take seconds)', () => {
  it.each([
    { name: 'block sequence items', text: fill('- a\n'), error: /too many lines and entries/ },
    { name: 'one-line mappings', text: fill('key: value\n'), error: /too many lines and entries/ },
    { name: 'a colon chain on one line', text: fill('a: '), error: /too many lines and entries/ },
    { name: 'tagged values', text: fill('k: !t v\n'), error: /too many lines and entries/ },
    { name: 'anchored values', text: fill('k: &a v\n'), error: /too many lines and entries/ },
    { name: 'a flow sequence', text: `[${fill('a,')}]`, error: /too many lines and entries/ },
    {
      name: 'list items of mappings under clusters',
      text: `clusters:\n${fill('- name: c\n  v: 1\n')}`,
      error: /too many lines and entries/,
    },
    { name: 'an unclosed double quote', text: `users: "${fill('a')}`, error: /quoted value/ },
    { name: 'a long double-quoted value', text: `users: "${fill('a')}"`, error: /quoted value/ },
    {
      name: 'a staircase of indentation',
      text: fill(Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + '\n'),
      error: /nested far too deeply/,
    },
    {
      name: 'base64 alphabet that is not base64 of text',
      text: fill('-a-b_c+d/'),
      error: /looks like base64/,
    },
  ])('when it is $name, then it is refused within a second', ({ text, error }) => {
    const started = performance.now();
    const result = readKubeconfig(text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('when a real kubeconfig has 150 contexts with quoted certificate data, then it is read', () => {
    const text = bigKubeconfig(150);
    const started = performance.now();
    expect(readKubeconfig(text)).toMatchObject({ ok: true });
    expect(readKubeconfig(toBase64(text))).toMatchObject({ ok: true, encoding: 'base64' });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('when garbage base64 of random bytes is given, then it is refused without decoding it all', () => {
    const bytes = Uint8Array.from({ length: 700_000 }, (_, i) => (i * 7919 + 13) % 256);
    const text = Buffer.from(bytes).toString('base64');
    const started = performance.now();
    expect(decodeBase64Kubeconfig(text)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('readKubeconfig errors never quote the kubeconfig', () => {
  const secret = 'kcsecretDEADBEEF1234';
  it.each([
    ['a block scalar header with extra characters', `a: |${secret}\n x\n`],
    ['a folded block scalar header', `a: >-${secret}\n`],
    ['an unresolved alias', `users: *${secret}\n`],
    ['an unknown tag handle', `!${secret}!a x\n`],
    ['a bad escape', `a: "\\${secret}"\n`],
  ])('when the YAML has %s, then the error does not contain the text', (_name, text) => {
    const result = readKubeconfig(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).not.toMatch(/kcsecret|DEADBEEF/);
  });

  it('when 2000 random binary inputs are read, then no error quotes any of their bytes', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i += 1) {
      const noise = String.fromCharCode(...Array.from({ length: 200 }, () => next() % 256));
      const result = readKubeconfig(`${noise}${secret}`);
      if (!result.ok) expect(result.error).not.toMatch(/kcsecret|DEADBEEF/);
    }
  });
});
