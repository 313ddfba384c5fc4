import { expect, test } from '@playwright/test';
import { checkPage } from '../support/page-check';

// The check every journey relies on must fail a page that is not accessible: a form field
// without a name and text too faint to read (both serious in axe's WCAG 2.1 A and AA rules).
test('the page check fails a page with serious accessibility violations, naming them', async ({
  page,
}, testInfo) => {
  await page.setContent(`<!doctype html><html lang="en"><title>Bad</title>
    <main><h1>Bad page</h1><input type="text"><p style="color:#ddd;background:#fff">faint</p></main></html>`);
  const failure = await checkPage(page, testInfo, '00-bad-page').then(
    () => null,
    (error: unknown) => String(error),
  );
  expect(failure).toContain('label (critical)');
  expect(failure).toContain('color-contrast (serious)');

  await page.setContent(`<!doctype html><html lang="en"><title>Good</title>
    <main><h1>Good page</h1><label>Name <input type="text"></label></main></html>`);
  await checkPage(page, testInfo, '00-good-page');
});
