import { useEffect } from 'react';
import type { AppApi } from '../core/api/contract';
import { runMenuCommand } from './api/menu-commands';
import { DataView } from './data/DataView';
import { Editor } from './Editor';
import { OutboxView } from './execution/OutboxView';
import { LibraryView } from './library/LibraryView';
import { Dialogs } from './panels/Dialogs';
import { PanelBoundary } from './panels/PanelBoundary';
import { Toast } from './panels/Toast';
import { useT } from './i18n/I18nProvider';
import type { MessageId } from './i18n/messages';
import { useApp, useAppStore } from './store/app-store';
import { words } from './i18n/words';

/** Each view as a failure inside it names it. */
const VIEW_TITLES = {
  editor: 'shell.view.editor',
  data: 'shell.view.data',
  outbox: 'shell.view.outbox',
  library: 'shell.view.library',
} as const satisfies Record<string, MessageId>;

const ROUTE = /^#\/journeys\/([^/]+)$/;
const DATA_ROUTE = '#/data';
const OUTBOX_ROUTE = '#/outbox';

/** Keeps the open journey in the address, so a reload comes back to it. */
function useRouteInAddress() {
  const store = useAppStore();
  const route = useApp((s) => s.route);
  useEffect(() => {
    const match = ROUTE.exec(window.location.hash);
    if (match?.[1]) void store.getState().openJourney(decodeURIComponent(match[1]));
    else if (window.location.hash === DATA_ROUTE) store.getState().showData();
    else if (window.location.hash === OUTBOX_ROUTE) store.getState().showOutbox();
  }, [store]);
  useEffect(() => {
    const hash =
      route.view === 'editor'
        ? `#/journeys/${encodeURIComponent(route.id)}`
        : route.view === 'data'
          ? DATA_ROUTE
          : route.view === 'outbox'
            ? OUTBOX_ROUTE
            : '';
    if (window.location.hash !== hash) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${hash}`);
    }
  }, [route]);
}

/** Follows saves from other windows: refreshes the list, warns about the open journey. */
function useLibraryEvents(api: AppApi) {
  const store = useAppStore();
  const t = useT();
  useEffect(
    () =>
      api.onJourneysChanged(({ id }) => {
        const state = store.getState();
        if (state.route.view === 'library') {
          void state.refreshLibrary();
          return;
        }
        if (state.journey?.id !== id || state.saving) return;
        void api.getJourney({ id }).then(
          (record) => {
            const now = store.getState();
            if (!now.saving && now.revision !== undefined && record.revision > now.revision) {
              now.notify(words('shell.savedElsewhere'), 'warning');
            }
          },
          () => undefined,
        );
      }),
    [api, store, t],
  );
}

/** A backup restored in any window replaced the whole library: read it all again. */
function useLibraryRestored(api: AppApi) {
  const store = useAppStore();
  useEffect(
    () =>
      api.onLibraryRestored(() => {
        const state = store.getState();
        void state.refreshLibrary();
        void state.refreshEngine();
      }),
    [api, store],
  );
}

/** The library's currency, which money everywhere is shown in, is read once at the start. */
function useLibraryCurrency() {
  const store = useAppStore();
  useEffect(() => {
    void store.getState().loadLibrarySettings();
  }, [store]);
}

/** The desktop app's menu (never fires in a browser). */
function useMenuCommands(api: AppApi) {
  const store = useAppStore();
  useEffect(
    () => api.onMenuCommand((event) => runMenuCommand(store.getState(), event)),
    [api, store],
  );
}

/** Asks before a window with unsaved changes closes, and keeps them as a draft either way. */
function useUnsavedGuard() {
  const store = useAppStore();
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      store.getState().saveDraftNow();
      if (store.getState().dirty) event.preventDefault();
    };
    const onPageHide = () => store.getState().saveDraftNow();
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [store]);
}

export function App({ api }: { api: AppApi }) {
  const t = useT();
  const view = useApp((s) => s.route.view);
  useRouteInAddress();
  useLibraryEvents(api);
  useLibraryRestored(api);
  useMenuCommands(api);
  useUnsavedGuard();
  useLibraryCurrency();
  return (
    <div className="app">
      <PanelBoundary title={t(VIEW_TITLES[view])} resetKey={view}>
        {view === 'editor' ? (
          <Editor />
        ) : view === 'data' ? (
          <DataView />
        ) : view === 'outbox' ? (
          <OutboxView />
        ) : (
          <LibraryView />
        )}
      </PanelBoundary>
      <PanelBoundary title={t('shell.panel.dialog')}>
        <Dialogs />
      </PanelBoundary>
      <Toast />
    </div>
  );
}
