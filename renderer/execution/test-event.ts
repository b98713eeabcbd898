import type { AppInput } from '../../core/api/contract';
import { typeCell } from '../../core/import/cell-value';
import type { MessageId } from '../i18n/messages';
import type { MessageValues } from '../i18n/I18nProvider';

/** One property of the test event, as typed in its row. */
export interface PropertyRow {
  name: string;
  value: string;
}

/** The test-event form as typed. */
export interface TestEventDraft {
  userId: string;
  event: string;
  /** The event's properties, a name and a value per row; rows left blank are ignored. */
  properties: readonly PropertyRow[];
  /** An email address to give the profile first; empty for none. */
  email: string;
}

export type TestEventField = keyof TestEventDraft;

/** A problem with a field, as a message of the catalogues. */
export interface FieldProblem {
  id: MessageId;
  values?: MessageValues;
  /** For properties: the row (0-based) the problem is on. */
  row?: number;
}

export type TestEventCheck =
  | { ok: true; input: AppInput<'sendTestEvent'> }
  | { ok: false; errors: Partial<Record<TestEventField, FieldProblem>> };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** More than any test needs; the event API itself takes larger events. */
export const MAX_PROPERTY_ROWS = 50;
const MAX_TEXT = 200;

/**
 * The rows as the event's properties: a value typed as a number or yes/no when that is
 * unambiguous (`42`, `true`), as the importer types a cell, otherwise text; or the first row's
 * problem. A row with neither name nor value is skipped.
 */
export function readProperties(
  rows: readonly PropertyRow[],
): { ok: true; value: Record<string, unknown> | undefined } | { ok: false; problem: FieldProblem } {
  const value: Record<string, unknown> = {};
  const seen = new Map<string, number>();
  for (const [row, { name: raw, value: text }] of rows.slice(0, MAX_PROPERTY_ROWS).entries()) {
    const name = raw.trim();
    if (!name && !text.trim()) continue;
    const at = { row: row + 1 };
    if (!name) return { ok: false, problem: { id: 'run.test.prop.noName', values: at, row } };
    if (name.length > MAX_TEXT) {
      return { ok: false, problem: { id: 'run.test.prop.longName', values: at, row } };
    }
    const first = seen.get(name);
    if (first !== undefined) {
      return {
        ok: false,
        problem: { id: 'run.test.prop.twice', values: { ...at, name, first: first + 1 }, row },
      };
    }
    seen.set(name, row);
    value[name] = text.trim() === '' ? '' : typeCell(text.trim());
  }
  return { ok: true, value: seen.size > 0 ? value : undefined };
}

/** Checks the form field by field; every problem is reported at its own field. */
export function readTestEvent(draft: TestEventDraft): TestEventCheck {
  const errors: Partial<Record<TestEventField, FieldProblem>> = {};
  const userId = draft.userId.trim();
  const event = draft.event.trim();
  const email = draft.email.trim();
  if (!userId) errors.userId = { id: 'run.test.noUser' };
  else if (userId.length > MAX_TEXT) errors.userId = { id: 'run.test.longUser' };
  if (!event) errors.event = { id: 'run.test.noEvent' };
  else if (event.length > MAX_TEXT) errors.event = { id: 'run.test.longEvent' };
  const properties = readProperties(draft.properties);
  if (!properties.ok) errors.properties = properties.problem;
  if (email && !EMAIL.test(email)) errors.email = { id: 'run.test.badEmail' };
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
