// First: the first page's requests start before anything else runs (see early.ts).
import './early';
// The styles every page shares, first in the page's stylesheet: each component's own come after.
import './styles/global.css';
import './styles/buttons.css';
import './styles/forms.css';
import './styles/feedback.css';
import './styles/surfaces.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from './app/provider';
import { prefetchFirstPage } from './app/prefetch-first-page';
import { AppRouter, createAppRouter } from './app/router';
import { currentConsolePath } from './lib/base-path';
import { initI18n } from './lib/i18n';
import { createQueryClient } from './lib/query-client';
import { applyTheme, storedTheme } from './lib/theme';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

applyTheme(storedTheme());

// Everything the first page needs starts at once: its language, its code and its data.
const languageReady = initI18n();
const queryClient = createQueryClient();
void prefetchFirstPage(queryClient, currentConsolePath());
const router = createAppRouter();

// The page's language is in place before anything renders: no English flash before Chinese.
void languageReady.then(() => {
  createRoot(container).render(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <AppRouter router={router} />
      </AppProvider>
    </StrictMode>,
  );
});
