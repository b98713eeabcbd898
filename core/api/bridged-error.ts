import type { ApiErrorBody } from './contract';

/**
 * Electron's contextBridge copies an `Error` into the page with its message only: the code
 * (`conflict`, `not-found`, …) would be lost, and the page could not tell a stale save from a
 * crash. So the preload rejects a failed call with the error's body, tagged with this name —
 * plain data survives the bridge — and the page rebuilds the `ApiError` with `apiFromBridge`
 * (`bridge.ts`). This file imports types only, so the preload bundle stays free of zod.
 */
export const BRIDGED_ERROR_NAME = 'ApiError';

export type BridgedApiError = ApiErrorBody & { name: typeof BRIDGED_ERROR_NAME };

export function bridgedApiError(body: ApiErrorBody): BridgedApiError {
  return { name: BRIDGED_ERROR_NAME, ...body };
}
