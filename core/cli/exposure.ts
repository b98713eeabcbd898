import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { addressKind } from '../adapters/http/network-address';

/** How the event API is reached: where it listens, and with TLS or behind a proxy. */
export interface Exposure {
  host: string;
  tls?: { cert: Buffer; key: Buffer };
  /** A reverse proxy in front terminates TLS; the API itself speaks plain HTTP. */
  behindProxy: boolean;
}

/** A refusal of `--host` and its companions, with a stable code. */
export class ExposureError extends Error {
  constructor(
    readonly code:
      'host-invalid' | 'host-needs-token' | 'host-needs-tls' | 'tls-incomplete' | 'tls-unreadable',
    message: string,
  ) {
    super(message);
  }
}

export interface ExposureFlags {
  host?: string;
  'tls-cert'?: string;
  'tls-key'?: string;
  'behind-proxy'?: boolean;
}

function readPem(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new ExposureError(
      'tls-unreadable',
      `cannot read the TLS ${what} ${file}: ${(error as Error).message}`,
    );
  }
}

/**
 * Checks where the event API may listen. On a loopback address (the default, 127.0.0.1) nothing
 * more is asked. Any other address reaches other machines, so it takes a token the user chose
 * (`--token` or JOURNEY_STUDIO_TOKEN, never one made up for the run) and either TLS (`--tls-cert`
 * and `--tls-key`) or `--behind-proxy`, which says a reverse proxy in front terminates TLS.
 */
export function checkExposure(flags: ExposureFlags, tokenGiven: boolean): Exposure {
  const host = flags.host ?? '127.0.0.1';
  if (!isIP(host))
    throw new ExposureError(
      'host-invalid',
      `--host must be an IP address to listen on, such as 127.0.0.1 or 0.0.0.0, not "${host}"`,
    );
  const cert = flags['tls-cert'];
  const key = flags['tls-key'];
  if ((cert === undefined) !== (key === undefined))
    throw new ExposureError(
      'tls-incomplete',
      'TLS needs both --tls-cert <file> and --tls-key <file> (PEM files)',
    );
  const tls =
    cert && key ? { cert: readPem(cert, 'certificate'), key: readPem(key, 'key') } : undefined;
  const behindProxy = flags['behind-proxy'] === true;
  if (addressKind(host) === 'loopback') return { host, ...(tls && { tls }), behindProxy };
  if (!tokenGiven)
    throw new ExposureError(
      'host-needs-token',
      `--host ${host} lets other machines reach the event API: choose a token with --token or JOURNEY_STUDIO_TOKEN (at least 16 characters) and give it only to the senders`,
    );
  if (!tls && !behindProxy)
    throw new ExposureError(
      'host-needs-tls',
      `--host ${host} would send the token and your customers' data unencrypted: give --tls-cert and --tls-key, or --behind-proxy when a reverse proxy in front of it terminates TLS`,
    );
  return { host, ...(tls && { tls }), behindProxy };
}
