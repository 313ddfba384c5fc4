import { useId, useState, type ReactNode } from 'react';
import './step-review.css';

/** A button that shows or hides a region below it (aria-expanded / aria-controls). */
export function Disclosure({
  label,
  children,
  defaultOpen = false,
  reveal = false,
}: {
  label: string;
  children: ReactNode;
  defaultOpen?: boolean;
  /** Opens the region (e.g. a field inside has an error to show); the user may close it again. */
  reveal?: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen || reveal);
  const [revealed, setRevealed] = useState(reveal);
  const id = useId();
  // Opened when `reveal` turns true (adjusting state while rendering, not in an effect).
  if (reveal !== revealed) {
    setRevealed(reveal);
    if (reveal) setOpen(true);
  }
  return (
    <div className="review-section">
      <button
        type="button"
        className="button button-ghost"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
        {label}
      </button>
      <div id={id} hidden={!open}>
        {open ? children : null}
      </div>
    </div>
  );
}
