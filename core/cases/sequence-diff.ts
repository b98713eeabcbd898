/** One line of a comparison of what was expected with what happened. */
export type DiffLine<E, A> =
  | { readonly kind: 'same'; readonly expected: E; readonly actual: A }
  /** Expected, and did not happen (there). */
  | { readonly kind: 'missing'; readonly expected: E }
  /** Happened, and was not expected (there). */
  | { readonly kind: 'extra'; readonly actual: A };

/**
 * The two lists lined up as a text diff lines them up: the longest run of items that match in
 * order is kept, the rest is missing or extra where it falls. Quadratic in the lengths, which
 * the callers bound (a case expects at most a thousand items).
 */
export function diffSequences<E, A>(
  expected: readonly E[],
  actual: readonly A[],
  same: (expected: E, actual: A) => boolean,
): DiffLine<E, A>[] {
  const n = expected.length;
  const m = actual.length;
  const width = m + 1;
  // lcs[i * width + j]: the longest match of expected[i..] with actual[j..].
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * width + j] = same(expected[i] as E, actual[j] as A)
        ? (lcs[(i + 1) * width + j + 1] as number) + 1
        : Math.max(lcs[(i + 1) * width + j] as number, lcs[i * width + j + 1] as number);
  const out: DiffLine<E, A>[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(expected[i] as E, actual[j] as A)) {
      out.push({ kind: 'same', expected: expected[i] as E, actual: actual[j] as A });
      i++;
      j++;
    } else if ((lcs[(i + 1) * width + j] as number) >= (lcs[i * width + j + 1] as number)) {
      out.push({ kind: 'missing', expected: expected[i++] as E });
    } else {
      out.push({ kind: 'extra', actual: actual[j++] as A });
    }
  }
  while (i < n) out.push({ kind: 'missing', expected: expected[i++] as E });
  while (j < m) out.push({ kind: 'extra', actual: actual[j++] as A });
  return out;
}
