import type { EngineInput } from '../../executor/ports';

/** The sender's message id of an input, by which a retried request is recognised. */
export function messageIdOf(input: EngineInput): string | undefined {
  if (input.type === 'track') return input.event.messageId;
  if (input.type === 'identify') return input.messageId;
  return undefined;
}

/** An input as it is kept until applied: an event without a time happened when it was accepted. */
export function stampedInput(input: EngineInput, receivedAt: number): EngineInput {
  return input.type === 'track'
    ? { ...input, event: { ...input.event, time: input.event.time ?? receivedAt } }
    : input;
}
