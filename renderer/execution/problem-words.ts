import type { EngineInfo } from '../../core/api/execution-contract';
import { mailFailureOf, type MailFailureCode } from '../../core/executor/mail-failure';
import type { Translate } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/locales';
import type { MessageId } from '../i18n/messages';

/** The engine's problem codes (core/app/engine-problem.ts) and their sentences. */
const ENGINE_PROBLEMS: Record<string, MessageId> = {
  'engine-busy': 'engineProblem.engineBusy',
  'database-busy': 'engineProblem.databaseBusy',
  'database-unreadable': 'engineProblem.databaseUnreadable',
  'event-api-port': 'engineProblem.eventApiPort',
  'start-failed': 'engineProblem.startFailed',
};

/** Why email is held back (core/app/sending-preflight.ts), by code. */
const EMAIL_PROBLEMS: Record<string, MessageId> = {
  'links-unreachable': 'emailProblem.linksUnreachable',
};

/** Why an email did not go (core/executor/mail-failure.ts), by code. */
const MAIL_FAILURES: Record<MailFailureCode, MessageId> = {
  'server-not-set': 'emailProblem.serverNotSet',
  'links-unreachable': 'emailProblem.linksUnreachable',
  'connection-refused': 'emailProblem.connectionRefused',
  'host-not-found': 'emailProblem.hostNotFound',
  timeout: 'emailProblem.timeout',
  certificate: 'emailProblem.certificate',
  'auth-refused': 'emailProblem.authRefused',
  refused: 'emailProblem.refused',
  deferred: 'emailProblem.deferred',
};

/** Facts a sentence may use that a problem can come without. */
const BLANKS = { pid: 'none', port: '', file: '', detail: '', host: '', reply: '' };

function worded(
  t: Translate,
  ids: Record<string, MessageId>,
  code: string | undefined,
  values: Record<string, string | number> | undefined,
  english: string | undefined,
): string | undefined {
  const id = code === undefined ? undefined : ids[code];
  // A code this version does not know (a newer server's) reads in the engine's own words.
  if (!id || !values) return english;
  return t(id, { ...BLANKS, ...values });
}

/** Why the engine is not running, in the chosen language; undefined when it did not say. */
export function engineProblemWords(t: Translate, engine: EngineInfo): string | undefined {
  return worded(t, ENGINE_PROBLEMS, engine.problemCode, engine.problemValues, engine.problem);
}

/** Why email is held back, in the chosen language; undefined when it goes. */
export function emailProblemWords(t: Translate, engine: EngineInfo): string | undefined {
  return worded(
    t,
    EMAIL_PROBLEMS,
    engine.emailProblemCode,
    engine.emailProblemValues,
    engine.emailProblem,
  );
}

/**
 * A failed email's detail (a delivery log's, a test send's) in the chosen language: English
 * shows it as it came, as the command line does; Swedish and Norwegian say the known failures
 * in their words, with the server's own reply quoted. Undefined for a detail they do not know.
 */
export function mailFailureWords(t: Translate, locale: Locale, detail: string): string | undefined {
  if (locale === 'en') return undefined;
  const failure = mailFailureOf(detail);
  return failure && t(MAIL_FAILURES[failure.code], { ...BLANKS, ...failure.values });
}
