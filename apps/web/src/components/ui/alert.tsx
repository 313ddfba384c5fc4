import type { ReactNode } from 'react';

export interface AlertProps {
  tone?: 'error' | 'warning' | 'info' | 'success';
  title?: ReactNode;
  children?: ReactNode;
  /** Errors interrupt (role=alert); the rest are announced politely or not at all. */
  live?: boolean;
  className?: string;
}

export function Alert({
  tone = 'error',
  title,
  children,
  live = tone === 'error',
  className,
}: AlertProps) {
  return (
    <div
      className={`alert alert-${tone}${className ? ` ${className}` : ''}`}
      role={live ? (tone === 'error' ? 'alert' : 'status') : undefined}
    >
      {title ? <p className="alert-title">{title}</p> : null}
      {children ? <div className="alert-body">{children}</div> : null}
    </div>
  );
}
