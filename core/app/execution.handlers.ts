import { ApiError, type ApiHandlers } from '../api/contract';
import { NO_MAIL_SERVER } from '../executor/mail-failure';
import { identifyInput, trackInput } from '../api/event-api-contract';
import type { ExecutionInfo, OutboxMessage } from '../api/execution-contract';
import type { PublishImpactView } from '../api/publish-contract';
import type { OutboxMessageRecord } from '../executor/delivery';
import { MigrationPlanError, type MigrationCounts } from '../executor/executor';
import type { MigrationPlan, PlanProblem } from '../migration/migration-plan';
import { PublishMigration } from '../migration/publish-migration';
import type { EngineInput } from '../executor/ports';
import type { Journey } from '../model/journey';
import { compileJourney, JourneyNotRunnableError } from '../runtime/compiled-journey';
import type { SecretStore } from '../runtime/secret-store';
import type { AppEngine } from './app-engine';
import { journeyNotFound, messageNotFound, passwordBoth, versionNotFound } from './api-errors';
import { channelDefinition } from '../channels/registry';
import type { EventHub } from './event-hub';
import type {
  AppSettings,
  ExecutionRecord,
  ExecutionRecords,
  JourneyLibrary,
  OutboxLog,
} from './ports';
import { savedSmtpSettings, saveSmtpSettings } from './smtp-settings';

export type ExecutionHandlers = Pick<
  ApiHandlers,
  | 'getEngineInfo'
  | 'getExecution'
  | 'previewPublish'
  | 'publishJourney'
  | 'getJourneyVersion'
  | 'setExecutionState'
  | 'listOutbox'
  | 'getOutboxMessage'
  | 'retryOutboxMessage'
  | 'sendTestEvent'
  | 'getSmtpSettings'
  | 'saveSmtpSettings'
  | 'sendTestEmail'
>;

/** Sends one plain email over SMTP and says what the server answered. */
export type TestMailer = (
  url: string,
  mail: { from: string; to: string; subject: string; text: string },
) => Promise<{ ok: boolean; detail: string }>;

export interface ExecutionContext {
  journeys: JourneyLibrary;
  executions: ExecutionRecords;
  events: EventHub;
  engine: AppEngine;
  outbox: OutboxLog;
  settings: AppSettings;
  secrets: SecretStore;
  sendTestMail: TestMailer;
  /** Runs `work` as one transaction: all of it is stored, or none. */
  transaction: <T>(work: () => T) => T;
  now: () => number;
}

const iso = (ms: number) => new Date(ms).toISOString();

function titleOf(message: OutboxMessageRecord): string {
  return channelDefinition(message.content.channel).title(message.content);
}

function outboxMessage(m: OutboxMessageRecord): OutboxMessage {
  return {
    id: m.id,
    journeyId: m.journeyId,
    version: m.version,
    nodeId: m.nodeId,
    profileId: m.profileId,
    channel: m.channel,
    to: m.to,
    at: iso(m.at),
    status: m.status,
    attempts: m.attempts,
    ...(m.status === 'pending' && { nextAttemptAt: iso(m.nextAttemptAt) }),
    ...(m.lastError !== undefined && { lastError: m.lastError }),
    ...(m.transport !== undefined && { transport: m.transport }),
    ...(m.finishedAt !== undefined && { finishedAt: iso(m.finishedAt) }),
    title: titleOf(m),
  };
}

/** A migration plan that cannot be carried out, its problems in the English message. */
function migrationRefused(problems: readonly PlanProblem[]): ApiError {
  return new ApiError('invalid-request', problems.map((p) => p.message).join(' '), 'migration', {
    reason: 'migration-plan',
    values: { count: problems.length },
  });
}

/** A journey that can run: saved, and free of errors (its problems listed otherwise). */
function runnable(journeys: JourneyLibrary, journeyId: string): Journey {
  const saved = journeys.get(journeyId);
  if (!saved) throw journeyNotFound(journeyId);
  try {
    compileJourney(saved.journey);
  } catch (error) {
    if (error instanceof JourneyNotRunnableError)
      throw new ApiError(
        'invalid-request',
        `The journey has problems to fix before it can be published: ${error.problems.join(' ')}`,
        'journeyId',
        {
          reason: 'journey-has-problems',
          values: { count: error.problems.length, purpose: 'publish' },
        },
      );
    throw error;
  }
  return saved.journey;
}

export function executionHandlers({
  journeys,
  executions,
  events,
  engine: appEngine,
  outbox,
  settings,
  secrets,
  sendTestMail,
  transaction,
  now,
}: ExecutionContext): ExecutionHandlers {
  const info = (journeyId: string): ExecutionInfo => {
    if (!journeys.exists(journeyId)) throw journeyNotFound(journeyId);
    const record = executions.record(journeyId);
    return {
      journeyId,
      state: record.state,
      ...(record.latestVersion !== undefined && { latestVersion: record.latestVersion }),
      ...(record.liveVersion !== undefined && { liveVersion: record.liveVersion }),
      changedSincePublish: record.changedSincePublish,
      ...(record.since !== undefined && { since: iso(record.since) }),
      counts: appEngine.counts(journeyId),
    };
  };

  /** The people inside against the version publishing would make (the newest when unchanged). */
  const migrationOf = (journey: Journey, record: ExecutionRecord) => {
    const latest = record.latestVersion ?? 0;
    const toVersion = record.changedSincePublish ? latest + 1 : Math.max(latest, 1);
    return new PublishMigration(journey, toVersion, (v) => journeys.version(journey.id, v));
  };

  const publishImpact = (journey: Journey, record: ExecutionRecord): PublishImpactView => {
    const impact = migrationOf(journey, record).impact(executions.places(journey.id));
    // Only a running journey's people can be carried over: the others finish where they are.
    const running = record.state === 'running';
    return {
      journeyId: journey.id,
      toVersion: impact.toVersion,
      changed: record.changedSincePublish,
      total: impact.total,
      groups: impact.groups.map(({ until, removedVariants, ...g }) => ({
        ...g,
        changes: [...g.changes],
        actions: running ? [...g.actions] : ['stay'],
        ...(removedVariants && { removedVariants: [...removedVariants] }),
        ...(until && { until: { first: iso(until.first), last: iso(until.last) } }),
      })),
      targets: [...impact.targets],
    };
  };

  const checkPlan = (journey: Journey, record: ExecutionRecord, plan: MigrationPlan) => {
    const problems = migrationOf(journey, record).check(plan);
    if (problems.length > 0) throw migrationRefused(problems);
  };

  const smtpView = async () => ({
    ...savedSmtpSettings(settings),
    passwordSet: (await secrets.get('smtp-password')) !== undefined,
    protection: await secrets.protection(),
  });

  return {
    getEngineInfo: async () => {
      // Opening the run view starts the engine, so the event API is there to send to.
      await appEngine.get().catch(() => undefined);
      return appEngine.info();
    },

    getExecution: ({ journeyId }) => Promise.resolve(info(journeyId)),

    previewPublish: ({ journeyId }) => {
      const journey = runnable(journeys, journeyId);
      return Promise.resolve(publishImpact(journey, executions.record(journeyId)));
    },

    publishJourney: async ({ journeyId, migration }) => {
      const journey = runnable(journeys, journeyId);
      const engine = await appEngine.get();
      const at = now();
      const before = executions.record(journeyId);
      const plan = migration && Object.values(migration).some((c) => c.action !== 'stay');
      let created: boolean;
      let migrated: MigrationCounts | undefined;
      if (before.state === 'running') {
        // The new version takes new entries at once; enrollments keep theirs unless the plan
        // carries them over, in the same transaction.
        if (plan) checkPlan(journey, before, migration);
        try {
          ({ created, migrated } = engine.publish(journey, plan ? migration : undefined));
        } catch (error) {
          if (error instanceof MigrationPlanError) throw migrationRefused(error.problems);
          throw error;
        }
      } else if (plan) {
        throw new ApiError(
          'conflict',
          `Only the people inside a running journey can be carried over to a new version; this one is ${before.state}.`,
          'migration',
          { reason: 'migration-not-running', values: { state: before.state } },
        );
      } else {
        created = transaction(() => {
          const frozen = journeys.freezeIfChanged(journeyId, at);
          if (before.state === 'unpublished') executions.setState(journeyId, 'ready', at);
          return frozen.created;
        });
      }
      appEngine.touch(journeyId);
      const after = info(journeyId);
      events.emit('executionChanged', after);
      return { ...after, created, ...(migrated && { migrated }) };
    },

    getJourneyVersion: ({ journeyId, version }) => {
      if (!journeys.exists(journeyId)) throw journeyNotFound(journeyId);
      const journey = journeys.version(journeyId, version);
      if (!journey) throw versionNotFound(journeyId, version);
      return Promise.resolve({ journeyId, version, journey });
    },

    setExecutionState: async ({ journeyId, state }) => {
      const before = info(journeyId);
      const engine = await appEngine.get();
      const at = now();
      if (state === 'running') {
        const version = before.latestVersion;
        if (version === undefined)
          throw new ApiError(
            'conflict',
            'Publish the journey before starting it: starting runs the published version.',
            'state',
            { reason: 'publish-first' },
          );
        if (before.state === 'running' && before.liveVersion === version) return before;
        // Segment and date journeys look at every profile once started (or resumed).
        engine.goLive(journeyId, version, at, () => executions.setState(journeyId, 'running', at));
      } else {
        if (before.state !== 'running' && before.state !== 'paused')
          throw new ApiError(
            'conflict',
            `Only a running${state === 'stopped' ? ' or paused' : ''} journey can be ${state}; this one is ${before.state}.`,
            'state',
            { reason: 'state-change-refused', values: { state, current: before.state } },
          );
        if (state === 'paused' && before.state === 'paused') return before;
        engine.stopEntries(journeyId, () => {
          if (state === 'stopped') executions.endAll(journeyId, at);
          executions.setState(journeyId, state, at);
        });
      }
      appEngine.touch(journeyId);
      const after = info(journeyId);
      events.emit('executionChanged', after);
      return after;
    },

    listOutbox: ({ journeyId, status, limit, before }) =>
      Promise.resolve({
        messages: outbox
          .page({
            ...(journeyId !== undefined && { journeyId }),
            ...(status !== undefined && { status }),
            ...(before !== undefined && { before }),
            limit,
          })
          .map(outboxMessage),
        counts: outbox.countsOf(journeyId),
      }),

    getOutboxMessage: ({ id }) => {
      const message = outbox.get(id);
      if (!message) return Promise.reject(messageNotFound(id));
      return Promise.resolve({
        ...outboxMessage(message),
        content: { ...message.content },
        log: outbox.attempts(id).map((line) => ({ ...line, at: iso(line.at) })),
      });
    },

    retryOutboxMessage: async ({ id }) => {
      const message = outbox.get(id);
      if (!message) throw messageNotFound(id);
      if (message.status !== 'dead')
        throw new ApiError(
          'conflict',
          `Only a dead message can be retried; this one is ${message.status}.`,
          'id',
          { reason: 'message-not-retriable', values: { status: message.status } },
        );
      const engine = await appEngine.get();
      outbox.retryDead(id, now());
      engine.deliverSoon();
      appEngine.touch(message.journeyId);
      const after = outbox.get(id);
      if (!after) throw messageNotFound(id);
      return outboxMessage(after);
    },

    sendTestEvent: async ({ userId, event, properties, traits }) => {
      const engine = await appEngine.get();
      // The same inputs as /v1/identify and /v1/track make of these fields.
      const inputs: EngineInput[] = [];
      if (traits && Object.keys(traits).length > 0) inputs.push(identifyInput({ userId, traits }));
      inputs.push(trackInput({ userId, event, ...(properties && { properties }) }));
      engine.ingest(inputs);
      return { accepted: true };
    },

    getSmtpSettings: smtpView,

    saveSmtpSettings: async ({ password, clearPassword, ...smtp }) => {
      if (password !== undefined && clearPassword) throw passwordBoth();
      if (smtp.host && !/^[A-Za-z0-9.\-:[\]]+$/.test(smtp.host))
        throw new ApiError('invalid-request', `"${smtp.host}" is not a host name.`, 'host', {
          reason: 'host-invalid',
          values: { host: smtp.host },
        });
      if (password !== undefined) await secrets.set('smtp-password', password);
      if (clearPassword) await secrets.delete('smtp-password');
      transaction(() => saveSmtpSettings(settings, smtp));
      await appEngine.applySmtp();
      return smtpView();
    },

    sendTestEmail: async ({ to }) => {
      const smtp = savedSmtpSettings(settings);
      const url = await appEngine.smtpUrl();
      if (!url) return { ok: false, detail: NO_MAIL_SERVER };
      return sendTestMail(url, {
        from: smtp.from || smtp.username || 'journey-studio@localhost',
        to,
        subject: 'Journey Studio test email',
        text: `This test email from Journey Studio reached you through ${smtp.host}:${smtp.port}. Journeys send their email the same way.`,
      });
    },
  };
}
