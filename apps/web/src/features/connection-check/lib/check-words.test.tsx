import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CHECK_TEXTS_EN,
  checkTextMetadata,
  englishCheckText,
  templateKeys,
} from '@cluster-console/shared';
import zhWizard from '../../../locales/zh-CN.wizard.json';
import { changeLanguage, loadTextPart } from '../../../lib/i18n';
import { useCheckWords } from './check-words';

afterEach(async () => {
  await changeLanguage('en');
});

async function wordsIn(language: 'en' | 'zh-CN') {
  await changeLanguage(language);
  await loadTextPart('wizard');
  return renderHook(() => useCheckWords()).result.current;
}

const tlsOk = {
  code: 'tls.ok',
  params: { name: '10.1.2.3', authorities_code: 'authorities.kubeconfig_ca' },
  message: "The server's certificate is valid for 10.1.2.3 and verified with the kubeconfig's CA.",
};

describe('the connection check in the page’s language', () => {
  it('has every text of the contract in Chinese, with the same placeholders', () => {
    const english = templateKeys(CHECK_TEXTS_EN);
    const chinese = templateKeys(zhWizard.connectionCheck.texts);
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, names] of english) expect([key, chinese.get(key)]).toEqual([key, names]);
  });

  it('when the page is in Chinese, then a result, its nested words and a list are told in Chinese', async () => {
    const { words } = await wordsIn('zh-CN');
    expect(words(tlsOk)).toBe('服务器证书对 10.1.2.3 有效，并已用 kubeconfig 中的 CA 校验通过。');
    expect(
      words({
        code: 'permissions.missing',
        params: { denied: 'clusterroles,customresourcedefinitions' },
        message: 'x',
      }),
    ).toContain('集群角色、自定义资源定义');
    expect(
      words({
        code: 'reachable.address_refused',
        params: {
          reason_code: 'reasons.refused_range',
          range_code: 'ranges.loopback',
          address: '127.0.0.1',
        },
        message: 'x',
      }),
    ).toBe(
      '已拒绝：127.0.0.1 是环回地址（本机）；除非 CONNECTION_CHECK_ALLOWED_NETWORKS 列出它，控制台不检查此类地址。',
    );
  });

  it('when the code is unknown (a newer BFF) or absent (an older one), then the BFF’s English message is shown', async () => {
    const { words } = await wordsIn('zh-CN');
    expect(words({ code: 'quota.exceeded', params: {}, message: 'Over quota.' })).toBe(
      'Over quota.',
    );
    expect(words({ message: 'Old words.' })).toBe('Old words.');
    expect(words({ ...tlsOk, params: { authorities_code: 'authorities.unknown' } })).toBe(
      tlsOk.message,
    );
  });

  it('when the page is in English, then the words are the contract’s English, the BFF’s message', async () => {
    const { words } = await wordsIn('en');
    expect(words(tlsOk)).toBe(englishCheckText(tlsOk));
    expect(words(tlsOk)).toBe(tlsOk.message);
  });

  it('when a request field is refused with a code, then it is told in Chinese; without one, as the BFF said', async () => {
    const { fieldWords } = await wordsIn('zh-CN');
    const metadata = checkTextMetadata('api_server', {
      code: 'request_fields.api_server_scheme',
      params: { protocol: 'ftp:' },
      message: 'The API server URL must be https://, not ftp://.',
    });
    expect(fieldWords(metadata, 'api_server')).toBe(
      'API 服务器 URL 必须以 https:// 开头，而不是 ftp://。',
    );
    expect(fieldWords({ kubeconfig: 'As the BFF said.' }, 'kubeconfig')).toBe('As the BFF said.');
  });
});
