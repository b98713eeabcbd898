import { z } from 'zod';
import type { JsonPath } from '../model/json-text';
import { checkDuration } from '../nodes/fields';
import type { IssueDraft } from '../validation/catalogue';

/**
 * Assumed responses to a message (DESIGN §7): each a share of delivered messages, 0 to 1.
 * `click` is counted among opened messages, so it is never above `open`; `within` is the window
 * in which the responses happen (default `P3D`).
 */
export interface Expect {
  open?: number;
  click?: number;
  convert?: number;
  unsubscribe?: number;
  complain?: number;
  within?: string;
}

/** The responses a forecast draws, in the order they are drawn and listed. */
export const OUTCOMES = ['open', 'click', 'convert', 'unsubscribe', 'complain'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The response window when neither the message nor the journey gives one. */
export const DEFAULT_WITHIN = 'P3D';

/** What each outcome is called in a sentence: "the open rate", "45% open". */
export const OUTCOME_WORDS: Record<Outcome, { rate: string; short: string }> = {
  open: { rate: 'open rate', short: 'open' },
  click: { rate: 'click rate', short: 'click' },
  convert: { rate: 'conversion rate', short: 'order' },
  unsubscribe: { rate: 'unsubscribe rate', short: 'unsubscribe' },
  complain: { rate: 'complaint rate', short: 'spam complaint' },
};

const rate = (outcome: Outcome, title: string, description: string) =>
  z
    .number({
      error: `The ${OUTCOME_WORDS[outcome].rate} is a share from 0 to 1, e.g. 0.45 for 45%.`,
    })
    .optional()
    .meta({ title, description });

/**
 * The shape of `expect`, on a message node and in the journey settings alike. Values are checked
 * by `checkExpect`, which words each problem with its own code; the schema only asks for numbers
 * and a text, so a journey with a rate of 45 (meant as 45%) still loads and says what is wrong.
 */
export const expectSchema = z
  .looseObject(
    {
      open: rate('open', 'Opened', 'Share of delivered messages opened: 0.45 is 45%.'),
      click: rate(
        'click',
        'Clicked',
        'Share of delivered messages clicked (clicks are counted among opens, so at most the open share).',
      ),
      convert: rate(
        'convert',
        'Caused an order',
        'Share of delivered messages that cause the goal event; people who would have done it anyway are not counted.',
      ),
      unsubscribe: rate(
        'unsubscribe',
        'Unsubscribed',
        'Share of delivered messages after which the person unsubscribes.',
      ),
      complain: rate(
        'complain',
        'Marked as spam',
        'Share of delivered messages reported as spam; the address is then suppressed.',
      ),
      within: z
        .string({ error: 'The response window is a duration such as P3D.' })
        .optional()
        .meta({
          title: 'Within',
          description: 'How long after delivery people respond (3 days when left out).',
          widget: 'duration',
        }),
    },
    { error: 'Expected responses are an object, e.g. { "open": 0.45, "click": 0.04 }.' },
  )
  .meta({
    title: 'Expected responses (forecast)',
    description:
      'What you assume people do with this message, for forecasts. Left out, the journey’s assumptions or the library’s published benchmarks apply.',
    widget: 'expect',
    initial: { open: 0.4, click: 0.04, convert: 0.02, within: DEFAULT_WITHIN },
  });

/** A share as a marketer reads it, to three significant digits: 0.045 → "4.5%", 0.0205 → "2.05%". */
export function percent(share: number): string {
  return `${Number((share * 100).toPrecision(3))}%`;
}

/**
 * The problems of an `expect` object, each with its code: a rate outside 0–1
 * (`expect-rate-invalid`), a click rate above the open rate (`expect-click-above-open`), a
 * response window that is not a positive duration (`duration-invalid`). Paths are relative to
 * `path`.
 */
export function checkExpect(value: unknown, path: JsonPath = []): IssueDraft[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const expect = value as Record<string, unknown>;
  const issues: IssueDraft[] = [];
  for (const outcome of OUTCOMES) {
    const share = expect[outcome];
    if (share === undefined || typeof share !== 'number') continue;
    if (!(Number.isFinite(share) && share >= 0 && share <= 1)) {
      const hint = share > 1 && share <= 100 ? ` (for ${share}%, write ${share / 100})` : '';
      issues.push({
        code: 'expect-rate-invalid',
        path: [...path, outcome],
        message: `The ${OUTCOME_WORDS[outcome].rate} is a share from 0 to 1, not ${share}${hint}.`,
      });
    }
  }
  const { open, click } = expect;
  if (
    typeof open === 'number' &&
    typeof click === 'number' &&
    open >= 0 &&
    open <= 1 &&
    click <= 1 &&
    click > open
  ) {
    issues.push({
      code: 'expect-click-above-open',
      path: [...path, 'click'],
      message: `Clicks are counted among opened messages, so the click rate (${percent(click)}) cannot be above the open rate (${percent(open)}).`,
    });
  }
  if (typeof expect.within === 'string')
    issues.push(...checkDuration(expect.within, [...path, 'within'], 'Response window'));
  return issues;
}
