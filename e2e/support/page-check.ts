import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { screenshotDir } from './paths';

/**
 * Every page a journey reaches: a screenshot kept as an artifact, and axe with no serious or
 * critical violation (WCAG 2.1 A and AA rules). `axe: false` is for a further state of a page
 * already checked (axe takes seconds per run on the 2-core machine).
 */
export async function checkPage(
  page: Page,
  testInfo: TestInfo,
  name: string,
  { axe = true }: { axe?: boolean } = {},
): Promise<void> {
  await test.step(
    `${axe ? 'screenshot and axe' : 'screenshot'}: ${name}`,
    async () => {
      const file = path.join(screenshotDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(name, { path: file, contentType: 'image/png' });
      if (axe) await expectNoSeriousViolations(page, name);
    },
    { box: true },
  );
}

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Only violations are needed: collecting every pass roughly doubles axe's time.
    .options({ resultTypes: ['violations'] })
    .analyze();
  const blocking = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  const report = blocking
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`,
    )
    .join('\n');
  expect(blocking, `axe on ${name}:\n${report}`).toEqual([]);
}
