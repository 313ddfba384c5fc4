import { describe, expect, it } from 'vitest';
import { apiServerProblem, dnsNameProblem, isDnsName, isPort, portProblem } from './field-rules';

describe('apiServerProblem', () => {
  it.each([
    'https://8.217.50.114:6443',
    'http://10.0.0.1',
    'https://api.example.com',
    'https://[2001:db8::1]:6443',
    'https://rancher.example.com/k8s/clusters/c-abc12',
    'HTTPS://API.EXAMPLE.COM:1',
    'https://x:65535',
  ])('when the URL is %s, then it is valid', (url) => {
    expect(apiServerProblem(url)).toBeUndefined();
  });

  it.each([
    ['', /https:\/\//],
    ['example.com', /https:\/\//],
    ['https://', /valid URL|host/],
    ['https://x:0', /between 1 and 65535/],
    ['https://x:99999/path', /between 1 and 65535/],
    ['https://[::1]:0', /between 1 and 65535/],
    ['https://u@x', /user name and password/],
    ['https://a b.com', /valid URL/],
    ['https://x\n', /spaces/],
  ])('when the URL is %j, then it is refused', (url, message) => {
    expect(apiServerProblem(url)).toMatch(message);
  });
});

describe('dnsNameProblem', () => {
  it.each(['example.com', 'a', '8.217.50.114.nip.io', 'a-b.c-d', `${'a'.repeat(63)}.com`])(
    'when the name is %s, then it is a DNS name',
    (name) => {
      expect(isDnsName(name)).toBe(true);
    },
  );

  it.each([
    ['', /Enter a DNS name/],
    ['.example.com', /empty part/],
    ['example.com.', /empty part/],
    ['exa mple.com', /Use only lowercase/],
    ['*.example.com', /Use only lowercase/],
    ['example.com/path', /without "http:\/\/" or a path/],
    ['a-.com', /Start and end/],
  ])('when the name is %j, then it is refused', (name, message) => {
    expect(dnsNameProblem(name)).toMatch(message);
  });
});

describe('portProblem', () => {
  it.each(['1', '80', '30080', '65535', '00080'])(
    'when the port is %s, then it is valid',
    (port) => {
      expect(isPort(port)).toBe(true);
    },
  );

  it.each(['', '0', '65536', '-1', '8.0', ' 80', '80 ', '１２３'])(
    'when the port is %j, then it is refused',
    (port) => {
      expect(portProblem(port)).toBeDefined();
    },
  );
});
