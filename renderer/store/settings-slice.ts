import type { StateCreator } from 'zustand';
import type { AppApi, AppInput, AppOutput } from '../../core/api/contract';
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
    return {
      currency: '',
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
