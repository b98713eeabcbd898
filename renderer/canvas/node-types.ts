import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { NodeCard } from '../nodes/NodeCard';
import { JourneyEdge } from './JourneyEdge';

/** Defined once at module level: React Flow re-creates every node when these objects change. */
export const nodeTypes = { journey: NodeCard } satisfies NodeTypes;
export const edgeTypes = { journey: JourneyEdge } satisfies EdgeTypes;
