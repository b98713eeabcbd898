import type { ApiErrorReason } from '../../core/api/api-error-reasons';
import { ApiError } from '../../core/api/contract';
import type { MessageId } from '../i18n/messages';
import { words, type Words } from '../i18n/words';

/** Each reason an API error can give (core/api/api-error-reasons.ts) and its sentence. */
const REASONS: Record<ApiErrorReason, MessageId> = {
  'invalid-input': 'apiError.invalidInput',
};

/**
 * What a failed call says to the marketer, in the chosen language: the sentence of its reason
 * with its values; an error without a reason this version knows (an older or newer engine's)
 * keeps the engine's own words.
 */
export function apiErrorWords(error: unknown): Words {
  if (error instanceof ApiError) {
    const id = error.reason === undefined ? undefined : REASONS[error.reason as ApiErrorReason];
    if (id) return words(id, { field: error.field ?? '', ...error.values });
    return words('apiError.asSaid', { detail: error.message });
  }
  if (error instanceof Error) return words('apiError.unexpected', { detail: error.message });
  return words('apiError.unknown');
}
