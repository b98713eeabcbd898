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
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectAppApi } from './api/app-api';
import { App } from './App';
import { I18nProvider } from './i18n/I18nProvider';
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
    <div className="app-blocked" role="alert">
      <h1>Journey Studio</h1>
      <p>{connection.reason}</p>
    </div>,
  );
}
