import type { Backup, LibrarySettingsView } from '../../core/api/settings-contract';
import { ApiError, type AppApi, type JourneyRecord } from '../../core/api/contract';
import type { BrandSettings, ImageInfo } from '../../core/api/design-contract';
import type { SmtpSettingsView } from '../../core/api/execution-contract';
import type { ServerConnectionView, ServerReport } from '../../core/api/server-contract';
import { DEFAULT_BRAND_KIT } from '../../core/email-design/brand-kit';
import { checkImage } from '../../core/email-design/images';
import type { Journey } from '../../core/model/journey';
import { parseJourneyFile, serializeJourney } from '../../core/model/journey-file';
import { sendingPolicySchema, type SendingPolicy } from '../../core/policy/sending-policy';

/** An in-memory AppApi for store and component tests: revisions, conflicts, events. */
/** The server the fake knows: it answers at this address and takes this token. */
export const FAKE_SERVER = {
  url: 'https://journeys.shop.example',
  token: 'right-token-0123456789',
};

/** What a test of an address finds, as the engine would report it. */
function serverReport({ url, token }: { url: string; token: string }): ServerReport {
  if (url.startsWith('http://')) return { ok: false, problem: 'not-secure', detail: url };
  if (url !== FAKE_SERVER.url) return { ok: false, problem: 'unreachable', detail: 'ENOTFOUND' };
  if (token !== FAKE_SERVER.token)
    return { ok: false, problem: 'token-refused', detail: 'HTTP 401' };
  return { ok: true, host: new URL(url).host, version: '0.1.0', journeysLive: 2 };
}

export function fakeApi(initial: Journey[] = []): AppApi & { stored: Map<string, JourneyRecord> } {
  const stored = new Map<string, JourneyRecord>();
  const listeners = new Set<(p: { id: string }) => void>();
  const put = (journey: Journey, revision: number) => {
    const record = {
      journey: structuredClone(journey),
      revision,
      updatedAt: new Date(0).toISOString(),
    };
    stored.set(journey.id, record);
    listeners.forEach((l) => l({ id: journey.id }));
    return record;
  };
  initial.forEach((j) => put(j, 1));
  let smtp: SmtpSettingsView = {
    host: '',
    port: 587,
    security: 'starttls',
    username: '',
    from: '',
    passwordSet: false,
    protection: 'plain-text',
  };
  let brand: Omit<BrandSettings, 'publicBaseUrl'> = { kit: DEFAULT_BRAND_KIT, saved: false };
  let policy: SendingPolicy = {};
  const images = new Map<string, ImageInfo & { data: string }>();
  const get = (id: string) => {
    const record = stored.get(id);
    if (!record) throw new ApiError('not-found', `no ${id}`);
    return record;
  };
  let server: ServerConnectionView = {
    engine: 'local',
    secretsKeptIn: 'keychain',
    shopSecrets: { shopify: false, woocommerce: false },
  };
  let library: LibrarySettingsView = {
    currency: '',
    publicUrl: '',
    unsubscribeAddress: '',
    webhookHosts: [],
    mailbox: {
      host: '',
      port: 993,
      security: 'tls',
      username: '',
      passwordSet: false,
      protection: 'os',
    },
  };
  let backups: Backup[] = [
    {
      name: 'journey-studio-2026-05-01T030000Z-daily.db',
      at: '2026-05-01T03:00:00.000Z',
      bytes: 73_728,
      reason: 'daily',
    },
  ];
  return {
    stored,
    listJourneys: () =>
      Promise.resolve(
        [...stored.values()].map((r) => ({
          id: r.journey.id,
          name: r.journey.name,
          updatedAt: r.updatedAt,
          nodeCount: r.journey.nodes.length,
          errors: 0,
        })),
      ),
    getJourney: ({ id }) => Promise.resolve(structuredClone(get(id))),
    createJourney: ({ name }) =>
      Promise.resolve(
        put(
          {
            format: 'journey-studio/journey',
            version: 1,
            id: name.toLowerCase().replace(/\W+/g, '-'),
            name,
            settings: {},
            nodes: [],
            edges: [],
          },
          1,
        ),
      ),
    saveJourney: ({ journey, revision }) => {
      const current = stored.get(journey.id);
      if (current && revision !== undefined && current.revision !== revision) {
        return Promise.reject(new ApiError('conflict', 'saved elsewhere'));
      }
      const record = put(journey, (current?.revision ?? 0) + 1);
      return Promise.resolve({ revision: record.revision, updatedAt: record.updatedAt });
    },
    renameJourney: ({ id, name }) =>
      Promise.resolve(put({ ...get(id).journey, name }, get(id).revision + 1)),
    duplicateJourney: ({ id }) => Promise.resolve(put({ ...get(id).journey, id: `${id}-copy` }, 1)),
    deleteJourney: ({ id }) => {
      stored.delete(id);
      return Promise.resolve({ deleted: true as const });
    },
    importJourney: ({ text }) => {
      const parsed = parseJourneyFile(text);
      if (!parsed.ok) return Promise.resolve({ ok: false as const, problems: parsed.problems });
      return Promise.resolve({ ok: true as const, record: put(parsed.journey, 1) });
    },
    exportJourney: ({ id }) =>
      Promise.resolve({ fileName: `${id}.journey.json`, text: serializeJourney(get(id).journey) }),
    listTemplates: () => Promise.resolve([]),
    openFile: () => Promise.resolve({ canceled: true as const }),
    openSheet: () => Promise.reject(new ApiError('not-found', 'no workbook')),
    saveSignOffPack: ({ suggestedName }) =>
      Promise.resolve({ canceled: false as const, fileName: `${suggestedName}.pdf` }),
    saveFile: ({ suggestedName }) =>
      Promise.resolve({ canceled: false as const, fileName: suggestedName }),
    openRecentFile: () => Promise.reject(new ApiError('not-found', 'no recent files')),
    // Data and simulation: no data sets in this fake; tests that need them bring their own.
    listDatasets: () => Promise.resolve([]),
    previewDataset: () => Promise.reject(new ApiError('invalid-request', 'no data in this fake')),
    importDataset: () => Promise.reject(new ApiError('invalid-request', 'no data in this fake')),
    deleteDataset: ({ id }) => Promise.reject(new ApiError('not-found', `no data set ${id}`)),
    generateSampleData: () =>
      Promise.reject(new ApiError('invalid-request', 'no data in this fake')),
    browseProfiles: ({ datasetId }) =>
      Promise.reject(new ApiError('not-found', `no data set ${datasetId}`)),
    browseEvents: ({ datasetId }) =>
      Promise.reject(new ApiError('not-found', `no data set ${datasetId}`)),
    simulate: () => Promise.reject(new ApiError('invalid-request', 'no data in this fake')),
    listSimulationRuns: () => Promise.resolve([]),
    getSimulationRun: ({ id }) => Promise.reject(new ApiError('not-found', `no run ${id}`)),
    traceProfile: ({ runId }) => Promise.reject(new ApiError('not-found', `no run ${runId}`)),
    forecastSensitivity: ({ runId }) =>
      Promise.reject(new ApiError('not-found', `no run ${runId}`)),
    cancelSimulation: () => Promise.resolve({ cancelled: false }),
    // Execution: nothing published in this fake; tests that need more bring their own.
    getEngineInfo: () =>
      Promise.resolve({
        running: true,
        email: 'embedded' as const,
        inbox: 0,
        wakes: 0,
        messages: noMessages(),
        failures: 0,
      }),
    getExecution: ({ journeyId }) => Promise.resolve(unpublished(journeyId)),
    previewPublish: ({ journeyId }) =>
      Promise.reject(new ApiError('invalid-request', `cannot publish ${journeyId} in this fake`)),
    publishJourney: ({ journeyId }) =>
      Promise.reject(new ApiError('invalid-request', `cannot publish ${journeyId} in this fake`)),
    getJourneyVersion: ({ journeyId, version }) =>
      Promise.reject(new ApiError('not-found', `${journeyId} has no version ${version}`)),
    listJourneyVersions: () => Promise.resolve({ versions: [], currentSha256: '' }),
    setVersionNote: ({ journeyId, version }) =>
      Promise.reject(new ApiError('not-found', `${journeyId} has no version ${version}`)),
    approveJourneyVersion: ({ journeyId, version }) =>
      Promise.reject(new ApiError('not-found', `${journeyId} has no version ${version}`)),
    getSignOffPack: ({ journeyId }) =>
      Promise.resolve({
        html: '<!doctype html><title>Pack</title>',
        sha256: 'a'.repeat(64),
        fileName: `${journeyId}-draft-sign-off`,
      }),
    compareVersionsOnCohort: () =>
      Promise.reject(new ApiError('invalid-request', 'Simulate the journey first.')),
    setExecutionState: ({ journeyId }) =>
      Promise.reject(new ApiError('invalid-request', `${journeyId} is not published`)),
    listOutbox: () => Promise.resolve({ messages: [], counts: noMessages() }),
    getOutboxMessage: ({ id }) => Promise.reject(new ApiError('not-found', `no message ${id}`)),
    retryOutboxMessage: ({ id }) => Promise.reject(new ApiError('not-found', `no message ${id}`)),
    sendTestEvent: () => Promise.resolve({ accepted: true }),
    getSmtpSettings: () => Promise.resolve(smtp),
    saveSmtpSettings: (input) => {
      const { password, clearPassword, ...settings } = input;
      smtp = {
        ...smtp,
        ...settings,
        passwordSet: clearPassword ? false : password !== undefined || smtp.passwordSet,
      };
      return Promise.resolve(smtp);
    },
    sendTestEmail: () => Promise.resolve({ ok: false, detail: 'no SMTP server in this fake' }),
    // The brand kit shows the library's one public address; it is saved with the library settings.
    getBrandSettings: () => Promise.resolve({ ...brand, publicBaseUrl: library.publicUrl }),
    saveBrandSettings: ({ kit }) => {
      brand = { kit, saved: true };
      return Promise.resolve({ ...brand, publicBaseUrl: library.publicUrl });
    },
    getSendingPolicy: () => Promise.resolve({ policy }),
    saveSendingPolicy: (input) => {
      const parsed = sendingPolicySchema.safeParse(input.policy);
      if (!parsed.success)
        return Promise.reject(
          new ApiError('invalid-request', parsed.error.issues[0]?.message ?? ''),
        );
      policy = parsed.data;
      return Promise.resolve({ policy });
    },
    listImages: () => Promise.resolve([...images.values()].map(({ data: _, ...info }) => info)),
    addImage: ({ name, data }) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const checked = checkImage(name, bytes);
      if (!checked.ok)
        return Promise.reject(new ApiError('invalid-request', checked.problem.message));
      const info = { id: `img-${images.size + 1}`, name, ...checked.facts, size: bytes.length };
      images.set(info.id, { ...info, data });
      return Promise.resolve(info);
    },
    getImage: ({ id }) => {
      const image = images.get(id);
      return image ? Promise.resolve(image) : Promise.reject(new ApiError('not-found', `no ${id}`));
    },
    sendTestMessage: ({ to }) =>
      Promise.resolve({
        ok: true,
        via: 'outbox' as const,
        detail: `Kept in the outbox for ${to}.`,
      }),
    getServerConnection: () => Promise.resolve(structuredClone(server)),
    testServerConnection: (input) => Promise.resolve(serverReport(input)),
    connectServer: (input) => {
      const report = serverReport(input);
      if (report.ok) server = { ...server, engine: 'server', url: input.url, host: report.host };
      return Promise.resolve({ report, connection: structuredClone(server) });
    },
    disconnectServer: () => {
      server = {
        secretsKeptIn: server.secretsKeptIn,
        shopSecrets: server.shopSecrets,
        engine: 'local',
      };
      return Promise.resolve(structuredClone(server));
    },
    saveShopSecret: ({ platform, clear }) => {
      server = { ...server, shopSecrets: { ...server.shopSecrets, [platform]: !clear } };
      return Promise.resolve(structuredClone(server));
    },
    getLibrarySettings: () => Promise.resolve(structuredClone(library)),
    saveLibrarySettings: ({ password, clearPassword, ...settings }) => {
      library = {
        ...settings,
        currency: settings.currency ?? '',
        mailbox: {
          ...settings.mailbox,
          protection: library.mailbox.protection,
          passwordSet: clearPassword
            ? false
            : password !== undefined || library.mailbox.passwordSet,
        },
      };
      return Promise.resolve(structuredClone(library));
    },
    readMailbox: () =>
      Promise.resolve({
        ok: false,
        detail: 'No mailbox is set: unsubscribe emails are not read.',
        unsubscribed: 0,
        bounced: 0,
        complained: 0,
      }),
    listBackups: () =>
      Promise.resolve({ folder: '/data/backups', backups: structuredClone(backups) }),
    backUpNow: () => {
      const made = {
        name: `journey-studio-2026-05-0${backups.length + 1}T100000Z-manual.db`,
        at: `2026-05-0${backups.length + 1}T10:00:00.000Z`,
        bytes: 81_920,
        reason: 'manual' as const,
      };
      backups = [made, ...backups];
      return Promise.resolve(made);
    },
    restoreBackup: ({ name }) => {
      const chosen = backups.find((b) => b.name === name);
      if (!chosen)
        return Promise.reject(new ApiError('not-found', `There is no backup "${name}".`));
      const saved = {
        name: 'journey-studio-2026-05-09T100000Z-before-restore.db',
        at: '2026-05-09T10:00:00.000Z',
        bytes: 90_112,
        reason: 'before-restore' as const,
      };
      backups = [saved, ...backups];
      return Promise.resolve({ restored: chosen, saved });
    },
    onLibraryRestored: () => () => undefined,
    onLiveCounts: () => () => undefined,
    onEngineChanged: () => () => undefined,
    onExecutionChanged: () => () => undefined,
    onImportProgress: () => () => undefined,
    onSimulationProgress: () => () => undefined,
    onMenuCommand: () => () => undefined,
    onJourneysChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function noMessages() {
  return { pending: 0, delivered: 0, dead: 0, cancelled: 0 };
}

function unpublished(journeyId: string) {
  return {
    journeyId,
    state: 'unpublished' as const,
    changedSincePublish: true,
    counts: {
      journeyId,
      entered: 0,
      active: 0,
      completed: 0,
      converted: 0,
      exited: 0,
      nodes: {},
      messages: noMessages(),
    },
  };
}
