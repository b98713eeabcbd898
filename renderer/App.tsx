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
import { useApp, useAppStore } from './store/app-store';

const VIEW_TITLES = {
  editor: 'Editor',
  data: 'Sample data',
  outbox: 'Outbox',
  library: 'Journey library',
} as const;

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
              now.notify(
                'This journey was just saved in another window. Saving here will ask what to keep.',
                'warning',
              );
            }
          },
          () => undefined,
        );
      }),
    [api, store],
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
  const view = useApp((s) => s.route.view);
  useRouteInAddress();
  useLibraryEvents(api);
  useLibraryRestored(api);
  useMenuCommands(api);
  useUnsavedGuard();
  useLibraryCurrency();
  return (
    <div className="app">
      <PanelBoundary title={VIEW_TITLES[view]} resetKey={view}>
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
      <PanelBoundary title="Dialog">
        <Dialogs />
      </PanelBoundary>
      <Toast />
    </div>
  );
}
