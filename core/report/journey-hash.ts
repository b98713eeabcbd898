import type { Journey } from '../model/journey';
import { serializeJourney } from '../model/journey-file';

/**
 * The SHA-256 of a journey version, in hex: of the journey file exactly as `serializeJourney`
 * writes it (keys in a stable order), so the same version gives the same hash on any machine,
 * whatever order its keys were read in. The sign-off pack prints it; an approval records it, and
 * an edit that changes it makes the approval stale.
 *
 * Web Crypto (in browsers and in Node since 19) computes it: deterministic, no I/O.
 *
 * @example
 * await journeySha256(journey); // 'a3f1…' (64 hex digits)
 */
export async function journeySha256(journey: Journey): Promise<string> {
  return sha256Hex(serializeJourney(journey));
}

/** The SHA-256 of a text's UTF-8 bytes, in hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
