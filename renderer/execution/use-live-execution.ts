import { useEffect } from 'react';
import { useApp, useAppStore } from '../store/app-store';

/** How stale the counts may grow, when no push arrives, before they are read again. */
export const FALLBACK_REFRESH_MS = 5_000;

/**
 * Keeps the open journey's execution fresh while the run panel is shown: the engine's pushes,
 * a read after every save (what is saved decides whether there is something new to publish),
 * and, should pushes stop, a slow read as a fallback.
 */
export function useLiveExecution(): void {
  const store = useAppStore();
  const revision = useApp((s) => s.revision);
  useEffect(() => store.getState().watchExecution(), [store]);
  useEffect(() => {
    void store.getState().refreshExecution();
  }, [store, revision]);
  useEffect(() => {
    const timer = setInterval(() => {
      const { execution, refreshExecution } = store.getState();
      if (document.hidden || Date.now() - execution.freshAt < FALLBACK_REFRESH_MS) return;
      void refreshExecution();
    }, FALLBACK_REFRESH_MS);
    return () => clearInterval(timer);
  }, [store]);
}
