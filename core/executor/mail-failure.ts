/**
 * Why email did not go, as a code and its facts, read from the detail a delivery log or a test
 * send keeps (the SMTP transport's `CODE: message` or the server's own reply, and the app's
 * sentences below). The log keeps the detail as text, so old entries are read the same way.
 * `server-not-set`: no mail server. `links-unreachable`: the sending preflight held it back.
 * `connection-refused`, `host-not-found`, `timeout`, `certificate`: the server could not be
 * reached, or not trusted. `auth-refused`: the user name or password. `refused` (a 5xx reply)
 * and `deferred` (a 4xx reply): the server's answer to the message.
 */
export const MAIL_FAILURE_CODES = [
  'server-not-set',
  'links-unreachable',
  'connection-refused',
  'host-not-found',
  'timeout',
  'certificate',
  'auth-refused',
  'refused',
  'deferred',
] as const;
export type MailFailureCode = (typeof MAIL_FAILURE_CODES)[number];

export interface MailFailure {
  code: MailFailureCode;
  /** `reply`: the server's or the system's own words, quoted as they came; `host` where known. */
  values: { reply: string; host?: string };
}

/** What the app says when a test email has no mail server to go through. */
export const NO_MAIL_SERVER =
  'No SMTP server is set: email stays in the embedded outbox on this machine.';

const LINKS_UNREACHABLE = /^Email through (\S+) would carry unsubscribe links to this computer/;
/** A server's reply starts with its three-digit code; `535`, `534`, `530`: the login. */
const REPLY = /^([45])(\d\d)[\s-]/;
const LOGIN_REPLIES = new Set(['530', '534', '535']);

/** The failure a delivery detail says, or undefined for a detail this reading does not know. */
export function mailFailureOf(detail: string): MailFailure | undefined {
  // A message given up on says so first (delivery.ts); its status says it too.
  const text = detail
    .trim()
    .slice(0, 2_000)
    .replace(/^gave up after \d+ attempts: /, '');
  const reply = { reply: text };
  if (text === NO_MAIL_SERVER) return { code: 'server-not-set', values: reply };
  const links = LINKS_UNREACHABLE.exec(text);
  if (links) return { code: 'links-unreachable', values: { ...reply, host: links[1] ?? '' } };
  const answer = REPLY.exec(text);
  if (answer) {
    const code = `${answer[1] ?? ''}${answer[2] ?? ''}`;
    if (LOGIN_REPLIES.has(code)) return { code: 'auth-refused', values: reply };
    return { code: answer[1] === '5' ? 'refused' : 'deferred', values: reply };
  }
  if (/^EAUTH\b/.test(text)) return { code: 'auth-refused', values: reply };
  if (/certificate|self[- ]signed|CERT_|unable to verify/i.test(text))
    return { code: 'certificate', values: reply };
  if (/ECONNREFUSED/.test(text)) return { code: 'connection-refused', values: reply };
  if (/ENOTFOUND|EAI_AGAIN|^EDNS\b/.test(text)) return { code: 'host-not-found', values: reply };
  if (/ETIMEDOUT|timeout|Greeting never received/i.test(text))
    return { code: 'timeout', values: reply };
  return undefined;
}
