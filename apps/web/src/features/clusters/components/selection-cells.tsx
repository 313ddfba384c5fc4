import type { TFunction } from 'i18next';
import { memo, useEffect, useRef } from 'react';
import './selection.css';

/** The words of the selection checkboxes, looked up once per language (see row-texts.ts). */
export interface SelectionTexts {
  row(name: string): string;
  allShown: string;
}

export function createSelectionTexts(t: TFunction): SelectionTexts {
  const known = new Map<string, string>();
  return {
    row: (name) => {
      let text = known.get(name);
      if (text === undefined) {
        text = t('selection.row', { name });
        known.set(name, text);
      }
      return text;
    },
    allShown: t('selection.allShown'),
  };
}

/** `click` from a pointer carries Shift; a checkbox's change event is that click. */
const shiftHeld = (event: React.ChangeEvent<HTMLInputElement>) =>
  'shiftKey' in event.nativeEvent && (event.nativeEvent as MouseEvent).shiftKey;

/**
 * One row's checkbox. Space on it (or anywhere in its row, see `onRowSpace`) toggles it and
 * Shift extends the range from the last row toggled; Shift+click does the same.
 */
export const RowCheckbox = memo(function RowCheckbox({
  name,
  checked,
  label,
  onToggle,
}: {
  name: string;
  checked: boolean;
  label: string;
  onToggle: (name: string, extend: boolean) => void;
}) {
  return (
    <input
      type="checkbox"
      className="row-select"
      checked={checked}
      aria-label={label}
      onChange={(event) => onToggle(name, shiftHeld(event))}
    />
  );
});

/**
 * Space in a row: on its checkbox or its links (where Space would only scroll the table), it
 * toggles the row, Shift+Space extends the range. Buttons keep Space for themselves.
 */
export function onRowSpace(
  event: React.KeyboardEvent<HTMLElement>,
  name: string,
  onToggle: (name: string, extend: boolean) => void,
): void {
  if (event.key !== ' ' || event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target as HTMLElement;
  const isCheckbox = target instanceof HTMLInputElement && target.type === 'checkbox';
  if (!isCheckbox && target.tagName !== 'A') return;
  // The checkbox's own Space would toggle it on key-up without Shift: this one decides.
  event.preventDefault();
  onToggle(name, event.shiftKey);
}

/** "Select all shown", checked when every shown row is, mixed when some are. */
export function SelectAllCheckbox({
  state,
  label,
  onToggle,
}: {
  state: 'none' | 'some' | 'all';
  label: string;
  onToggle: () => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="row-select"
      checked={state === 'all'}
      aria-label={label}
      onChange={onToggle}
    />
  );
}
