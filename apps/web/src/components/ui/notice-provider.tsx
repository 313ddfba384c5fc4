import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import './notice.css';

interface NoticeContextValue {
  notify: (message: string) => void;
}

const NoticeContext = createContext<NoticeContextValue>({ notify: () => undefined });

/** Short confirmations ("Cluster x deleted") announced by screen readers and shown for a while. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<{ id: number; message: string } | null>(null);
  const notify = useCallback((message: string) => setNotice({ id: Date.now(), message }), []);
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), 6000);
    return () => window.clearTimeout(timer);
  }, [notice]);
  const value = useMemo(() => ({ notify }), [notify]);
  return (
    <NoticeContext.Provider value={value}>
      {children}
      <div className="notice-region" aria-live="polite" role="status">
        {notice ? (
          <div key={notice.id} className="notice">
            <span aria-hidden="true">✓ </span>
            {notice.message}
          </div>
        ) : null}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotice(): NoticeContextValue {
  return useContext(NoticeContext);
}
