import nodemailer from 'nodemailer';
import { channelDefinition } from '../../channels/registry';
import { ApiError, type ApiHandlers } from '../../api/contract';
import type { ExecutionInfo, OutboxMessage } from '../../api/execution-contract';
import type { Journey } from '../../model/journey';
import { compileJourney, JourneyNotRunnableError } from '../../runtime/compiled-journey';
import { classifySmtpError } from '../email/smtp-transport';
import { identifyInput, trackInput } from '../http/event-schemas';
import type { EngineInput } from '../../executor/ports';
import type { JourneyRepository } from '../sqlite/journey-repository';
import type { SqliteOutbox, OutboxMessageView } from '../sqlite/outbox-store';
import type { EventHub } from './event-hub';
import type { ExecutionRuntime } from './execution-runtime';
import type { SecretStore } from '../../runtime/secret-store';

export type ExecutionHandlers = Pick<
  ApiHandlers,
  | 'getEngineInfo'
  | 'getExecution'
  | 'publishJourney'
  | 'setExecutionState'
  | 'listOutbox'
  | 'getOutboxMessage'
  | 'retryOutboxMessage'
  | 'sendTestEvent'
  | 'getSmtpSettings'
  | 'saveSmtpSettings'
  | 'sendTestEmail'
>;

export interface ExecutionContext {
  journeys: JourneyRepository;
  events: EventHub;
  runtime: ExecutionRuntime;
  outbox: SqliteOutbox;
  secrets: SecretStore;
  now: () => number;
}

const iso = (ms: number) => new Date(ms).toISOString();

function titleOf(message: OutboxMessageView): string {
  return channelDefinition(message.content.channel).title(message.content);
}

function outboxMessage(m: OutboxMessageView): OutboxMessage {
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

/** A journey that can run: saved, and free of errors (its problems listed otherwise). */
function runnable(journeys: JourneyRepository, journeyId: string): Journey {
  const saved = journeys.get(journeyId);
  if (!saved) throw new ApiError('not-found', `There is no journey "${journeyId}".`, 'journeyId');
  try {
    compileJourney(saved.journey);
  } catch (error) {
    if (error instanceof JourneyNotRunnableError)
      throw new ApiError(
        'invalid-request',
        `The journey has problems to fix before it can be published: ${error.problems.join(' ')}`,
        'journeyId',
      );
    throw error;
  }
  return saved.journey;
}

export function executionHandlers({
  journeys,
  events,
  runtime,
  outbox,
  secrets,
  now,
}: ExecutionContext): ExecutionHandlers {
  const executions = runtime.executions;

  const info = (journeyId: string): ExecutionInfo => {
    if (!journeys.exists(journeyId))
      throw new ApiError('not-found', `There is no journey "${journeyId}".`, 'journeyId');
    const record = executions.record(journeyId);
    return {
      journeyId,
      state: record.state,
      ...(record.latestVersion !== undefined && { latestVersion: record.latestVersion }),
      ...(record.liveVersion !== undefined && { liveVersion: record.liveVersion }),
      changedSincePublish: record.changedSincePublish,
      ...(record.since !== undefined && { since: iso(record.since) }),
      counts: runtime.counts(journeyId),
    };
  };

  const smtpView = async () => ({
    ...runtime.smtpSettings(),
    passwordSet: (await secrets.get('smtp-password')) !== undefined,
    protection: await secrets.protection(),
  });

  return {
    getEngineInfo: async () => {
      // Opening the run view starts the engine, so the event API is there to send to.
      await runtime.engine().catch(() => undefined);
      return runtime.info();
    },

    getExecution: ({ journeyId }) => Promise.resolve(info(journeyId)),

    publishJourney: async ({ journeyId }) => {
      const journey = runnable(journeys, journeyId);
      const host = await runtime.engine();
      const at = now();
      const before = executions.record(journeyId);
      let created: boolean;
      if (before.state === 'running') {
        // The new version takes new entries at once; enrollments keep theirs.
        created = host.publish(journey).created;
      } else {
        created = host.db.transaction(() => {
          const frozen = journeys.freezeIfChanged(journeyId, at);
          if (before.state === 'unpublished') executions.setState(journeyId, 'ready', at);
          return frozen.created;
        })();
      }
      runtime.touch(journeyId);
      const after = info(journeyId);
      events.emit('executionChanged', after);
      return { ...after, created };
    },

    setExecutionState: async ({ journeyId, state }) => {
      const before = info(journeyId);
      const host = await runtime.engine();
      const at = now();
      if (state === 'running') {
        const version = before.latestVersion;
        if (version === undefined)
          throw new ApiError(
            'conflict',
            'Publish the journey before starting it: starting runs the published version.',
            'state',
          );
        if (before.state === 'running' && before.liveVersion === version) return before;
        host.db.transaction(() => {
          host.journeys.goLive(journeyId, version, at);
          executions.setState(journeyId, 'running', at);
        })();
        host.journeys.refresh();
        // Segment and date journeys look at every profile once started (or resumed).
        host.startJourneys([journeyId]);
      } else {
        if (before.state !== 'running' && before.state !== 'paused')
          throw new ApiError(
            'conflict',
            `Only a running${state === 'stopped' ? ' or paused' : ''} journey can be ${state}; this one is ${before.state}.`,
            'state',
          );
        if (state === 'paused' && before.state === 'paused') return before;
        host.db.transaction(() => {
          host.journeys.unpublish(journeyId);
          if (state === 'stopped') executions.endAll(journeyId, at);
          executions.setState(journeyId, state, at);
        })();
        host.store.discardCache();
        host.journeys.refresh();
      }
      runtime.touch(journeyId);
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
      if (!message)
        return Promise.reject(new ApiError('not-found', `There is no message ${id}.`, 'id'));
      return Promise.resolve({
        ...outboxMessage(message),
        content: { ...message.content },
        log: outbox.attempts(id).map((line) => ({ ...line, at: iso(line.at) })),
      });
    },

    retryOutboxMessage: async ({ id }) => {
      const message = outbox.get(id);
      if (!message) throw new ApiError('not-found', `There is no message ${id}.`, 'id');
      if (message.status !== 'dead')
        throw new ApiError(
          'conflict',
          `Only a dead message can be retried; this one is ${message.status}.`,
          'id',
        );
      const host = await runtime.engine();
      outbox.retryDead(id, now());
      host.deliverSoon();
      runtime.touch(message.journeyId);
      const after = outbox.get(id);
      if (!after) throw new ApiError('not-found', `There is no message ${id}.`, 'id');
      return outboxMessage(after);
    },

    sendTestEvent: async ({ userId, event, properties, traits }) => {
      const host = await runtime.engine();
      // The same inputs as /v1/identify and /v1/track make of these fields.
      const inputs: EngineInput[] = [];
      if (traits && Object.keys(traits).length > 0) inputs.push(identifyInput({ userId, traits }));
      inputs.push(trackInput({ userId, event, ...(properties && { properties }) }));
      host.executor.ingest(inputs);
      host.runSoon();
      return { accepted: true };
    },

    getSmtpSettings: smtpView,

    saveSmtpSettings: async ({ password, clearPassword, ...settings }) => {
      if (password !== undefined && clearPassword)
        throw new ApiError(
          'invalid-request',
          'Give a new password or forget the kept one, not both.',
          'clearPassword',
        );
      if (settings.host && !/^[A-Za-z0-9.\-:[\]]+$/.test(settings.host))
        throw new ApiError('invalid-request', `"${settings.host}" is not a host name.`, 'host');
      if (password !== undefined) await secrets.set('smtp-password', password);
      if (clearPassword) await secrets.delete('smtp-password');
      runtime.saveSmtpSettings(settings);
      await runtime.applySmtp();
      return smtpView();
    },

    sendTestEmail: async ({ to }) => {
      const settings = runtime.smtpSettings();
      const url = await runtime.smtpUrl();
      if (!url)
        return {
          ok: false,
          detail: 'No SMTP server is set: email stays in the embedded outbox on this machine.',
        };
      const transport = nodemailer.createTransport({
        url,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 15_000,
      });
      try {
        const sent: { response?: string } = await transport.sendMail({
          from: settings.from || settings.username || 'journey-studio@localhost',
          to,
          subject: 'Journey Studio test email',
          text: `This test email from Journey Studio reached you through ${settings.host}:${settings.port}. Journeys send their email the same way.`,
        });
        return { ok: true, detail: sent.response ?? 'accepted' };
      } catch (error) {
        return { ok: false, detail: classifySmtpError(error).detail };
      } finally {
        transport.close();
      }
    },
  };
}
