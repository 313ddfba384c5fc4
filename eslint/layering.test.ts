/**
 * Each layering rule of eslint.config.js fires on a snippet that breaks it, and stays quiet on
 * the allowed spelling: taking a rule out of the config (or out of eslint/layering.js) fails
 * here. The snippets are linted as if they stood at the given paths; only type-aware rules are
 * switched off, as they would need every snippet in a TypeScript program.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const RESTRICTED = 'import-x/no-restricted-paths';
const CYCLE = 'import-x/no-cycle';

interface Case {
  rule: string;
  /** Where the snippet is linted as if it stood. */
  file: string;
  /** The import line; the snippet uses the imported name once. */
  imports: string;
  /** Part of the one expected message, or null where the import is allowed. */
  expected: string | null;
}

const cases: Record<string, Case> = {
  'packages/shared refuses even an app’s exported module': {
    rule: RESTRICTED,
    file: 'packages/shared/src/layering-probe.ts',
    imports: "import { createLogger as probe } from '@cluster-console/bff/logger';",
    expected: 'packages/* are shared by the apps',
  },
  'an app refuses another app’s src': {
    rule: RESTRICTED,
    file: 'apps/bff/src/layering-probe.ts',
    imports: "import { loadConfig as probe } from '../../clusters-api/src/config';",
    expected: 'Import apps/clusters-api through',
  },
  'bench refuses an app’s tests': {
    rule: RESTRICTED,
    file: 'bench/lib/layering-probe.ts',
    imports:
      "import { startGitLabStack as probe } from '../../apps/bff/tests/support/gitlab-stack';",
    expected: 'Import apps/bff through',
  },
  'bench may use what a package.json exports, by package name': {
    rule: RESTRICTED,
    file: 'bench/lib/layering-probe.ts',
    imports: "import { signIn as probe } from '@cluster-console/bff/testing/sign-in';",
    expected: null,
  },
  'a web feature refuses a file inside another feature': {
    rule: RESTRICTED,
    file: 'apps/web/src/features/history/layering-probe.ts',
    imports: "import { clusterPath as probe } from '../clusters/lib/cluster-paths';",
    expected: 'only through that feature’s index.ts',
  },
  'a web feature may use another feature’s index': {
    rule: RESTRICTED,
    file: 'apps/web/src/features/history/layering-probe.ts',
    imports: "import { clusterPath as probe } from '../clusters';",
    expected: null,
  },
  // packages/shared/src/index.ts re-exports cluster-name.ts: importing the barrel from there
  // closes a circle.
  'a module refuses the barrel that exports it': {
    rule: CYCLE,
    file: 'packages/shared/src/clusters/cluster-name.ts',
    imports: "import { CLUSTERS_API_PATH as probe } from '../index';",
    expected: 'Dependency cycle',
  },
};

describe('the layering rules', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });
  });

  it.each(Object.entries(cases))('%s', async (_name, { rule, file, imports, expected }) => {
    const code = `${imports}\nexport const used = probe;\n`;
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    const messages = (result?.messages ?? []).filter((m) => m.ruleId === rule);
    expect(messages.map((m) => m.message)).toEqual(
      expected === null ? [] : [expect.stringContaining(expected)],
    );
  });
});
