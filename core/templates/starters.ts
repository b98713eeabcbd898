import type { Journey } from '../model/journey';
import abandonedCart from '../../assets/templates/abandoned-cart.json';

/** A starter journey a marketer begins from: best practice, realistic copy, sensible timing. */
export interface Starter {
  id: string;
  name: string;
  description: string;
  /** What it is for: cart, welcome, nurture, post-purchase, loyalty, birthday, win-back. */
  category: string;
  journey: Journey;
}

function starter(category: string, document: unknown): Starter {
  const journey = document as Journey;
  return {
    id: journey.id,
    name: journey.name,
    description: journey.description ?? '',
    category,
    journey,
  };
}

/** The starter journeys, in the order the library offers them. */
export const STARTERS: readonly Starter[] = [starter('cart', abandonedCart)];

export function findStarter(id: string): Starter | undefined {
  return STARTERS.find((s) => s.id === id);
}
