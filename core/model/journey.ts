import { z } from 'zod';
import type { JourneySettings } from './journey-settings';
import { hiddenCharacter } from './id-text';

// The settings' type follows their schema; it is named here too, beside the journey that holds them.
export type { JourneySettings } from './journey-settings';

/** The `format` value every journey file carries. */
export const JOURNEY_FORMAT = 'journey-studio/journey';
/** The newest journey file version this build reads and writes. */
export const JOURNEY_VERSION = 1;

export interface Position {
  x: number;
  y: number;
}

/**
 * One step of a journey. `config` is interpreted by the node definition of `kind`
 * (see core/nodes). Keys this build does not know are kept on the object as they were read.
 */
export interface JourneyNode {
  id: string;
  kind: string;
  /** Optional name shown on the canvas instead of the kind's label. */
  label?: string;
  position?: Position;
  config: Record<string, unknown>;
}

/** A connection from an output `port` of node `from` to node `to`. */
export interface JourneyEdge {
  from: string;
  /** Omitted when the source node has the single output port `next`. */
  port?: string;
  to: string;
}

export interface Journey {
  format: typeof JOURNEY_FORMAT;
  version: typeof JOURNEY_VERSION;
  id: string;
  name: string;
  description?: string;
  settings: JourneySettings;
  nodes: JourneyNode[];
  edges: JourneyEdge[];
}

/** The port a node with one output uses. */
export const DEFAULT_PORT = 'next';

/** The port an edge leaves through, with the `next` default applied. */
export function edgePort(edge: JourneyEdge): string {
  return edge.port ?? DEFAULT_PORT;
}

const idSchema = z
  .string({ error: 'must be a text id' })
  .min(1, { error: 'must not be empty' })
  .max(120, { error: 'must be at most 120 characters' })
  .refine((id) => id.trim() === id, {
    error: 'must not start or end with spaces',
    params: { problem: 'spaces' },
  })
  .superRefine((id, ctx) => {
    const hidden = hiddenCharacter(id);
    if (hidden !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `contains ${hidden}; ids must be plain text, since such characters make one id look like another`,
        params: { problem: 'hidden', character: /U\+[0-9A-F]+/.exec(hidden)?.[0] ?? '' },
      });
    }
  });

const positionSchema = z.looseObject({
  x: z.number({ error: 'x must be a number' }),
  y: z.number({ error: 'y must be a number' }),
});

/**
 * The envelope of a journey file: what must hold for the file to be read at all.
 * Node configs and settings are only required to be objects here; their meaning is checked by
 * the validator, so an editor can open a journey that still has problems and show them.
 */
export const journeyEnvelopeSchema = z.looseObject({
  format: z.literal(JOURNEY_FORMAT, { error: `format must be "${JOURNEY_FORMAT}"` }),
  version: z.literal(JOURNEY_VERSION),
  id: idSchema,
  name: z.string({ error: 'name must be text' }),
  description: z.string({ error: 'description must be text' }).optional(),
  settings: z.looseObject({}).default({}),
  nodes: z.array(
    z.looseObject({
      id: idSchema,
      kind: z.string({ error: 'kind must be text' }).min(1, { error: 'kind must not be empty' }),
      label: z.string({ error: 'label must be text' }).optional(),
      position: positionSchema.optional(),
      config: z.record(z.string(), z.unknown(), { error: 'config must be an object' }).default({}),
    }),
    { error: 'nodes must be a list' },
  ),
  edges: z.array(
    z.looseObject({
      from: idSchema,
      port: z.string({ error: 'port must be text' }).min(1).optional(),
      to: idSchema,
    }),
    { error: 'edges must be a list' },
  ),
});
