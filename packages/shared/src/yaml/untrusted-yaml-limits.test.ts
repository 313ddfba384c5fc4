import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { firstYamlLimitBreach, utf8ByteLength, yamlDocumentCount } from './untrusted-yaml-limits';

describe('yamlDocumentCount: the documents counted without parsing', () => {
  it.each([
    'a: 1\n',
    '---\na: 1\n',
    'a: 1\n---\nb: 2\n',
    'a: 1\n---\n',
    '# a comment\n---\na: 1\n',
    '# only a comment\n---\n',
    '%YAML 1.2\n---\na: 1\n',
    'a: 1\n...\n# after the end\n',
    'a: 1\n...\nb: 2\n',
    'a: 1\n...\n---\nb: 2\n',
    '--- a\n--- b\n---\n',
    'k: |\n  ---\n  not a marker, indented\n',
    'k: |\n  text\n---\nb: 2\n',
    '---x: 1\n',
    '\n\n   \n---\r\na: 1\r\n---\r\n',
    '- a\n- b\n--- \n- c\n',
  ])('when the text is %j, then the count is the number of documents the parser makes', (text) => {
    expect(yamlDocumentCount(text, 100).count).toBe(parseAllDocuments(text).length);
  });

  it('when a quote is left open across a "---", then it counts at least what the parser makes (errs on refusing)', () => {
    const text = 'k: "open\n---\nb: 2\n';
    expect(yamlDocumentCount(text, 100).count).toBeGreaterThanOrEqual(
      parseAllDocuments(text).length,
    );
  });

  it('when there are more than the limit, then the offset is where the first one too many starts', () => {
    expect(yamlDocumentCount('a: 1\n---\nb: 2\n---\nc: 3\n', 2)).toEqual({ count: 3, offset: 14 });
  });
});

describe('utf8ByteLength', () => {
  it.each(['', 'ascii', 'é', '中文', '😀 emoji', 'mixed é 中 😀 a'])(
    'when the text is %j, then it is its UTF-8 size',
    (text) => {
      expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
    },
  );
});

describe('firstYamlLimitBreach', () => {
  it('when a kubeconfig-sized text is within every limit, then nothing is breached', () => {
    expect(firstYamlLimitBreach('apiVersion: v1\nkind: Config\n', { maxDocuments: 1 })).toBe(
      undefined,
    );
  });

  it('when the documents are over the limit, then that is said before depth or nodes', () => {
    const text = `a: 1\n---\n${'['.repeat(100)}`;
    expect(firstYamlLimitBreach(text, { maxDocuments: 1 })).toEqual({
      limit: 'documents',
      documents: 2,
      offset: 5,
    });
  });
});
