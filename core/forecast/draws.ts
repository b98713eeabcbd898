import { murmur3 } from '../runtime/hash';

/**
 * The draws of a forecast: every number comes from a stable hash of (seed, run, message,
 * outcome), where the message is its key `<journey>:<profile>:<entry>/<node>/<visit>` — so the
 * same seed and inputs give the same forecast, on one thread or many, whatever order profiles
 * run in (DESIGN §7). No generator state is carried from one draw to the next.
 */

/** The numbered draws of one message: whether each outcome happens, then when. */
export const DRAW = {
  open: 0,
  click: 1,
  convert: 2,
  unsubscribe: 3,
  complain: 4,
  openTime: 5,
  clickTime: 6,
  convertTime: 7,
  unsubscribeTime: 8,
  complainTime: 9,
} as const;

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
/** A second seed for the key's second hash, so two messages never share their draws. */
const SECOND = 0x2545f491;

function round(h: number, word: number): number {
  let k = Math.imul(word, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * The draws of one message in one run. The key is hashed twice (64 bits, so a million messages
 * share no pair), then each draw is MurmurHash3 of the words (second hash, run, draw number)
 * seeded with the first: the same hash as `murmur3`, over numbers instead of text.
 */
export class MessageDraws {
  private first = 0;
  private second = 0;
  private run = 0;

  /**
   * The two hashes of message keys, kept while one profile's runs are drawn (they are the same
   * in every run, and each run draws for the same messages again).
   */
  private readonly hashes = new Map<string, number[]>();
  private seed = 0;

  /** Forgets the hashes kept (another profile begins). */
  forget(): void {
    if (this.hashes.size > 0) this.hashes.clear();
  }

  /** Sets the message and run the next draws are for. */
  set(seed: number, key: string, run: number): void {
    if (seed !== this.seed) {
      this.forget();
      this.seed = seed;
    }
    let hashes = this.hashes.get(key);
    if (!hashes) {
      hashes = [murmur3(key, seed), murmur3(key, (seed ^ SECOND) >>> 0)];
      this.hashes.set(key, hashes);
    }
    this.first = hashes[0] as number;
    this.second = hashes[1] as number;
    this.run = run;
  }

  /** A number in [0, 1), the same for the same seed, message, run and draw. */
  uniform(draw: number): number {
    let h = round(this.first, this.second);
    h = round(h, this.run);
    h = round(h, draw);
    h ^= 12;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  }
}

/** 1 − e^(−4): the share of an exponential law with mean W/4 that falls inside W. */
const INSIDE = 1 - Math.exp(-4);

/**
 * How long after its cause a response comes: an exponential delay with mean W/4, cut at the
 * window W (d = −τ·ln(1 − v·(1 − e^(−W/τ))), τ = W/4, from a uniform v), rounded up to a whole
 * second, so a response is never at the instant of its cause. Most responses come early, as
 * opens and clicks do after a send; none come after the window.
 */
export function responseDelay(windowMs: number, v: number): number {
  if (!(windowMs > 0)) return 1000;
  const d = -(windowMs / 4) * Math.log(1 - v * INSIDE);
  return Math.max(1000, Math.ceil(d / 1000) * 1000);
}
