import { describe, expect, it } from 'vitest';
import { generationOfListReply } from './nautes-api-info';

describe('generationOfListReply', () => {
  it.each([
    ['an item with components_list', { items: [{ name: 'a', components_list: {} }] }, 'v0.4'],
    [
      'an item with components_list null',
      { items: [{ name: 'a', components_list: null }] },
      'v0.4',
    ],
    ['items without components_list', { items: [{ name: 'a' }, { name: 'b' }] }, 'v0.3'],
    ['an empty list', { items: [] }, undefined],
    ['no items key', {}, undefined],
    ['items that are not objects', { items: ['a', null] }, undefined],
    ['not an object', 'x', undefined],
  ])('%s → %s', (_what, body, expected) => {
    expect(generationOfListReply(body)).toBe(expected);
  });
});
