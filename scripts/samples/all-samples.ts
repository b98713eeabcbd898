import type { SplitConfig } from '../../core/nodes/split.node';
import { findStarter, type Starter } from '../../core/templates/starters';
import { abandonedCartSamples } from './abandoned-cart.samples';
import { birthdaySamples } from './birthday.samples';
import { browseAbandonmentSamples } from './browse-abandonment.samples';
import { loyaltyVipSamples } from './loyalty-vip.samples';
import { postPurchaseSamples } from './post-purchase.samples';
import type { SampleSet } from './sample-kit';
import { welcomeNurtureSamples } from './welcome-nurture.samples';
import { winBackSamples } from './win-back.samples';

function window(starter: Starter): { start: number; end: number } {
  return { start: Date.parse(starter.samples.start), end: Date.parse(starter.samples.end) };
}

const GENERATORS: Record<string, (starter: Starter) => SampleSet> = {
  'abandoned-cart': (s) => abandonedCartSamples(window(s).start),
  'welcome-nurture': (s) => welcomeNurtureSamples(window(s).start),
  'browse-abandonment': (s) => browseAbandonmentSamples(window(s).start),
  'post-purchase': (s) => postPurchaseSamples(window(s).start),
  'loyalty-vip': (s) => loyaltyVipSamples(window(s).start),
  birthday: (s) => birthdaySamples(window(s).start, window(s).end),
  'win-back': (s) => {
    const split = s.journey.nodes.find((n) => n.kind === 'split');
    return winBackSamples(window(s).start, split?.config as unknown as SplitConfig);
  },
};

/** Every starter's sample files, keyed by their path in the project: `assets/samples/<id>/…`. */
export function allSamples(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [id, generate] of Object.entries(GENERATORS)) {
    const starter = findStarter(id);
    if (!starter) throw new Error(`No starter "${id}" for its sample generator`);
    const set = generate(starter);
    files.set(starter.samples.profiles, set.profiles);
    files.set(starter.samples.events, set.events);
  }
  return files;
}
