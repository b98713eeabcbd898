/**
 * How big a journey may be. Each bound keeps one kind of work finite and sits far above real
 * journeys: the starter templates have 6–14 steps, and journeys in the field's tools run to a few
 * hundred steps at most. Past these the app would not draw, check or run the journey in any
 * useful time, so it says so instead of hanging or running out of memory.
 */

/** Characters of one journey file: the same cap as importing one. A 2,000-step journey with a
 * long email every tenth step is about 4 MB. */
export const MAX_JOURNEY_FILE_CHARS = 10_000_000;
/** Steps in one journey: ten times the largest journeys we know of. Checking 2,000 steps takes
 * about a tenth of a second. */
export const MAX_NODES = 2_000;
/** Connections: five exits for each of the 2,000 steps. */
export const MAX_EDGES = 10_000;
/** Groups (all, any, not) inside groups in one condition; the condition builder shows three. */
export const MAX_CONDITION_DEPTH = 32;
/**
 * Objects and lists inside one another anywhere in the file. A condition at its deepest uses
 * 65 levels, the file around it 5: deeper files are refused before they are parsed, because the
 * JSON parser, the checks and the canvas all walk nesting by recursion.
 */
export const MAX_DOCUMENT_DEPTH = 100;

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** "4.2 MB", "140 MB". */
export function megabytes(size: number): string {
  const mb = size / 1_000_000;
  return `${mb >= 100 ? Math.round(mb) : Number(mb.toFixed(1))} MB`;
}

export const tooLargeMessage = (size: number) =>
  `This journey file is ${megabytes(size)}; a journey file can be at most ${megabytes(MAX_JOURNEY_FILE_CHARS)}.`;

export const tooManyNodesMessage = (nodes: number) =>
  `This journey has ${count(nodes)} steps; a journey can have at most ${count(MAX_NODES)}.`;

export const tooManyEdgesMessage = (edges: number) =>
  `This journey has ${count(edges)} connections; a journey can have at most ${count(MAX_EDGES)}.`;

export const TOO_DEEP_MESSAGE = `This journey is nested more than ${MAX_DOCUMENT_DEPTH} levels deep (a condition with groups inside groups, most likely); no journey needs that many.`;

export const CONDITION_TOO_DEEP_MESSAGE = `This condition has groups inside groups more than ${MAX_CONDITION_DEPTH} deep; simplify it (a journey can use several condition steps).`;
