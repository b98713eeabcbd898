import type { JourneyEvent } from '../../../core/model/event';
import type { Journey, JourneySettings } from '../../../core/model/journey';
import { makeProfile, type Profile } from '../../../core/model/profile';
import { simulate, type SimulationInput } from '../../../core/simulator/simulate';
import { journey, node } from '../build';

export const at = (iso: string): number => Date.parse(iso);

export function ev(
  profileId: string,
  name: string,
  iso: string,
  properties: Record<string, unknown> = {},
): JourneyEvent {
  return { profileId, name, time: at(iso), properties };
}

export function profile(id: string, attributes: Record<string, unknown> = {}): Profile {
  return makeProfile(id, { email: `${id}@example.com`, ...attributes });
}

export const email = (id: string, subject = 'Hello', html = '<p>Hi {{ profile.first_name }}</p>') =>
  node(id, 'message', { channel: 'email', from: 'shop@example.com', subject, html });

export const cartTrigger = (id = 'start') => node(id, 'trigger', { on: 'event', event: 'cart' });

/** Simulates with traces on; profiles only named in events get an email address (`<id>@example.com`). */
export function run(j: Journey, input: Omit<SimulationInput, 'journey'> = {}) {
  const given = [...(input.profiles ?? [])];
  const known = new Set(given.map((p) => p.id));
  for (const e of input.events ?? []) {
    if (!known.has(e.profileId)) {
      known.add(e.profileId);
      given.push(profile(e.profileId));
    }
  }
  return simulate({ trace: 'all', ...input, profiles: given, journey: j });
}

/** The text of every step of one profile, for golden comparisons. */
export function path(result: ReturnType<typeof run>, profileId: string): string[] {
  return (result.traces.get(profileId) ?? []).map((s) => `${s.at.slice(0, 19)} ${s.text}`);
}

export function withSettings(j: Journey, settings: JourneySettings): Journey {
  return { ...j, settings: { ...j.settings, ...settings } };
}

export { journey, node };
