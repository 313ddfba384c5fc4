import type { ReactNode } from 'react';

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  warning?: ReactNode;
  children: ReactNode;
  optional?: boolean;
  optionalLabel?: string;
  className?: string;
}

/** The ids a control should list in aria-describedby, in reading order. */
export function describedBy(
  id: string,
  parts: { hint?: unknown; error?: unknown; warning?: unknown },
): string | undefined {
  const ids = [
    parts.error ? `${id}-error` : null,
    parts.warning ? `${id}-warning` : null,
    parts.hint ? `${id}-hint` : null,
  ];
  const value = ids.filter(Boolean).join(' ');
  return value || undefined;
}

/** Label, control, then its error, warning and hint, all tied to the control by id. */
export function Field({
  id,
  label,
  hint,
  error,
  warning,
  children,
  optional,
  optionalLabel,
  className,
}: FieldProps) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && optionalLabel ? <span className="optional"> ({optionalLabel})</span> : null}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      {warning ? (
        <div id={`${id}-warning`} className="field-warning">
          {warning}
        </div>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
