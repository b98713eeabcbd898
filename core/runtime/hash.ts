/**
 * MurmurHash3 (x86, 32-bit) of a text's UTF-16 code units. Stable across platforms and runs:
 * split assignment depends on it, so it must never change for existing journeys.
 */
export function murmur3(text: string, seed = 0): number {
  let h = seed >>> 0;
  const length = text.length;
  let i = 0;
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  for (; i + 1 < length; i += 2) {
    let k = (text.charCodeAt(i) & 0xffff) | ((text.charCodeAt(i + 1) & 0xffff) << 16);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (i < length) {
    let k = text.charCodeAt(i) & 0xffff;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  }
  h ^= length * 2;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The split draw: a number in [0, 1) from journey, node and profile (and a simulation seed).
 * The same inputs always give the same number, so a profile always lands in the same variant.
 */
export function splitBucket(
  seed: number,
  journeyId: string,
  nodeId: string,
  profileId: string,
): number {
  return murmur3(`${journeyId}\u0000${nodeId}\u0000${profileId}`, seed) / 4294967296;
}
