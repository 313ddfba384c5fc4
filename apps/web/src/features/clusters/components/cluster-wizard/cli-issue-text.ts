import type { TFunction } from 'i18next';
import type { CliFileIssue } from '@cluster-console/shared';
import { ruleText } from '../../lib/rule-text';

/** Where in the file (line, YAML path) and what; the reader's English told in the user's language. */
export function issueText(t: TFunction, language: string, issue: CliFileIssue): string {
  const { line, path } = issue;
  const where =
    line !== undefined && path
      ? t('cliImport.linePath', { line, path })
      : line !== undefined
        ? t('cliImport.line', { line })
        : (path ?? '');
  const message = ruleText(t, language, issue.message);
  return where ? t('cliImport.where', { where, message }) : message;
}
