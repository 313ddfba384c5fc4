import { describe, expect, it } from 'vitest';
import { kustomizationYaml, parseKustomizationResources } from './kustomization';

const INITIAL = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: []
`;

describe('kustomizationYaml', () => {
  it('when there are no clusters, then it matches the initial file of the tenant repo', () => {
    expect(kustomizationYaml([])).toBe(INITIAL);
  });

  it('when files come unsorted and repeated, then each is listed once, sorted', () => {
    expect(
      kustomizationYaml(['vcluster-virtual.yaml', 'cluster-host.yaml', 'cluster-host.yaml']),
    ).toBe(
      `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- cluster-host.yaml
- vcluster-virtual.yaml
`,
    );
  });
});

describe('parseKustomizationResources', () => {
  it.each([
    { name: 'the initial file', text: INITIAL, expected: [] },
    {
      name: 'a written file',
      text: kustomizationYaml(['b.yaml', 'a.yaml']),
      expected: ['a.yaml', 'b.yaml'],
    },
    { name: 'a file without resources', text: 'kind: Kustomization\n', expected: [] },
    { name: 'an empty file', text: '', expected: [] },
  ])('when reading $name, then the resources are $expected', ({ text, expected }) => {
    expect(parseKustomizationResources(text)).toEqual(expected);
  });

  it.each([
    { name: 'resources that are not a list', text: 'resources: a.yaml\n' },
    { name: 'a list at the top', text: '- a.yaml\n' },
    { name: 'broken YAML', text: 'resources: [\n' },
  ])('when reading $name, then it throws', ({ text }) => {
    expect(() => parseKustomizationResources(text)).toThrow();
  });
});
