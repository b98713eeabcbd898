import {
  API_ERROR_CODES,
  API_EVENTS,
  APP_METHODS,
  ApiError,
  eventSubscriberName,
  type ApiErrorCode,
  type AppApi,
} from './contract';
import { BRIDGED_ERROR_NAME } from './bridged-error';

function isErrorCode(code: unknown): code is ApiErrorCode {
  return (API_ERROR_CODES as readonly unknown[]).includes(code);
}

/** A failure from across the bridge that is no `ApiError`: its own words are all there is. */
function failedSaying(detail: string): ApiError {
  return new ApiError('internal', detail, undefined, {
    reason: 'internal-failure-detail',
    values: { detail },
  });
}

/** The `ApiError` a bridged rejection stands for; any other failure is an `internal` one. */
export function apiErrorFromBridge(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason;
  if (typeof reason === 'object' && reason !== null) {
    const { name, code, message } = reason as Partial<Record<string, unknown>>;
    if (name === BRIDGED_ERROR_NAME && isErrorCode(code) && typeof message === 'string')
      return ApiError.fromBody(reason);
    if (typeof message === 'string') return failedSaying(message);
  }
  return failedSaying(String(reason));
}

/**
 * The page's AppApi over the preload's `window.journeyApp`: the same methods and events, with
 * failures as real `ApiError`s of the page's own realm (so `instanceof ApiError` holds).
 *
 * @example
 * const api = window.journeyApp ? apiFromBridge(window.journeyApp) : createHttpApi(options);
 */
export function apiFromBridge(bridge: AppApi): AppApi {
  const api: Record<string, unknown> = {};
  for (const method of APP_METHODS) {
    const call = bridge[method] as (input: unknown) => Promise<unknown>;
    api[method] = (input: unknown) =>
      call(input).catch((reason: unknown) => {
        throw apiErrorFromBridge(reason);
      });
  }
  for (const event of API_EVENTS) {
    const subscriber = eventSubscriberName(event);
    api[subscriber] = bridge[subscriber];
  }
  return api as AppApi;
}
