import type { Channel } from '../../core/channels/registry';
import { parseDuration } from '../../core/model/duration';
import {
  MAX_POLICY_MESSAGES,
  POLICY_CHANNELS,
  type SendingPolicy,
} from '../../core/policy/sending-policy';

/** The units a window is written in, in the editor. */
export const WINDOW_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
export type WindowUnit = (typeof WINDOW_UNITS)[number];

/** One channel's limit as the editor holds it: text fields stay text until saved. */
export interface LimitRow {
  on: boolean;
  max: string;
  amount: string;
  unit: WindowUnit;
}

export type PolicyForm = Partial<Record<Channel, LimitRow>>;

/** What a limit starts at when switched on: the examples of DESIGN §8, and one push a day. */
const STARTING: Partial<Record<Channel, Omit<LimitRow, 'on'>>> = {
  email: { max: '1', amount: '16', unit: 'hours' },
  sms: { max: '2', amount: '7', unit: 'days' },
  push: { max: '3', amount: '1', unit: 'days' },
};
const FALLBACK: Omit<LimitRow, 'on'> = { max: '1', amount: '1', unit: 'days' };

/** A window as the editor shows it: a number and a unit (a mixed one in minutes, or hours). */
export function windowOf(per: string): { amount: number; unit: WindowUnit } {
  const parsed = parseDuration(per);
  if (!parsed.ok) return { amount: 1, unit: 'days' };
  const { years, months, weeks, days, hours, minutes, seconds } = parsed.duration;
  if (years + months + seconds === 0) {
    const parts = [
      [weeks, 'weeks'],
      [days, 'days'],
      [hours, 'hours'],
      [minutes, 'minutes'],
    ] as const;
    const used = parts.filter(([n]) => n > 0);
    if (used.length === 1) return { amount: used[0]![0], unit: used[0]![1] };
  }
  const total =
    ((((years * 365 + months * 30 + weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 +
      seconds) /
    60;
  return total % 60 === 0
    ? { amount: total / 60, unit: 'hours' }
    : { amount: Math.ceil(total), unit: 'minutes' };
}

/** The ISO 8601 duration of a window: 16 hours → `PT16H`, 7 days → `P7D`. */
export function perOf(amount: number, unit: WindowUnit): string {
  switch (unit) {
    case 'minutes':
      return `PT${amount}M`;
    case 'hours':
      return `PT${amount}H`;
    case 'days':
      return `P${amount}D`;
    case 'weeks':
      return `P${amount}W`;
  }
}

/** The editor's rows for a saved policy: one per channel a policy can limit. */
export function formOf(policy: SendingPolicy): PolicyForm {
  const form: PolicyForm = {};
  for (const channel of POLICY_CHANNELS) {
    const limit = policy[channel];
    if (limit) {
      const { amount, unit } = windowOf(limit.per);
      form[channel] = { on: true, max: String(limit.max), amount: String(amount), unit };
    } else {
      form[channel] = { on: false, ...(STARTING[channel] ?? FALLBACK) };
    }
  }
  return form;
}

/** A row's problem, for the field it is in. */
export type RowProblem = 'max' | 'amount';

/** The most of a unit a window may be: a year. */
const MOST: Record<WindowUnit, number> = { minutes: 525_600, hours: 8_760, days: 365, weeks: 52 };

function wholeIn(text: string, min: number, max: number): number | undefined {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : undefined;
}

/** Reads one switched-on row: its limit, or which field is wrong. */
export function readRow(row: LimitRow): { max: number; per: string } | RowProblem {
  const max = wholeIn(row.max, 1, MAX_POLICY_MESSAGES);
  if (max === undefined) return 'max';
  const amount = wholeIn(row.amount, 1, MOST[row.unit]);
  if (amount === undefined) return 'amount';
  return { max, per: perOf(amount, row.unit) };
}

/** The policy the editor's rows say, or the problems of each row that has one. */
export function policyOf(
  form: PolicyForm,
):
  | { ok: true; policy: SendingPolicy }
  | { ok: false; problems: Partial<Record<Channel, RowProblem>> } {
  const policy: SendingPolicy = {};
  const problems: Partial<Record<Channel, RowProblem>> = {};
  for (const channel of POLICY_CHANNELS) {
    const row = form[channel];
    if (!row?.on) continue;
    const read = readRow(row);
    if (typeof read === 'string') problems[channel] = read;
    else policy[channel] = read;
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, policy };
}

/** The upper bound of a unit, for the number field. */
export function mostOf(unit: WindowUnit): number {
  return MOST[unit];
}
