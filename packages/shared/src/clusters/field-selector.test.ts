import { describe, expect, it } from 'vitest';
import type { Cluster } from './cluster.schema';
import {
  FIELD_SELECTOR_KEYS,
  formatFieldSelector,
  matchesFieldSelector,
  parseFieldSelector,
  type FieldSelector,
} from './field-selector';

describe('parseFieldSelector', () => {
  it.each([
    { text: '', selector: {} },
    { text: 'cluster_type=virtual', selector: { cluster_type: 'virtual' } },
    { text: 'usage=worker', selector: { usage: 'worker' } },
    { text: 'worker_type=pipeline', selector: { worker_type: 'pipeline' } },
    { text: 'cluster_name=host', selector: { cluster_name: 'host' } },
    {
      text: 'cluster_type=physical,usage=worker,worker_type=deployment,cluster_name=aliyun',
      selector: {
        cluster_type: 'physical',
        usage: 'worker',
        worker_type: 'deployment',
        cluster_name: 'aliyun',
      },
    },
    { text: ' usage = host ', selector: { usage: 'host' } },
  ])('when the text is "$text", then it parses', ({ text, selector }) => {
    expect(parseFieldSelector(text)).toEqual({ ok: true, selector });
  });

  it.each([
    {
      text: 'name=x',
      key: 'name',
      message: /"name" is not supported.*cluster_type, usage, worker_type, cluster_name/,
    },
    { text: 'usage=host,region=eu', key: 'region', message: /"region" is not supported/ },
    { text: 'usage!=host', key: 'usage', message: /only "="/ },
    { text: 'usage==host', key: 'usage', message: /only "="/ },
    { text: 'usage', key: 'usage', message: /no value/ },
    { text: 'usage=host,usage=worker', key: 'usage', message: /twice/ },
    { text: 'usage=host,', key: '', message: /empty term/ },
  ])('when the text is "$text", then the error names "$key"', ({ text, key, message }) => {
    const result = parseFieldSelector(text);
    expect(result).toMatchObject({ ok: false, key });
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('formatFieldSelector', () => {
  it('when all four keys are set, then they come out in the canonical order', () => {
    const selector: FieldSelector = {
      cluster_name: 'a',
      worker_type: 'pipeline',
      usage: 'worker',
      cluster_type: 'virtual',
    };
    expect(formatFieldSelector(selector)).toBe(
      'cluster_type=virtual,usage=worker,worker_type=pipeline,cluster_name=a',
    );
  });

  it('when values are empty, then they are left out', () => {
    expect(formatFieldSelector({ usage: '', cluster_name: 'x' })).toBe('cluster_name=x');
    expect(formatFieldSelector({})).toBe('');
  });

  it('when a selector is formatted and parsed back, then it is unchanged', () => {
    const selector: FieldSelector = { cluster_type: 'physical', cluster_name: 'host' };
    expect(parseFieldSelector(formatFieldSelector(selector))).toEqual({ ok: true, selector });
  });

  it('lists exactly the four keys of the contract', () => {
    expect(FIELD_SELECTOR_KEYS).toEqual(['cluster_type', 'usage', 'worker_type', 'cluster_name']);
  });
});

describe('matchesFieldSelector', () => {
  const host: Cluster = {
    name: 'cluster-host',
    cluster_kind: 'kubernetes',
    cluster_type: 'physical',
    usage: 'host',
    api_server: 'https://8.217.50.114:6443',
  };
  const virtual: Cluster = {
    name: 'vcluster-virtual',
    cluster_kind: 'kubernetes',
    cluster_type: 'virtual',
    usage: 'worker',
    worker_type: 'pipeline',
    host_cluster: 'cluster-host',
    api_server: 'https://8.217.50.114:31456',
  };

  it.each([
    { selector: {}, host: true, virtual: true },
    { selector: { cluster_type: 'physical' }, host: true, virtual: false },
    { selector: { cluster_type: 'phys' }, host: false, virtual: false },
    { selector: { usage: 'worker' }, host: false, virtual: true },
    { selector: { worker_type: 'pipeline' }, host: false, virtual: true },
    { selector: { worker_type: 'pipe' }, host: false, virtual: false },
    { selector: { cluster_name: 'virt' }, host: false, virtual: true },
    { selector: { cluster_name: 'cluster' }, host: true, virtual: true },
    { selector: { cluster_name: 'cluster', usage: 'host' }, host: true, virtual: false },
  ])('when the selector is $selector, then host=$host and virtual=$virtual', (row) => {
    expect(matchesFieldSelector(host, row.selector)).toBe(row.host);
    expect(matchesFieldSelector(virtual, row.selector)).toBe(row.virtual);
  });
});
