import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Keyboard-only helpers: reach controls with Tab as a user would, and check at every stop that
 * the user can see where focus is.
 */

interface FocusState {
  /** What has focus, in words, for failure messages ("BUTTON Next", "BODY"). */
  name: string;
  /** It shows a focus indicator (see `focusState`). */
  visible: boolean;
  /** `target`, when one was given, has focus. */
  reached: boolean;
}

/**
 * Runs in the page. The focused element shows a focus indicator: an outline or a box-shadow on
 * itself, or, for a control drawn by something else (a radio inside its card, a hidden file
 * input's button), on the element that draws it: an ancestor up to three levels up or its
 * label. <body> never counts. One round trip per key press: the machine is shared and slow.
 */
function focusState(target: Element | null): FocusState {
  const active = document.activeElement;
  const label =
    active?.getAttribute('aria-label') ??
    (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
      ? (active.labels?.[0]?.textContent ?? active.name)
      : active?.textContent);
  const name = `${active?.tagName ?? 'nothing'} ${(label ?? '').trim().replace(/\s+/g, ' ').slice(0, 60)}`;
  const shows = (element: Element | null | undefined): boolean => {
    if (!element) return false;
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return false;
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== 'none';
  };
  const candidates: (Element | null | undefined)[] = [active];
  let parent = active?.parentElement;
  for (let level = 0; level < 3 && parent; level += 1, parent = parent.parentElement)
    candidates.push(parent);
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)
    candidates.push(...(active.labels ?? []));
  const visible =
    active instanceof HTMLElement && active !== document.body && candidates.some(shows);
  return { name, visible, reached: target !== null && active === target };
}

/** What has focus, in words ("BUTTON Next", "BODY"). */
export async function describeFocus(page: Page): Promise<string> {
  return (await page.evaluate(focusState, null)).name;
}

/** The focused element shows a focus indicator (see `focusState`). */
export async function expectFocusVisible(page: Page): Promise<void> {
  const state = await page.evaluate(focusState, null);
  expect(state.visible, `a focus indicator on ${state.name}`).toBe(true);
}

/** The locator has focus, and the user can see it. */
export async function expectFocusedVisibly(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  await expectFocusVisible(page);
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has focus, checking at every stop that
 * focus is visible; fails if the target is not reached within `max` presses. Returns the count.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { backwards = false, max = 40 }: { backwards?: boolean; max?: number } = {},
): Promise<number> {
  const key = backwards ? 'Shift+Tab' : 'Tab';
  const element = await target.elementHandle();
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press(key);
    const state = await page.evaluate(focusState, element);
    expect(state.visible, `a focus indicator on ${state.name} (${key} ${presses})`).toBe(true);
    if (state.reached) return presses;
  }
  throw new Error(
    `${key} did not reach ${target.toString()} in ${max} presses (focus: ${await describeFocus(page)})`,
  );
}

/** Tab to a control and press a key on it (Enter by default): a keyboard user's "click". */
export async function activate(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}
