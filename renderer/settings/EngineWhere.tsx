import { useEffect } from 'react';
import { useT } from '../i18n/I18nProvider';
import { useApp, useAppStore } from '../store/app-store';

/** Which engine runs journeys: "Running on this computer" or "Running on shop.example.com". */
export function EngineWhere() {
  const t = useT();
  const store = useAppStore();
  const server = useApp((s) => s.server);
  useEffect(() => {
    if (!store.getState().server) void store.getState().loadServer();
  }, [store]);
  return (
    <p
      className={`engine-where${server?.engine === 'server' ? ' is-server' : ''}`}
      data-testid="engine-where"
      role="status"
    >
      {!server
        ? t('server.where.loading')
        : server.engine === 'server'
          ? t('server.where.server', { host: server.host ?? '' })
          : t('server.where.local')}
    </p>
  );
}
