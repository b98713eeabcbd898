import type { ApiEnvelope, ApiEvent, ApiMethod } from '../../core/api/contract';
import type { SecretName } from '../../core/runtime/secret-store';

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
