import { describe, expect, it } from 'vitest';
import { componentCategoryErrors } from './component-categories';

const kind = (cluster_type: string, usage: string, worker_type?: string) => ({
  cluster_type,
  usage,
  ...(worker_type === undefined ? {} : { worker_type }),
});

describe('componentCategoryErrors', () => {
  it('when a category the kind lacks is sent, then it is named with the kind’s categories', () => {
    expect(
      componentCategoryErrors({
        ...kind('virtual', 'worker', 'deployment'),
        components_list: { gateway: {}, deployment: {}, pipeline: { name: 'tekton' } },
      }),
    ).toEqual({
      'components_list.gateway': expect.stringMatching(
        /virtual deployment worker cluster has no gateway.*multi_tenant, secret_sync, deployment, progressive_delivery\.$/,
      ) as string,
      'components_list.pipeline': expect.stringContaining('no pipeline') as string,
    });
  });

  it.each([
    [
      'a physical pipeline worker’s own categories',
      kind('physical', 'worker', 'pipeline'),
      {
        multi_tenant: {},
        secret_sync: {},
        gateway: {},
        deployment: {},
        pipeline: {},
        event_listener: {},
      },
    ],
    ['null categories (as a GET reply has them)', kind('physical', 'host'), { pipeline: null }],
    [
      'server-added categories',
      kind('physical', 'host'),
      { secret_management: {}, oauth_proxy: {} },
    ],
    ['unknown categories', kind('physical', 'host'), { x: 1 }],
    ['an invalid kind (reported on its own fields)', kind('virtual', 'host'), { pipeline: {} }],
  ])('when given %s, then nothing is refused', (_title, parts, components) => {
    expect(componentCategoryErrors({ ...parts, components_list: components })).toEqual({});
  });
});
