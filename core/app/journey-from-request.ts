import { ApiError } from '../api/contract';
import { journeyEnvelopeSchema, type Journey } from '../model/journey';
import { parseJourneyFile, serializeJourney } from '../model/journey-file';

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
    );
  }
  return parsed.journey;
}
