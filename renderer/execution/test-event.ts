import type { AppInput } from '../../core/api/contract';

/** The test-event form as typed. */
export interface TestEventDraft {
  userId: string;
  event: string;
  /** JSON text of the event's properties; empty for none. */
  properties: string;
  /** An email address to give the profile first; empty for none. */
  email: string;
}

export type TestEventField = keyof TestEventDraft;

export type TestEventCheck =
  | { ok: true; input: AppInput<'sendTestEvent'> }
  | { ok: false; errors: Partial<Record<TestEventField, string>> };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EXAMPLE = '{ "sku": "A-1", "total": 42 }';

/** The properties as an object, or what is wrong with the text, in words. */
export function readProperties(
  text: string,
): { ok: true; value: Record<string, unknown> | undefined } | { ok: false; problem: string } {
  if (!text.trim()) return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: `This is not valid JSON (${detail}). Write an object, like ${EXAMPLE}.`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      problem: `Properties are one JSON object in braces, like ${EXAMPLE}.`,
    };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** Checks the form field by field; every problem is reported at its own field. */
export function readTestEvent(draft: TestEventDraft): TestEventCheck {
  const errors: Partial<Record<TestEventField, string>> = {};
  const userId = draft.userId.trim();
  const event = draft.event.trim();
  const email = draft.email.trim();
  if (!userId) errors.userId = 'Say whose event it is: a profile id, like ann or 12345.';
  else if (userId.length > 200) errors.userId = 'A profile id is at most 200 characters.';
  if (!event) errors.event = 'Name the event, like cart_abandoned.';
  else if (event.length > 200) errors.event = 'An event name is at most 200 characters.';
  const properties = readProperties(draft.properties);
  if (!properties.ok) errors.properties = properties.problem;
  if (email && !EMAIL.test(email))
    errors.email = 'This is not an email address (name@example.com).';
  if (Object.keys(errors).length > 0 || !properties.ok) return { ok: false, errors };
  return {
    ok: true,
    input: {
      userId,
      event,
      ...(properties.value && { properties: properties.value }),
      ...(email && { traits: { email } }),
    },
  };
}
