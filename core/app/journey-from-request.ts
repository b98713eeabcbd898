import type { JourneyFileValues } from '../api/api-error-reasons';
import { ApiError } from '../api/contract';
import { journeyEnvelopeSchema, type Journey } from '../model/journey';
import { parseJourneyFile, serializeJourney, type FileProblem } from '../model/journey-file';
import { MAX_EDGES, MAX_NODES } from '../model/journey-limits';

/** The facts of the problem that refuses a journey, for the app's sentence of its code. */
function problemValues(problem: FileProblem | undefined, journey: Journey): JourneyFileValues {
  if (!problem) return { problem: 'invalid-structure' };
  switch (problem.code) {
    case 'unknown-kind': {
      const node = journey.nodes.find((n) => n.id === problem.nodeId);
      return { problem: problem.code, nodeId: problem.nodeId ?? '', kind: String(node?.kind) };
    }
    case 'duplicate-node-id':
      return { problem: problem.code, nodeId: problem.nodeId ?? '' };
    case 'too-many-nodes':
      return { problem: problem.code, count: journey.nodes.length, max: MAX_NODES };
    case 'too-many-edges':
      return { problem: problem.code, count: journey.edges.length, max: MAX_EDGES };
    default:
      return { problem: problem.code };
  }
}

/**
 * A journey document that arrives through the API, put through the journey-file rules: written
 * as a file and read back, exactly as it will be stored and exported. Anything the file format
 * cannot hold (an unknown kind, two nodes with one id, a missing name) refuses the whole
 * document with the field it concerns; a journey that merely has validation problems is fine.
 */
export function journeyFromRequest(document: unknown, field = 'journey'): Journey {
  const envelope = journeyEnvelopeSchema.safeParse(document);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    const path = issue?.path.filter((p) => typeof p !== 'symbol').map(String) ?? [];
    throw new ApiError(
      'invalid-request',
      `The journey cannot be stored: ${path.length ? `${path.join('.')}: ` : ''}${issue?.message ?? 'not a journey document'}.`,
      [field, ...path].join('.'),
      { reason: 'journey-file', values: { problem: 'invalid-structure' } },
    );
  }
  let text: string;
  try {
    text = serializeJourney(document as Journey);
  } catch (error) {
    throw new ApiError(
      'invalid-request',
      `The journey cannot be written as a file: ${(error as Error).message}.`,
      field,
      { reason: 'journey-file', values: { problem: 'invalid-structure' } },
    );
  }
  const parsed = parseJourneyFile(text);
  if (!parsed.ok) {
    const problem = parsed.problems[0];
    const journey = document as Journey;
    // The node it concerns: for two nodes with one id, the second one.
    const matches = journey.nodes.flatMap((n, i) => (n.id === problem?.nodeId ? [i] : []));
    const index = problem?.code === 'duplicate-node-id' ? (matches[1] ?? -1) : (matches[0] ?? -1);
    const key = problem?.code === 'unknown-kind' ? 'kind' : 'id';
    throw new ApiError(
      'invalid-request',
      `The journey cannot be stored: ${problem?.message ?? 'it is not a readable journey file'}`,
      index >= 0 ? `${field}.nodes.${index}.${key}` : field,
      { reason: 'journey-file', values: problemValues(problem, journey) },
    );
  }
  return parsed.journey;
}
