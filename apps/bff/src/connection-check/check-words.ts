import { englishCheckText, type CheckParams, type CheckText } from '@cluster-console/shared';

/** A text of the check as code, params and its English message (what the answer carries). */
export interface Said extends CheckText {
  message: string;
}

/** The words for `code` with `params` (optional ones left out when undefined). */
export function said(code: string, params: Record<string, string | number | undefined> = {}): Said {
  const defined: CheckParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) defined[name] = value;
  }
  return { code, params: defined, message: englishCheckText({ code, params: defined }) };
}
