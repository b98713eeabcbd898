import {
  ApiError,
  parseApiInput,
  type ApiMethod,
  type ApiOutput,
} from '../../../core/api/contract';
import type { AppService } from '../../../core/app/app-service';

/**
 * Calls the app's API as the renderer does: the input checked by its schema, then handled. Input
 * the schema refuses comes back as a rejected promise, as it does over IPC, never a throw.
 */
export function callerOf(app: AppService) {
  return async <M extends ApiMethod>(method: M, input: unknown): Promise<ApiOutput<M>> =>
    (app.handlers[method] as (i: unknown) => Promise<ApiOutput<M>>)(parseApiInput(method, input));
}

/** The `ApiError` a call is refused with; fails the test when the call goes through. */
export async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}
