import type { LibrarySettings } from '../../app/library-settings';
import { channelDefinition } from '../../channels/registry';
import { linkTarget } from '../../app/sending-preflight';
import { savedLibrarySettings } from '../../app/library-settings';
import type { AppSettings } from '../../app/ports';
import type { UnsubscribeLinks, UnsubscribeTarget } from './unsubscribe-links';

/** The library settings, read again at most once a second (they are asked for every message). */
export function cachedLibrarySettings(settings: Pick<AppSettings, 'get'>): () => LibrarySettings {
  let read = 0;
  let value: LibrarySettings | undefined;
  return () => {
    const now = Date.now();
    if (!value || now - read > 1_000) {
      value = savedLibrarySettings(settings);
      read = now;
    }
    return value;
  };
}

/**
 * The Host a request through the public address names (`shop.example.com`, with its port when
 * it has one): the event API answers it besides its own loopback names.
 */
export function publicHosts(publicUrl: string | undefined): string[] {
  if (!publicUrl) return [];
  try {
    return [new URL(publicUrl).host];
  } catch {
    return [];
  }
}

/** `Shop <shop@example.com>` → `example.com`. */
function domainOf(sender: string | undefined): string | undefined {
  return /@([^@\s>]+)>?\s*$/.exec(sender ?? '')?.[1]?.toLowerCase();
}

/**
 * The unsubscribe links a message carries, wherever recipients can reach them:
 *
 * - with a public address (settings, or `--public-url`): the one-click link there, and a
 *   `mailto:` too when a mailbox is read;
 * - without one but with a mailbox read over IMAP: a `mailto:` address on the sender's domain
 *   (`unsubscribe@…`, or the address set), the link's signed token in its subject — in the
 *   List-Unsubscribe header (RFC 2369) and as `{{ unsubscribe_url }}` in the body;
 * - with neither: the link on this computer (127.0.0.1), which only works for mail that stays
 *   here; the sending preflight refuses to send it anywhere else.
 */
export class MessageLinks {
  constructor(
    private readonly links: UnsubscribeLinks,
    private readonly library: () => LibrarySettings,
    /** `--public-url`: wins over the setting. */
    private readonly publicUrlFlag?: string,
  ) {}

  /** The public address links and library images are made under, if there is one. */
  publicUrl(): string | undefined {
    return this.publicUrlFlag || this.library().publicUrl || undefined;
  }

  private target(): ReturnType<typeof linkTarget> {
    return linkTarget({ publicUrl: this.publicUrl() ?? '', mailbox: this.library().mailbox });
  }

  /** `{{ unsubscribe_url }}` in a message. */
  forBody(target: UnsubscribeTarget, sender?: string): string {
    // Only email is answered by email: other channels keep the link.
    if (channelDefinition(target.channel).transport === 'mail' && this.target() === 'mailto') {
      const mailto = this.mailto(target, sender);
      if (mailto) return mailto;
    }
    return this.links.url(target);
  }

  /** The one-click link of the List-Unsubscribe header, unless only a `mailto:` can be reached. */
  oneClick(target: UnsubscribeTarget): string | undefined {
    return this.target() === 'mailto' ? undefined : this.links.url(target);
  }

  /** The `mailto:` unsubscribe, when a mailbox is read for them. */
  mailto(target: UnsubscribeTarget, sender?: string): string | undefined {
    const library = this.library();
    if (!library.mailbox.host) return undefined;
    const domain = domainOf(sender);
    const address = library.unsubscribeAddress || (domain && `unsubscribe@${domain}`);
    if (!address) return undefined;
    const subject = encodeURIComponent(`Unsubscribe ${this.links.token(target)}`);
    return `mailto:${address}?subject=${subject}`;
  }
}
