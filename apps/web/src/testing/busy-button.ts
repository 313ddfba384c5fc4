import { screen } from '@testing-library/react';
import { expect } from 'vitest';

/**
 * A button pressed from the keyboard whose action is running: it keeps focus, so it stays
 * focusable (aria-disabled, not disabled, which would drop focus to the page's body).
 */
export function expectBusyButton(name: string): void {
  const button = screen.getByRole('button', { name });
  expect(button).toHaveFocus();
  expect(button).toBeEnabled();
  expect(button).toHaveAttribute('aria-disabled', 'true');
}
