import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isLoopbackUrl } from './loopback';

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.10.20.30', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['api.localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['128.0.0.1', false],
    ['10.0.0.1', false],
    ['8.217.50.114', false],
    ['localhost.example.com', false],
    ['::2', false],
    ['127.example.com', false],
  ])('when the host is %s, then loopback is %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });

  it.each([
    ['https://127.0.0.1:6443', true],
    ['https://[::1]:6443', true],
    ['https://[::ffff:127.0.0.1]:6443', true],
    ['https://8.217.50.114:6443', false],
    ['not a url', false],
  ])('when the URL is %s, then loopback is %s', (url, expected) => {
    expect(isLoopbackUrl(url)).toBe(expected);
  });
});
