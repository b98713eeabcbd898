import type { Journey } from '../model/journey';
import { stepTitle } from '../nodes/step-title';

export type FoundStep =
  { ok: true; id: string } | { ok: false; ambiguous: boolean; message: string };

const MAX_LISTED = 8;

/**
 * Finds the step a case names: by its id, else by its title as the canvas shows it (its label,
 * else its summary, such as "Wait 1 day"), in any case. A title two steps share is ambiguous;
 * their ids tell them apart.
 */
export function stepFinder(journey: Journey): (name: string) => FoundStep {
  const ids = new Set(journey.nodes.map((n) => n.id));
  const byTitle = new Map<string, string[]>();
  for (const node of journey.nodes) {
    const title = stepTitle(node).trim().toLowerCase();
    byTitle.set(title, [...(byTitle.get(title) ?? []), node.id]);
  }
  const known = journey.nodes.slice(0, MAX_LISTED).map((n) => n.id);
  const more = journey.nodes.length > MAX_LISTED ? ', …' : '';
  return (name) => {
    if (ids.has(name)) return { ok: true, id: name };
    const matches = byTitle.get(name.trim().toLowerCase()) ?? [];
    if (matches.length === 1) return { ok: true, id: matches[0] as string };
    if (matches.length > 1)
      return {
        ok: false,
        ambiguous: true,
        message: `Several steps are called "${name}" (${matches.join(', ')}); name the step by its id.`,
      };
    return {
      ok: false,
      ambiguous: false,
      message: `The journey has no step "${name}"; name a step by its id (${known.join(', ')}${more}) or its title.`,
    };
  };
}
