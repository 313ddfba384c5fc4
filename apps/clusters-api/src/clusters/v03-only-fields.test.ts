import { describe, expect, it } from 'vitest';
import { v03OnlyFieldErrors } from './v03-only-fields';

describe('v03OnlyFieldErrors', () => {
  it('when each v0.3 field is set, then each is named with its v0.4 place', () => {
    expect(
      v03OnlyFieldErrors({
        argocd_host: 'a.example.com',
        tekton_host: 't.example.com',
        traefik: { http_node_port: '30080', https_node_port: '30443' },
      }),
    ).toEqual({
      argocd_host: expect.stringMatching(
        /^argocd_host is v0\.3; in v0\.4 it is components_list\.deployment\.additions\.host\./,
      ) as string,
      tekton_host: expect.stringContaining('components_list.pipeline.additions.host') as string,
      'traefik.http_node_port': expect.stringContaining(
        'components_list.gateway.additions.httpNodePort',
      ) as string,
      'traefik.https_node_port': expect.stringContaining(
        'components_list.gateway.additions.httpsNodePort',
      ) as string,
    });
  });

  it('when traefik is not an object, then traefik itself is named', () => {
    expect(Object.keys(v03OnlyFieldErrors({ traefik: 'x' }))).toEqual(['traefik']);
  });

  it.each([
    ['null and empty values', { argocd_host: null, tekton_host: '', traefik: null }],
    ['an empty traefik', { traefik: { http_node_port: '' } }],
    ['a v0.4 body', { components_list: { gateway: {} }, vcluster: { https_node_port: '1' } }],
    ['not an object', ['argocd_host']],
  ])('when given %s, then nothing is refused', (_title, input) => {
    expect(v03OnlyFieldErrors(input)).toEqual({});
  });
});
