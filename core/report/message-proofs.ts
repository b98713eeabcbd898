import { templateTexts, type TemplateFieldSpec } from '../channels/channel-definition';
import { channelDefinition, isChannel } from '../channels/registry';
import type { Journey, JourneyNode } from '../model/journey';
import { isNodeKind, nodeDefinition } from '../nodes/registry';
import { stepTitle } from '../nodes/step-title';
import { renderTemplate } from '../runtime/templating';

/** A sample person a proof is rendered for: who, and the event that started their journey. */
export interface ProofPerson {
  /** How the pack names them: "Emma Lind". */
  name: string;
  /** A few words on who they are, when known. */
  note?: string;
  profile: Readonly<Record<string, unknown>>;
  event: Readonly<Record<string, unknown>>;
}

/** One template field of a message as one person would get it. */
export interface ProofField {
  spec: TemplateFieldSpec;
  /** The rendered text, or why it cannot be rendered. */
  result: { ok: true; text: string } | { ok: false; error: string };
}

/** A message step, rendered for each sample person. */
export interface MessageProof {
  nodeId: string;
  title: string;
  /** The channel's name: "Email", "SMS". */
  channel: string;
  people: { person: ProofPerson; fields: ProofField[] }[];
}

/** Proofs show at most this many people: the pack is read, not scrolled through. */
export const MAX_PROOF_PEOPLE = 3;
/** Messages past this many are counted, not rendered (a journey has at most a few hundred steps). */
export const MAX_PROOF_MESSAGES = 60;

const PROOF_UNSUBSCRIBE_URL = 'https://example.com/unsubscribe?proof=1';

function sendsChannel(node: JourneyNode): string | undefined {
  if (!isNodeKind(node.kind)) return undefined;
  const definition = nodeDefinition(node.kind);
  if (!definition.sends) return undefined;
  const parsed = definition.schema.safeParse(node.config);
  return parsed.success ? definition.sends.channel(parsed.data) : undefined;
}

/**
 * Every message of the journey rendered for each sample person, with the engine's own Liquid
 * (as the inspector's preview and the interpreter render them), at the fixed instant `at` — so a
 * proof is the same every time it is made. A field that does not render says why.
 *
 * @example
 * messageProofs(journey, people.slice(0, 3), Date.parse('2025-03-03T09:00:00Z'));
 */
export function messageProofs(
  journey: Journey,
  people: readonly ProofPerson[],
  at: number,
): { proofs: MessageProof[]; leftOut: number } {
  const shown = people.slice(0, MAX_PROOF_PEOPLE);
  const proofs: MessageProof[] = [];
  let leftOut = 0;
  for (const node of journey.nodes) {
    const name = sendsChannel(node);
    if (name === undefined || !isChannel(name)) continue;
    if (proofs.length >= MAX_PROOF_MESSAGES) {
      leftOut++;
      continue;
    }
    const channel = channelDefinition(name);
    const texts = templateTexts(channel, node.config);
    proofs.push({
      nodeId: node.id,
      title: stepTitle(node),
      channel: channel.label,
      people: shown.map((person) => {
        const scope = {
          profile: person.profile,
          event: person.event,
          journey: { id: journey.id, name: journey.name },
          unsubscribe_url: PROOF_UNSUBSCRIBE_URL,
          now: new Date(at),
        };
        return {
          person,
          fields: texts.map(({ spec, text }) => ({
            spec,
            result: renderTemplate(text, spec.mode, scope),
          })),
        };
      }),
    });
  }
  return { proofs, leftOut };
}
