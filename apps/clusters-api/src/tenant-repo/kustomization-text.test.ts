import { describe, expect, it } from 'vitest';
import { kustomizationYaml } from '@cluster-console/shared';
import {
  kustomizationText,
  normalizeResources,
  withResource,
  withoutResource,
} from './kustomization-text';

describe('kustomizationText', () => {
  it.each([
    [[]],
    [['cluster-host.yaml']],
    [['b.yaml', 'a.yaml', 'a-1.yaml', 'a0.yaml']],
    // Names that would be numbers, booleans or null without their suffix.
    [
      [
        '0.yaml',
        '1e5.yaml',
        'null.yaml',
        'true.yaml',
        'no.yaml',
        'y.yaml',
        '0x10.yaml',
        '1-2.yaml',
      ],
    ],
    // Not cluster file names: written by the YAML library.
    [['other/kustomization.yaml', 'a.yaml', '"quoted".yaml', 'with space.yaml']],
  ])('when the resources are %j, then the text is what kustomizationYaml writes', (names) => {
    const sorted = normalizeResources(names);
    expect(kustomizationText(sorted)).toBe(kustomizationYaml(names));
  });

  it('when a resource is added or removed, then the list stays sorted and unique', () => {
    let list: readonly string[] = normalizeResources(['c.yaml', 'a.yaml']);
    list = withResource(list, 'b.yaml');
    list = withResource(list, 'a.yaml');
    expect(list).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(withoutResource(list, 'b.yaml')).toEqual(['a.yaml', 'c.yaml']);
    expect(withoutResource(list, 'x.yaml')).toBe(list);
  });
});
