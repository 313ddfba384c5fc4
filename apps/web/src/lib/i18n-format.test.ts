import { describe, expect, it } from 'vitest';
import { i18n } from './i18n';

describe('number formatting', () => {
  it('when counts are large, then they are grouped the way the language writes them', () => {
    expect(i18n.t('list.showing', { count: 5000 })).toBe('5,000 clusters');
    expect(i18n.t('list.showingFiltered', { count: 1, total: 5000 })).toBe(
      '1 of 5,000 clusters matches',
    );
  });
});
