import { ApiError, type AppApi } from '../../../core/api/contract';
import type {
  EngineInfo,
  ExecutionInfo,
  LiveCounts,
  OutboxMessage,
  OutboxMessageDetail,
  SmtpSettingsView,
} from '../../../core/api/execution-contract';
import type { PublishImpactView } from '../../../core/api/publish-contract';
import type { Journey } from '../../../core/model/journey';
import { createAppStore } from '../../../renderer/store/app-store';
import { fakeApi } from '../fake-api';

export const noMessages = () => ({ pending: 0, delivered: 0, dead: 0, cancelled: 0 });

export function counts(journeyId: string, change: Partial<LiveCounts> = {}): LiveCounts {
  return {
    journeyId,
    entered: 0,
    active: 0,
    completed: 0,
    converted: 0,
    exited: 0,
    nodes: {},
    messages: noMessages(),
    ...change,
  };
}

export function message(id: number, change: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id,
    journeyId: 'abandoned-cart',
    version: 1,
    nodeId: 'mail1',
    profileId: `p${id}`,
    channel: 'email',
    to: `p${id}@example.com`,
    at: new Date(Date.UTC(2026, 2, 4, 10, id)).toISOString(),
    status: 'delivered',
    attempts: 1,
    title: `Your cart is waiting (${id})`,
    ...change,
  };
}

/**
 * The fake AppApi with an engine behind the execution methods: states and versions as the
 * contract describes them, an outbox, and pushes the test sends when it likes.
 */
export function engineApi(journeys: Journey[] = []) {
  const base = fakeApi(journeys);
  const countsListeners = new Set<(c: LiveCounts) => void>();
  const engineListeners = new Set<(e: EngineInfo) => void>();
  const stateListeners = new Set<(e: ExecutionInfo) => void>();
  const executions = new Map<string, ExecutionInfo>();
  const calls = {
    getExecution: 0,
    listOutbox: [] as Parameters<AppApi['listOutbox']>[0][],
    sendTestEvent: [] as Parameters<AppApi['sendTestEvent']>[0][],
    saveSmtpSettings: [] as Parameters<AppApi['saveSmtpSettings']>[0][],
    sendTestEmail: [] as string[],
    retry: [] as number[],
    publish: [] as Parameters<AppApi['publishJourney']>[0][],
  };
  /** What previewPublish answers, by journey (nobody inside, by default). */
  const impacts = new Map<string, PublishImpactView>();
  const failures: { setExecutionState?: ApiError } = {};
  let outbox: OutboxMessage[] = [];
  let engine: EngineInfo = {
    running: true,
    eventApiUrl: 'http://127.0.0.1:47100',
    eventApiToken: 'tok-3f9a1c7e5b2d',
    email: 'embedded',
    inbox: 0,
    wakes: 0,
    messages: noMessages(),
    failures: 0,
  };
  let smtp: SmtpSettingsView = {
    host: 'smtp.example.com',
    port: 587,
    security: 'starttls',
    username: 'news',
    from: 'news@example.com',
    passwordSet: true,
    protection: 'os',
  };

  const execution = (journeyId: string): ExecutionInfo =>
    executions.get(journeyId) ?? {
      journeyId,
      state: 'unpublished',
      changedSincePublish: true,
      counts: counts(journeyId),
    };
  /** Published versions as frozen: the saved journey at each publish. */
  const versions = new Map<string, Journey>();
  const put = (info: ExecutionInfo) => {
    executions.set(info.journeyId, info);
    return structuredClone(info);
  };

  const api: AppApi = {
    ...base,
    getEngineInfo: () => Promise.resolve(structuredClone(engine)),
    getExecution: ({ journeyId }) => {
      calls.getExecution += 1;
      return Promise.resolve(structuredClone(execution(journeyId)));
    },
    previewPublish: ({ journeyId }) => {
      const info = execution(journeyId);
      const toVersion = (info.latestVersion ?? 0) + (info.changedSincePublish ? 1 : 0);
      return Promise.resolve(
        structuredClone(
          impacts.get(journeyId) ?? {
            journeyId,
            toVersion,
            changed: info.changedSincePublish,
            total: 0,
            groups: [],
            targets: [],
          },
        ),
      );
    },
    publishJourney: (input) => {
      calls.publish.push(input);
      const { journeyId } = input;
      const info = execution(journeyId);
      const created = info.changedSincePublish;
      const latestVersion = created ? (info.latestVersion ?? 0) + 1 : info.latestVersion;
      const saved = base.stored.get(journeyId)?.journey;
      if (created && saved) versions.set(`${journeyId}@${latestVersion}`, structuredClone(saved));
      const next = put({
        ...info,
        state: info.state === 'unpublished' ? 'ready' : info.state,
        latestVersion,
        ...(info.state === 'running' && { liveVersion: latestVersion }),
        changedSincePublish: false,
      });
      return Promise.resolve({ ...next, created });
    },
    getJourneyVersion: ({ journeyId, version }) => {
      const journey = versions.get(`${journeyId}@${version}`);
      if (!journey) return Promise.reject(new ApiError('not-found', `no version ${version}`));
      return Promise.resolve({ journeyId, version, journey: structuredClone(journey) });
    },
    setExecutionState: ({ journeyId, state }) => {
      if (failures.setExecutionState) return Promise.reject(failures.setExecutionState);
      const info = execution(journeyId);
      if (info.latestVersion === undefined)
        return Promise.reject(new ApiError('conflict', 'Publish the journey before starting it.'));
      const { liveVersion: _live, ...rest } = info;
      return Promise.resolve(
        put({
          ...rest,
          state,
          since: '2026-03-04T10:00:00.000Z',
          ...(state === 'running' && { liveVersion: info.latestVersion }),
        }),
      );
    },
    listOutbox: (input) => {
      calls.listOutbox.push(input);
      const limit = input.limit ?? 100;
      const all = outbox
        .filter((m) => !input.journeyId || m.journeyId === input.journeyId)
        .sort((a, b) => b.id - a.id);
      const tally = noMessages();
      for (const m of all) tally[m.status] += 1;
      const page = all
        .filter((m) => !input.status || m.status === input.status)
        .filter((m) => input.before === undefined || m.id < input.before)
        .slice(0, limit);
      return Promise.resolve({ messages: structuredClone(page), counts: tally });
    },
    getOutboxMessage: ({ id }) => {
      const found = outbox.find((m) => m.id === id);
      if (!found) return Promise.reject(new ApiError('not-found', `no message ${id}`));
      return Promise.resolve(detailOf(found));
    },
    retryOutboxMessage: ({ id }) => {
      calls.retry.push(id);
      const found = outbox.find((m) => m.id === id);
      if (!found || found.status !== 'dead')
        return Promise.reject(new ApiError('conflict', 'Only a failed message can be retried.'));
      const again: OutboxMessage = { ...found, status: 'pending', attempts: 0 };
      outbox = outbox.map((m) => (m.id === id ? again : m));
      return Promise.resolve(structuredClone(again));
    },
    sendTestEvent: (input) => {
      calls.sendTestEvent.push(input);
      return Promise.resolve({ accepted: true });
    },
    getSmtpSettings: () => Promise.resolve(structuredClone(smtp)),
    saveSmtpSettings: (input) => {
      calls.saveSmtpSettings.push(input);
      const { password, clearPassword, ...settings } = input;
      smtp = {
        ...smtp,
        ...settings,
        passwordSet: password !== undefined ? true : clearPassword ? false : smtp.passwordSet,
      };
      return Promise.resolve(structuredClone(smtp));
    },
    sendTestEmail: ({ to }) => {
      calls.sendTestEmail.push(to);
      return Promise.resolve({ ok: true, detail: '250 2.0.0 Ok: queued as 4F2A' });
    },
    onLiveCounts: (listener) => {
      countsListeners.add(listener);
      return () => countsListeners.delete(listener);
    },
    onEngineChanged: (listener) => {
      engineListeners.add(listener);
      return () => engineListeners.delete(listener);
    },
    onExecutionChanged: (listener) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
  };

  function detailOf(m: OutboxMessage): OutboxMessageDetail {
    return {
      ...structuredClone(m),
      content: {
        channel: 'email',
        from: 'Shop <shop@example.com>',
        subject: m.title,
        html: `<p>Hi ${m.profileId}</p><script>parent.stolen = true</script><img src="x" onerror="parent.stolen = true">`,
        text: `Hi ${m.profileId}`,
      },
      log:
        m.status === 'dead'
          ? [
              {
                attempt: 1,
                at: m.at,
                outcome: 'retry',
                transport: 'smtp',
                detail: '421 try later',
              },
              {
                attempt: 2,
                at: m.at,
                outcome: 'dead',
                transport: 'smtp',
                detail: '550 no such user',
              },
            ]
          : [{ attempt: 1, at: m.at, outcome: 'delivered', transport: 'embedded' }],
    };
  }

  return {
    api,
    calls,
    failures,
    /** Sets a journey's execution as the engine would answer it. */
    setExecution(info: Partial<ExecutionInfo> & { journeyId: string }) {
      put({ ...execution(info.journeyId), ...info });
    },
    /** What publishing would mean for the people inside, as the engine would answer it. */
    setImpact(impact: PublishImpactView) {
      impacts.set(impact.journeyId, impact);
    },
    setOutbox(messages: OutboxMessage[]) {
      outbox = messages;
    },
    setEngine(change: Partial<EngineInfo>) {
      engine = { ...engine, ...change };
    },
    setSmtp(change: Partial<SmtpSettingsView>) {
      smtp = { ...smtp, ...change };
    },
    pushCounts(c: LiveCounts) {
      countsListeners.forEach((l) => l(c));
    },
    pushEngine(change: Partial<EngineInfo> = {}) {
      engine = { ...engine, ...change };
      engineListeners.forEach((l) => l(structuredClone(engine)));
    },
    /** Another window changed a journey's state: the engine tells every window. */
    pushExecution(info: Partial<ExecutionInfo> & { journeyId: string }) {
      const changed = { ...execution(info.journeyId), ...info };
      put(changed);
      stateListeners.forEach((l) => l(structuredClone(changed)));
    },
    listeners: () => countsListeners.size + engineListeners.size + stateListeners.size,
  };
}

/** A store over the engine fake with a journey open, as saved (revision 1). */
export function storeWith(journey: Journey, engine = engineApi([journey])) {
  const store = createAppStore(engine.api);
  store.getState().loadJourney(journey, 1);
  return { store, engine, state: () => store.getState() };
}
