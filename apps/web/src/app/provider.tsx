import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { NoticeProvider } from '../components/ui/notice-provider';
import { i18n } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';

export function AppProvider({
  children,
  queryClient,
}: {
  children: ReactNode;
  queryClient?: QueryClient;
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <NoticeProvider>{children}</NoticeProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
