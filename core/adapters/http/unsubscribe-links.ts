import { createHmac, timingSafeEqual } from 'node:crypto';
import { CHANNELS, type Channel } from '../../runtime/step';

/** Whom a one-click unsubscribe link is for. */
export interface UnsubscribeTarget {
  channel: Channel;
  address: string;
  profileId: string;
  journeyId: string;
}

/** Where the local API serves unsubscribe links: `/u/<token>`. */
export const UNSUBSCRIBE_PATH = '/u/';

function sign(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/**
 * One-click unsubscribe links (RFC 8058): the token is the target, signed with an HMAC secret
 * kept in the database's settings, so a link cannot be guessed or altered to unsubscribe
 * somebody else — and stays valid across restarts.
 */
export class UnsubscribeLinks {
  constructor(
    private readonly secret: string,
    /** The API's base URL, e.g. http://127.0.0.1:8787 (known once it listens). */
    private readonly baseUrl: () => string,
  ) {}

  token(target: UnsubscribeTarget): string {
    const payload = Buffer.from(
      JSON.stringify([target.channel, target.address, target.profileId, target.journeyId]),
    ).toString('base64url');
    return `${payload}.${sign(this.secret, payload).toString('base64url')}`;
  }

  url(target: UnsubscribeTarget): string {
    return `${this.baseUrl()}${UNSUBSCRIBE_PATH}${this.token(target)}`;
  }

  /** The target of a token, or undefined when it is malformed or its signature is wrong. */
  verify(token: string): UnsubscribeTarget | undefined {
    const dot = token.indexOf('.');
    if (dot <= 0) return undefined;
    const payload = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = sign(this.secret, payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const [channel, address, profileId, journeyId] = JSON.parse(
        Buffer.from(payload, 'base64url').toString('utf8'),
      ) as unknown[];
      if (
        !CHANNELS.includes(channel as Channel) ||
        typeof address !== 'string' ||
        typeof profileId !== 'string' ||
        typeof journeyId !== 'string'
      )
        return undefined;
      return { channel: channel as Channel, address, profileId, journeyId };
    } catch {
      return undefined;
    }
  }
}
