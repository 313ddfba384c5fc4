import { describe, expect, it } from 'vitest';
import { generationOfListReply, generationOfVersionText } from './nautes-api-info';

describe('generationOfVersionText', () => {
  it.each([
    ['v0.4', 'v0.4'],
    ['0.4', 'v0.4'],
    ['v0.4.2', 'v0.4'],
    ['0.3.1-rc.1', 'v0.3'],
    [' v0.3 ', 'v0.3'],
    ['v0.5', undefined],
    ['1.0.0', undefined],
    ['v0.40', undefined],
    ['', undefined],
    [4, undefined],
    [undefined, undefined],
  ])('%j → %s', (text, expected) => {
    expect(generationOfVersionText(text)).toBe(expected);
  });
});

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
