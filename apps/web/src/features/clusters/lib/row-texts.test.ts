import type { TFunction } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { createRowTexts } from './row-texts';

describe('createRowTexts', () => {
  it('when the rows ask again for a word, then it is looked up once and reads as t says it', () => {
    const t = vi.fn(i18n.t.bind(i18n)) as unknown as TFunction & ReturnType<typeof vi.fn>;
    const texts = createRowTexts(t);
    const asked = t.mock.calls.length;
    for (let row = 0; row < 3; row += 1) {
      expect(texts.type('virtual')).toBe(i18n.t('cluster.type.virtual'));
      expect(texts.usage('host')).toBe(i18n.t('cluster.usage.host'));
      expect(texts.workerType('pipeline')).toBe(i18n.t('cluster.workerType.pipeline'));
      expect(texts.virtualCount(2)).toBe('2 virtual clusters');
      expect(texts.virtualCountShort(1)).toBe('1 virtual');
      expect(texts.deleteCluster('host-1')).toBe('Delete host-1');
    }
    expect(t.mock.calls.length - asked).toBe(6);
    expect(texts.deleteCluster('host-2')).toBe('Delete host-2');
    expect(texts.type('odd-type')).toBe('odd-type');
  });
});
