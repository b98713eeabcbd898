import type { StateCreator } from 'zustand';
import type { AppApi, AppInput, AppOutput } from '../../core/api/contract';
import type { ServerConnectionView } from '../../core/api/server-contract';
import type { AppState } from './app-store';
import { failure, type Outcome } from './execution-slice';

/**
 * The library's settings and backups, as the settings dialog asks for them. Each action answers
 * an `Outcome`: the dialog shows what went wrong in words beside the field it concerns.
 */
export interface SettingsSlice {
  /** The library's currency (ISO 4217) as last read or saved; empty: the language's own. */
  currency: string;
  loadLibrarySettings: () => Promise<Outcome<AppOutput<'getLibrarySettings'>>>;
  saveLibrarySettings: (
    input: AppInput<'saveLibrarySettings'>,
  ) => Promise<Outcome<AppOutput<'saveLibrarySettings'>>>;
  readMailbox: () => Promise<Outcome<AppOutput<'readMailbox'>>>;
  loadBackups: () => Promise<Outcome<AppOutput<'listBackups'>>>;
  backUpNow: () => Promise<Outcome<AppOutput<'backUpNow'>>>;
  /**
   * Restores a backup, then reads the library and the engine again (everything shown may have
   * changed, the settings that hold email back among it).
   */
  restoreBackup: (name: string) => Promise<Outcome<AppOutput<'restoreBackup'>>>;
  /** Which engine runs journeys (this computer's or a server's), as last read; null: not yet. */
  server: ServerConnectionView | null;
  loadServer: () => Promise<Outcome<ServerConnectionView>>;
  testServer: (
    input: AppInput<'testServerConnection'>,
  ) => Promise<Outcome<AppOutput<'testServerConnection'>>>;
  /** Connects, and when the server took the token, reads the run side again from there. */
  connectServer: (input: AppInput<'connectServer'>) => Promise<Outcome<AppOutput<'connectServer'>>>;
  /** Back to this computer's engine, and the run side read again from it. */
  disconnectServer: () => Promise<Outcome<ServerConnectionView>>;
  saveShopSecret: (input: AppInput<'saveShopSecret'>) => Promise<Outcome<ServerConnectionView>>;
}

export const createSettingsSlice =
  (api: AppApi): StateCreator<AppState, [], [], SettingsSlice> =>
  (set, get) => {
    const attempt = async <T>(work: () => Promise<T>): Promise<Outcome<T>> => {
      try {
        return { ok: true, value: await work() };
      } catch (error) {
        return failure(error);
      }
    };
    /** Whatever the run side shows comes from the engine now in use. */
    const switched = (server: ServerConnectionView) => {
      set({ server });
      void get().refreshEngine();
      if (get().execution.info) void get().refreshExecution();
    };
    return {
      currency: '',
      server: null,
      loadServer: async () => {
        const outcome = await attempt(() => api.getServerConnection({}));
        if (outcome.ok) set({ server: outcome.value });
        return outcome;
      },
      testServer: (input) => attempt(() => api.testServerConnection(input)),
      connectServer: async (input) => {
        const outcome = await attempt(() => api.connectServer(input));
        if (outcome.ok) {
          if (outcome.value.report.ok) switched(outcome.value.connection);
          else set({ server: outcome.value.connection });
        }
        return outcome;
      },
      disconnectServer: async () => {
        const outcome = await attempt(() => api.disconnectServer({}));
        if (outcome.ok) switched(outcome.value);
        return outcome;
      },
      saveShopSecret: async (input) => {
        const outcome = await attempt(() => api.saveShopSecret(input));
        if (outcome.ok) set({ server: outcome.value });
        return outcome;
      },
      loadLibrarySettings: async () => {
        const outcome = await attempt(() => api.getLibrarySettings({}));
        if (outcome.ok) set({ currency: outcome.value.currency });
        return outcome;
      },
      saveLibrarySettings: async (input) => {
        const outcome = await attempt(() => api.saveLibrarySettings(input));
        if (outcome.ok) {
          set({ currency: outcome.value.currency });
          void get().refreshEngine();
          // The brand kit and the designer show the same public address: they follow at once.
          const brand = get().brand;
          if (brand) set({ brand: { ...brand, publicBaseUrl: outcome.value.publicUrl } });
        }
        return outcome;
      },
      readMailbox: () => attempt(() => api.readMailbox({})),
      loadBackups: () => attempt(() => api.listBackups({})),
      backUpNow: () => attempt(() => api.backUpNow({})),
      restoreBackup: async (name) => {
        const outcome = await attempt(() => api.restoreBackup({ name }));
        if (outcome.ok) {
          void get().refreshLibrary();
          void get().refreshEngine();
          if (get().brand) void get().loadBrand();
        }
        return outcome;
      },
    };
  };
