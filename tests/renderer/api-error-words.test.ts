import { describe, expect, it } from 'vitest';
import { API_ERROR_REASONS } from '../../core/api/api-error-reasons';
import { ApiError, parseAppInput } from '../../core/api/contract';
import { apiErrorWords } from '../../renderer/api/api-error-words';
import { say } from '../../renderer/i18n/words';
import { translator } from './translator';

const sv = translator('sv');
const en = translator('en');

describe('a failed call in the marketer’s language', () => {
  it('words a refused call from its reason, not from the engine’s English', () => {
    let refused: unknown;
    try {
      parseAppInput('getJourney', { id: 42 });
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ reason: 'invalid-input', field: 'id' });
    expect(say(sv, apiErrorWords(refused))).toBe(
      'Något i begäran stämde inte (id). Ladda om appen och försök igen.',
    );
  });

  it('keeps the engine’s words for a reason this version does not know, or none', () => {
    const newer = ApiError.fromBody({
      code: 'conflict',
      message: 'Newer words.',
      reason: 'from-a-newer-engine',
    });
    expect(say(sv, apiErrorWords(newer))).toBe('Newer words.');
    expect(say(sv, apiErrorWords(new ApiError('conflict', 'Plain.')))).toBe('Plain.');
    expect(say(sv, apiErrorWords(new TypeError('x is undefined')))).toBe(
      'Något gick fel: x is undefined',
    );
    expect(say(en, apiErrorWords('?'))).toBe('Something went wrong.');
  });

  it('has a sentence for every reason in every language', () => {
    for (const reason of API_ERROR_REASONS) {
      const error = new ApiError('invalid-request', 'English.', undefined, { reason });
      for (const t of [en, sv, translator('nb')])
        expect(say(t, apiErrorWords(error)), reason).not.toBe('English.');
    }
  });
});
