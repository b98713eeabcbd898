import { z } from 'zod';
import { durationText, reportDrafts } from '../model/setting-fields';
import { checkExpect, expectSchema } from './expect';

/**
 * The journey settings a forecast reads (DESIGN §1 and §7): what the journey is for (which picks
 * the library's published benchmarks), the journey's own assumed responses, and message fatigue.
 * They are part of the one settings schema (model/journey-settings.ts), so the settings form
 * shows them with the rest.
 */

/** What a journey is for, with how the library calls it. */
export const PURPOSES = {
  abandoned_cart: { title: 'Abandoned cart', description: 'Reminds people who left a cart.' },
  browse_abandonment: {
    title: 'Browse abandonment',
    description: 'Follows up on products someone looked at.',
  },
  welcome: { title: 'Welcome', description: 'Greets new subscribers or customers.' },
  post_purchase: {
    title: 'After a purchase',
    description: 'Thanks, reviews, care tips and the next order.',
  },
  win_back: { title: 'Win-back', description: 'Brings back customers who stopped buying.' },
  birthday: { title: 'Birthday', description: 'Greets people on their day.' },
  campaign: { title: 'Campaign', description: 'A one-off send to a list or segment.' },
  other: { title: 'Something else', description: 'None of the above.' },
} as const;
export type Purpose = keyof typeof PURPOSES;
export const PURPOSE_KEYS = Object.keys(PURPOSES) as Purpose[];
/** The purpose of a journey that does not say. */
export const DEFAULT_PURPOSE: Purpose = 'other';

export const purposeSchema = z
  .union(
    PURPOSE_KEYS.map((key) => z.literal(key).meta(PURPOSES[key])) as unknown as [
      z.ZodLiteral<Purpose>,
      ...z.ZodLiteral<Purpose>[],
    ],
    {
      error: (issue) =>
        `The purpose must be one of ${PURPOSE_KEYS.join(', ')}, not ${JSON.stringify(issue.input)}.`,
    },
  )
  .optional()
  .meta({
    // Left out, a journey is "something else" (DEFAULT_PURPOSE); the form shows that choice.
    default: 'other',
    title: 'What is this journey for?',
    description:
      'Forecasts start from published benchmarks for this kind of journey until you set your own rates.',
    widget: 'choice',
    section: 'Forecast',
  });

/** `expect` in the settings: the default assumed responses of all the journey's messages. */
export const expectSetting = expectSchema
  .superRefine((value, ctx) => reportDrafts(checkExpect(value), ctx))
  .optional()
  .meta({
    title: 'Expected responses for every message',
    description:
      'Used for each message that does not set its own. Rates are shares of delivered messages: 0.45 is 45%.',
    widget: 'expect',
    section: 'Forecast',
    initial: { open: 0.4, click: 0.04, convert: 0.02, within: 'P3D' },
  });

const DECAY =
  'Fatigue "decay" is the share each earlier message takes off the rates, from 0 to 1 (0.1 for 10%).';

export const fatigueSchema = z
  .looseObject(
    {
      per: durationText('Fatigue window').meta({
        title: 'Counting messages received in the last',
        widget: 'duration',
      }),
      decay: z
        .number({ error: DECAY })
        .refine((decay) => Number.isFinite(decay) && decay >= 0 && decay <= 1, { error: DECAY })
        .meta({
          title: 'Each one lowers the rates by',
          description:
            'Per message received in the window: 10% makes the third message in it 81% as effective (0.9 × 0.9).',
          widget: 'percent',
        }),
    },
    { error: 'Fatigue needs per and decay, e.g. { "per": "P7D", "decay": 0.1 }.' },
  )
  .optional()
  .meta({
    title: 'Message fatigue: people respond less after many messages',
    description:
      'In forecasts, every message a person received in the window lowers the response rates of the next one.',
    widget: 'switch',
    section: 'Forecast',
    initial: { per: 'P7D', decay: 0.1 },
  });

/** Fatigue as the forecast runs it. */
export type Fatigue = NonNullable<z.output<typeof fatigueSchema>>;
