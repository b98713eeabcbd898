import { z } from 'zod';
import type { ApiEnvelope, ApiEvent, ApiMethod } from '../../core/api/contract';
import { SECRET_NAMES, type SecretName } from '../../core/runtime/secret-store';

/** What main sends the engine process (a utility process) over its parent port. */
export type MainToEngine =
  | { type: 'init'; dataDir: string; databaseFile: string; nativeBinding?: string }
  | { type: 'call'; id: number; method: ApiMethod; input: unknown }
  | SecretReply
  | { type: 'stop' };

export type SecretReply =
  /** `value`: the secret (get) or its `SecretProtection` (protection). */
  | { type: 'secret-reply'; id: number; ok: true; value?: string }
  | { type: 'secret-reply'; id: number; ok: false; message: string };

export type SecretRequest =
  | { type: 'secret'; id: number; op: 'get' | 'delete'; name: SecretName }
  | { type: 'secret'; id: number; op: 'set'; name: SecretName; value: string }
  | { type: 'secret'; id: number; op: 'protection' };

const requestId = z.number().int().positive();

/**
 * A secret request as main checks it before touching the keychain: a known secret's name, and a
 * value of a secret's size (the engine process is trusted less than main).
 */
export const secretRequestSchema = z.discriminatedUnion('op', [
  z
    .object({
      type: z.literal('secret'),
      id: requestId,
      op: z.enum(['get', 'delete']),
      name: z.enum(SECRET_NAMES),
    })
    .strict(),
  z
    .object({
      type: z.literal('secret'),
      id: requestId,
      op: z.literal('set'),
      name: z.enum(SECRET_NAMES),
      value: z.string().min(1).max(10_000),
    })
    .strict(),
  z.object({ type: z.literal('secret'), id: requestId, op: z.literal('protection') }).strict(),
]);

/** What the engine process sends main. */
export type EngineToMain =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; envelope: ApiEnvelope<unknown> }
  | { type: 'event'; event: ApiEvent; payload: unknown }
  | SecretRequest
  | { type: 'stopped' };

export function isMessage<T extends { type: string }>(value: unknown): value is T {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}
