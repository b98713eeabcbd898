import type { LibrarySettings } from './library-settings';

/** Host names of this computer: a server there sends nothing out into the world by itself. */
export function isThisComputer(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return (
    bare === 'localhost' ||
    bare.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(bare) ||
    bare === '::1' ||
    bare === '0.0.0.0'
  );
}

/**
 * Where unsubscribe links lead, given the library settings: the public address when one is set;
 * else a `mailto:` address when a mailbox is read for it; else this computer, which no recipient
 * can reach.
 */
export function linkTarget(
  library: Pick<LibrarySettings, 'publicUrl' | 'mailbox'>,
): 'public' | 'mailto' | 'loopback' {
  if (library.publicUrl) return 'public';
  if (library.mailbox.host) return 'mailto';
  return 'loopback';
}

/** Why email is held back, as a code and its facts, with the English sentence. */
export interface SendingProblem {
  /** `links-unreachable`: unsubscribe links would lead to this computer. */
  code: 'links-unreachable';
  values: { host: string };
  message: string;
}

/**
 * The preflight of sending: email through an SMTP server that is not on this computer, while
 * the unsubscribe links in it would lead to this computer (no public address, no mailbox read),
 * is refused with what to set. Undefined when sending may go ahead.
 */
export function sendingProblemOf(
  smtpHost: string,
  library: Pick<LibrarySettings, 'publicUrl' | 'mailbox'>,
): SendingProblem | undefined {
  if (!smtpHost || isThisComputer(smtpHost)) return undefined;
  if (linkTarget(library) !== 'loopback') return undefined;
  return {
    code: 'links-unreachable',
    values: { host: smtpHost },
    message:
      `Email through ${smtpHost} would carry unsubscribe links to this computer (127.0.0.1), which no recipient can reach. ` +
      'Set a public address for links (Settings → Links, or --public-url), or a mailbox for unsubscribes that Journey Studio reads (Settings → Mailbox).',
  };
}

/** The preflight's problem in English words (the command line and the delivery log), if any. */
export function sendingProblem(
  smtpHost: string,
  library: Pick<LibrarySettings, 'publicUrl' | 'mailbox'>,
): string | undefined {
  return sendingProblemOf(smtpHost, library)?.message;
}
