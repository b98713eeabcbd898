import { ApiError, type ApiHandlers } from '../api/contract';
import type { Backup, LibrarySettingsView } from '../api/settings-contract';
import type { SecretStore } from '../runtime/secret-store';
import { passwordBoth } from './api-errors';
import type { AppEngine } from './app-engine';
import type { EventHub } from './event-hub';
import {
  saveLibrarySettings,
  savedLibrarySettings,
  type LibrarySettings,
} from './library-settings';
import type { AppSettings, BackupFile, BackupStore, FeedbackMailbox } from './ports';

export type SettingsHandlers = Pick<
  ApiHandlers,
  | 'getLibrarySettings'
  | 'saveLibrarySettings'
  | 'readMailbox'
  | 'listBackups'
  | 'backUpNow'
  | 'restoreBackup'
>;

export interface SettingsContext {
  settings: AppSettings;
  secrets: SecretStore;
  engine: AppEngine;
  backups: BackupStore;
  mailbox: FeedbackMailbox;
  events: EventHub;
  transaction: <T>(work: () => T) => T;
}

const iso = (ms: number) => new Date(ms).toISOString();

function backupView(file: BackupFile): Backup {
  return { name: file.name, at: iso(file.at), bytes: file.bytes, reason: file.reason };
}

export function settingsHandlers({
  settings,
  secrets,
  engine,
  backups,
  mailbox,
  events,
  transaction,
}: SettingsContext): SettingsHandlers {
  const view = async (): Promise<LibrarySettingsView> => {
    const saved = savedLibrarySettings(settings);
    const status = mailbox.status();
    return {
      ...saved,
      mailbox: {
        ...saved.mailbox,
        passwordSet: (await secrets.get('imap-password')) !== undefined,
        protection: await secrets.protection(),
        ...(status.lastRead !== undefined && { lastRead: iso(status.lastRead) }),
        ...(status.problem !== undefined && { problem: status.problem }),
      },
    };
  };

  return {
    getLibrarySettings: view,

    saveLibrarySettings: async ({ password, clearPassword, ...library }) => {
      if (password !== undefined && clearPassword) throw passwordBoth();
      // The mailbox is read by signing in to it: a server without a user could never be read.
      if (library.mailbox.host && !library.mailbox.username.trim())
        throw new ApiError(
          'invalid-request',
          'The mailbox needs the user name it signs in with.',
          'mailbox.username',
          { reason: 'mailbox-user-missing' },
        );
      const next: LibrarySettings = {
        ...library,
        publicUrl: library.publicUrl.replace(/\/+$/, ''),
        webhookHosts: [...new Set(library.webhookHosts.map((h) => h.toLowerCase()))],
      };
      if (password !== undefined) await secrets.set('imap-password', password);
      if (clearPassword) await secrets.delete('imap-password');
      transaction(() => saveLibrarySettings(settings, next));
      return view();
    },

    readMailbox: () => mailbox.read(),

    listBackups: () =>
      Promise.resolve({ folder: backups.folder, backups: backups.list().map(backupView) }),

    backUpNow: async () => backupView(await backups.backUp('manual')),

    restoreBackup: async ({ name }) => {
      const chosen = backups.list().find((b) => b.name === name);
      if (!chosen)
        throw new ApiError('not-found', `There is no backup "${name}".`, 'name', {
          reason: 'backup-not-found',
          values: { name },
        });
      // The engine stops while the library is replaced, and starts again on what was restored.
      const saved = await engine.suspended(async () => {
        const before = await backups.backUp('before-restore');
        await backups.restore(name);
        return before;
      });
      events.emit('libraryRestored', { name });
      return { restored: backupView(chosen), saved: backupView(saved) };
    },
  };
}
