import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { internalCallerTest } from './internal-network';

const from = (ip: string | undefined) => ({ ip }) as Request;

describe('internalCallerTest', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.9.9.9', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['::ffff:10.0.0.5', false],
    ['203.0.113.7', false],
    ['fe80::1', false],
    [undefined, false],
  ])(
    'when INTERNAL_NETWORKS is not set and the caller is %s, then it is internal: %s',
    (ip, inside) => {
      expect(internalCallerTest(loadConfig({}).internalNetworks)(from(ip))).toBe(inside);
    },
  );

  it.each([
    ['10.20.3.4', true],
    ['::ffff:10.20.3.4', true],
    ['fd00:1::7', true],
    ['10.21.0.1', false],
    ['127.0.0.1', false],
  ])(
    'when INTERNAL_NETWORKS=10.20.0.0/16, fd00:1::/64 and the caller is %s, then internal: %s',
    (ip, inside) => {
      const { internalNetworks } = loadConfig({ INTERNAL_NETWORKS: '10.20.0.0/16, fd00:1::/64' });
      expect(internalCallerTest(internalNetworks)(from(ip))).toBe(inside);
    },
  );

  it('when INTERNAL_NETWORKS is not a list of networks, then the configuration is refused naming it', () => {
    expect(() => loadConfig({ INTERNAL_NETWORKS: '10.0.0.0/33' })).toThrow(/INTERNAL_NETWORKS/);
    expect(() => loadConfig({ INTERNAL_NETWORKS: 'intranet' })).toThrow(/INTERNAL_NETWORKS/);
  });
});
