// A type only: the forecast does not load the sample generator (and its faker) to know personas.
import type { Persona } from '../simulator/sample-data';
import type { Reference } from './defaults';

/** The outcomes a persona changes; unsubscribes and complaints are left alone. */
export type PersonaOutcome = 'open' | 'click' | 'convert';

/**
 * How much more or less than the average each persona of the generated sample profiles
 * (simulator/sample-data.ts, attribute `persona`) opens, clicks and buys after a message. The
 * product's own assumption: no publisher gives these. They are chosen so that over the personas'
 * shares of a generated cohort the average stays close to 1 (0.98 for opens and clicks, 0.97 for
 * orders), so a cohort as a whole still responds at the assumed rates.
 */
export const PERSONA_MULTIPLIERS: Readonly<Record<Persona, Record<PersonaOutcome, number>>> = {
  'new-subscriber': { open: 1.2, click: 1.1, convert: 1 },
  regular: { open: 1, click: 1, convert: 1 },
  vip: { open: 1.3, click: 1.4, convert: 1.5 },
  'bargain-hunter': { open: 1, click: 1.2, convert: 1.2 },
  lapsed: { open: 0.5, click: 0.4, convert: 0.5 },
  browser: { open: 0.9, click: 0.9, convert: 0.8 },
};

export const PERSONA_REFERENCE: Reference = {
  publisher: 'Journey Studio',
  title: 'assumption',
  measures:
    'how much more or less than average each generated persona responds; no publisher gives these',
};

const known = new Set<string>(Object.keys(PERSONA_MULTIPLIERS));

/** The persona of a generated profile, or undefined for any other profile. */
export function personaOf(attributes: Readonly<Record<string, unknown>>): Persona | undefined {
  const persona = attributes.persona;
  return typeof persona === 'string' && known.has(persona) ? (persona as Persona) : undefined;
}
