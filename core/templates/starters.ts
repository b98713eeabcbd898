import type { TemplateSummary } from '../api/contract';
import type { Journey } from '../model/journey';
import abandonedCart from '../../assets/templates/abandoned-cart.json';
import birthday from '../../assets/templates/birthday.json';
import browseAbandonment from '../../assets/templates/browse-abandonment.json';
import loyaltyVip from '../../assets/templates/loyalty-vip.json';
import postPurchase from '../../assets/templates/post-purchase.json';
import welcomeNurture from '../../assets/templates/welcome-nurture.json';
import winBack from '../../assets/templates/win-back.json';

/** What a starter is for; the library groups starters by it. */
export type StarterCategory =
  'cart' | 'welcome' | 'nurture' | 'post-purchase' | 'loyalty' | 'birthday' | 'win-back';

/**
 * The sample data a starter ships with, and the window that shows it best. Paths are relative
 * to the project folder (where `npm run cli` runs); times are ISO 8601.
 */
export interface StarterSamples {
  profiles: string;
  events: string;
  start: string;
  end: string;
}

/** A starter journey a marketer begins from: best practice, realistic copy, sensible timing. */
export interface Starter {
  id: string;
  name: string;
  description: string;
  category: StarterCategory;
  journey: Journey;
  /** The journey file, relative to the project folder. */
  file: string;
  samples: StarterSamples;
}

function starter(
  category: StarterCategory,
  document: unknown,
  window: { start: string; end: string },
): Starter {
  const journey = document as Journey;
  const folder = `assets/samples/${journey.id}`;
  return {
    id: journey.id,
    name: journey.name,
    description: journey.description ?? '',
    category,
    journey,
    file: `assets/templates/${journey.id}.json`,
    samples: { profiles: `${folder}/profiles.csv`, events: `${folder}/events.csv`, ...window },
  };
}

const WEEKS_3 = { start: '2025-03-03T00:00:00Z', end: '2025-03-24T00:00:00Z' };

/** The starter journeys, in the order the library offers them. */
export const STARTERS: readonly Starter[] = [
  starter('cart', abandonedCart, WEEKS_3),
  starter('welcome', welcomeNurture, {
    start: '2025-03-03T00:00:00Z',
    end: '2025-03-31T00:00:00Z',
  }),
  starter('nurture', browseAbandonment, WEEKS_3),
  starter('post-purchase', postPurchase, {
    start: '2025-03-03T00:00:00Z',
    end: '2025-04-14T00:00:00Z',
  }),
  starter('loyalty', loyaltyVip, { start: '2025-03-03T00:00:00Z', end: '2025-04-07T00:00:00Z' }),
  starter('birthday', birthday, { start: '2025-03-01T00:00:00Z', end: '2025-04-01T00:00:00Z' }),
  starter('win-back', winBack, { start: '2025-03-03T00:00:00Z', end: '2025-04-14T00:00:00Z' }),
];

export function findStarter(id: string): Starter | undefined {
  return STARTERS.find((s) => s.id === id);
}

/** The library's list of starters (`AppApi.listTemplates`). */
export function listTemplates(): TemplateSummary[] {
  return STARTERS.map(({ id, name, description, category }) => ({
    id,
    name,
    description,
    category,
  }));
}

/**
 * A new journey from a starter, for "New from template": a deep copy under its own id and name,
 * so editing it never touches the starter.
 *
 * @example
 * const journey = journeyFromStarter(findStarter('win-back')!, { id: 'spring-win-back', name: 'Spring win-back' });
 */
export function journeyFromStarter(
  starter: Starter,
  identity: { id: string; name: string },
): Journey {
  const copy = JSON.parse(JSON.stringify(starter.journey)) as Journey;
  return { ...copy, id: identity.id, name: identity.name };
}

/** The command that simulates a starter on its sample data, as the README and `templates` show it. */
export function simulateCommandLine(starter: Starter): string {
  const { profiles, events, start, end } = starter.samples;
  return `npm run cli -- simulate ${starter.file} --profiles ${profiles} --events ${events} --start ${start} --end ${end}`;
}
