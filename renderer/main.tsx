import '@xyflow/react/dist/base.css';
import './styles/app.css';
import './styles/data.css';
import './styles/simulation.css';
import './styles/forecast.css';
import './styles/execution.css';
import './styles/designer.css';
import './styles/inspector-forecast.css';
import './styles/settings.css';
import './styles/versions.css';
import './styles/outline.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectAppApi } from './api/app-api';
import { App } from './App';
import { I18nProvider, useT } from './i18n/I18nProvider';
import { AppStoreContext, createAppStore } from './store/app-store';
import { webDraftStorage } from './store/draft-storage';

const root = createRoot(document.getElementById('root') as HTMLElement);
const connection = connectAppApi();
if (connection.ok) {
  const store = createAppStore(connection.api, webDraftStorage(window.localStorage));
  root.render(
    <StrictMode>
      <I18nProvider>
        <AppStoreContext.Provider value={store}>
          <App api={connection.api} />
        </AppStoreContext.Provider>
      </I18nProvider>
    </StrictMode>,
  );
} else {
  root.render(
    <I18nProvider>
      <Blocked />
    </I18nProvider>,
  );
}

/**
 * A browser tab opened without the link `npm run web` printed has no token to reach the app's
 * service (the one way `connectAppApi` fails): it says so instead of showing a blank page.
 */
function Blocked() {
  const t = useT();
  return (
    <div className="app-blocked" role="alert">
      <h1>{t('shell.productName')}</h1>
      <p>{t('shell.noToken')}</p>
    </div>
  );
}
