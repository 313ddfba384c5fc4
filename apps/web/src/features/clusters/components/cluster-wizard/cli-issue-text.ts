import type { TFunction } from 'i18next';
import type { CliFileIssue } from '@cluster-console/shared';
import { ruleText } from '../../lib/rule-text';

/** Where in the file (line, YAML path) and what; the reader's English told in the user's language. */
export function issueText(t: TFunction, language: string, issue: CliFileIssue): string {
  const where = [
    issue.line !== undefined ? t('cliImport.line', { line: issue.line }) : '',
    issue.path ?? '',
  ]
    .filter(Boolean)
    .join(', ');
  const message = ruleText(t, language, issue.message);
  return where ? t('cliImport.where', { where, message }) : message;
}
