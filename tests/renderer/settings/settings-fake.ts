import type { ApiError, AppApi } from '../../../core/api/contract';
import type { LibrarySettingsView } from '../../../core/api/settings-contract';
import { createAppStore } from '../../../renderer/store/app-store';
import { fakeApi } from '../fake-api';

type Input<M extends keyof AppApi> = Parameters<AppApi[M]>[0];
type Reading = Awaited<ReturnType<AppApi['readMailbox']>>;

/** The settings as a new library has them (the fake API's too). */
const NEW_LIBRARY: Input<'saveLibrarySettings'> = {
  publicUrl: '',
  unsubscribeAddress: '',
  webhookHosts: [],
  mailbox: { host: '', port: 993, security: 'tls', username: '' },
};

/**
 * The fake AppApi with the settings dialog's calls recorded, refusals the test sets, and a
 * restore that puts the settings back as a new library has them (as the backup holds them).
 */
export function settingsApi(
  saved: Partial<Omit<LibrarySettingsView, 'mailbox'>> & {
    mailbox?: Partial<LibrarySettingsView['mailbox']>;
  } = {},
) {
  const base = fakeApi();
  const { passwordSet, protection, ...mailbox } = saved.mailbox ?? {};
  const kept = (view: LibrarySettingsView): LibrarySettingsView =>
    protection ? { ...view, mailbox: { ...view.mailbox, protection } } : view;
  // The fake keeps what it is given at once: the store reads it as saved.
  void base.saveLibrarySettings({
    ...NEW_LIBRARY,
    ...saved,
    mailbox: { ...NEW_LIBRARY.mailbox, ...mailbox },
    ...(passwordSet && { password: 'kept-before' }),
  });
  const calls = {
    saveLibrarySettings: [] as Input<'saveLibrarySettings'>[],
    restoreBackup: [] as string[],
    readMailbox: 0,
  };
  const refuse: { save?: ApiError; restore?: ApiError } = {};
  let reading: Reading = {
    ok: true,
    detail: 'Read imap.example.com: 3 applied.',
    unsubscribed: 1,
    bounced: 2,
    complained: 0,
  };
  const api: AppApi = {
    ...base,
    getLibrarySettings: async (input) => kept(await base.getLibrarySettings(input)),
    saveLibrarySettings: async (input) => {
      calls.saveLibrarySettings.push(structuredClone(input));
      if (refuse.save) throw refuse.save;
      return kept(await base.saveLibrarySettings(input));
    },
    readMailbox: () => {
      calls.readMailbox += 1;
      return Promise.resolve(structuredClone(reading));
    },
    restoreBackup: async (input) => {
      calls.restoreBackup.push(input.name);
      if (refuse.restore) throw refuse.restore;
      const done = await base.restoreBackup(input);
      await base.saveLibrarySettings(NEW_LIBRARY);
      return done;
    },
  };
  return {
    api,
    store: createAppStore(api),
    calls,
    refuse,
    setReading(next: Reading) {
      reading = next;
    },
  };
}
