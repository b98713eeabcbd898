import {
  ApiError,
  appContract,
  isAppMethod,
  parseAppInput,
  type ApiEnvelope,
  type AppMethod,
} from '../api/contract';

/** What serves one method: given the input its schema parsed, it answers or throws. */
export type CallRoute = (input: unknown) => Promise<unknown>;

export interface CallDispatch {
  /** The route serving `method`; undefined for a method this carrier does not serve. */
  route(method: AppMethod): CallRoute | undefined;
  /** Where unexpected failures are written, with their stack. */
  log(line: string): void;
  /**
   * Whether the answer to an unexpected failure carries its message. Only where the caller is
   * the app itself (the engine process answering main); a page is told that the call failed,
   * never why, so no path or secret in an error reaches it.
   */
  revealCauses?: boolean;
}

function refusal(error: ApiError): ApiEnvelope<never> {
  return { ok: false, error: error.toBody() };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * One call of the app's API, as every carrier serves it (Electron's main process and engine
 * process, browser mode's server): an unknown method is refused, the input is checked against
 * the method's schema, the route answers, and the answer is cut to the method's output schema,
 * so nothing the contract does not name — a secret, a path — leaves even if a handler returned
 * it. A handler's `ApiError` is the envelope's error; anything else is logged and answered as
 * an `internal` error.
 *
 * @example
 * const envelope = await dispatchCall(
 *   { route: (m) => (isApiMethod(m) ? handlers[m] : undefined), log: console.error },
 *   'getJourney',
 *   { id: 'cart' },
 * );
 */
export async function dispatchCall(
  dispatch: CallDispatch,
  method: unknown,
  input: unknown,
): Promise<ApiEnvelope<unknown>> {
  const known = typeof method === 'string' && isAppMethod(method) ? method : undefined;
  const route = known === undefined ? undefined : dispatch.route(known);
  if (known === undefined || route === undefined)
    return refusal(
      new ApiError('invalid-request', `Unknown method ${String(method)}.`, undefined, {
        reason: 'unknown-method',
        values: { method: String(method).slice(0, 100) },
      }),
    );
  let value: unknown;
  try {
    value = await route(parseAppInput(known, input));
  } catch (error) {
    if (error instanceof ApiError) return refusal(error);
    dispatch.log(`${known} failed: ${describe(error)}`);
    if (!dispatch.revealCauses)
      return refusal(
        new ApiError('internal', `${known} failed unexpectedly.`, undefined, {
          reason: 'internal-failure',
        }),
      );
    const detail = error instanceof Error ? error.message : String(error);
    return refusal(
      new ApiError('internal', detail, undefined, {
        reason: 'internal-failure-detail',
        values: { detail },
      }),
    );
  }
  const output = appContract[known].output.safeParse(value);
  if (!output.success) {
    dispatch.log(`${known} answered outside its schema: ${output.error.message}`);
    return refusal(
      new ApiError('internal', `${known} answered in an unexpected shape.`, undefined, {
        reason: 'internal-failure',
      }),
    );
  }
  return { ok: true, value: output.data };
}

/** The value of an envelope, or its error thrown as the `ApiError` it stands for. */
export function unwrapEnvelope(envelope: ApiEnvelope<unknown>): unknown {
  if (envelope.ok) return envelope.value;
  throw ApiError.fromBody(envelope.error);
}
