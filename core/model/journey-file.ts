import type { z } from 'zod';
import { NODE_KINDS, isNodeKind, nodeDefinition } from '../nodes/registry';
import { visibleText } from './id-text';
import {
  isRecord,
  locationAt,
  nestingBeyond,
  parseJsonText,
  type JsonPath,
  type TextLocation,
} from './json-text';
import {
  MAX_DOCUMENT_DEPTH,
  MAX_EDGES,
  MAX_JOURNEY_FILE_CHARS,
  MAX_NODES,
  TOO_DEEP_MESSAGE,
  tooLargeMessage,
  tooManyEdgesMessage,
  tooManyNodesMessage,
} from './journey-limits';
import { JOURNEY_FORMAT, JOURNEY_VERSION, type Journey } from './journey';
import { journeyEnvelopeSchema } from './journey';
import { SETTINGS_KEYS } from './journey-settings';
import { JOURNEY_MIGRATIONS, migrateDocument, type Migration } from './migrations';

/** Why a file could not be read as a journey at all. */
export type FileProblemCode =
  | 'invalid-json'
  | 'not-a-journey'
  | 'unsupported-version'
  | 'unknown-kind'
  | 'invalid-structure'
  | 'duplicate-node-id'
  | 'journey-too-large'
  | 'nesting-too-deep'
  | 'too-many-nodes'
  | 'too-many-edges';

/**
 * The facts a problem's sentence is made of, so an app can word it in its own language: limits
 * and sizes, the version found, the step's id and name, the field, the JSON parser's error name.
 */
export type FileProblemValues = Record<string, string | number>;

export interface FileProblem {
  code: FileProblemCode;
  /** The problem in English, as the command line prints it. */
  message: string;
  values: FileProblemValues;
  line?: number;
  column?: number;
  nodeId?: string;
}

export type JourneyFileResult =
  | {
      ok: true;
      journey: Journey;
      /** Finds the line of a value in the text as read (before any migration). */
      locate: (path: JsonPath) => TextLocation | undefined;
      /** Migrations applied to reach the current version. */
      migrated: string[];
    }
  | { ok: false; problems: FileProblem[] };

/**
 * A new journey with nothing on it yet, in the current format.
 *
 * @example
 * const journey = emptyJourney('welcome', 'Welcome series');
 */
export function emptyJourney(id: string, name: string): Journey {
  return {
    format: JOURNEY_FORMAT,
    version: JOURNEY_VERSION,
    id,
    name,
    settings: {},
    nodes: [],
    edges: [],
  };
}

export interface ParseOptions {
  /** For tests of the migration mechanism; the real list by default. */
  migrations?: readonly Migration[];
  currentVersion?: number;
  /**
   * A journey the app stored itself: read whatever its size, since it was checked when stored
   * (or stored before the bounds existed), so the library can still list it and say it is too
   * big. The nesting bound holds for every text: it protects the parser itself.
   */
  stored?: boolean;
}

function parseStoredText(text: string): ReturnType<typeof parseJsonText> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown, locate: () => undefined };
  } catch {
    return parseJsonText(text);
  }
}

/** Too many steps or connections to check, draw or store (journey-limits.ts). */
function countProblems(
  document: Record<string, unknown>,
  at: (path: JsonPath) => Partial<TextLocation>,
): FileProblem[] {
  const problems: FileProblem[] = [];
  const { nodes, edges } = document;
  if (Array.isArray(nodes) && nodes.length > MAX_NODES) {
    problems.push({
      code: 'too-many-nodes',
      message: tooManyNodesMessage(nodes.length),
      values: { count: nodes.length, limit: MAX_NODES },
      ...at(['nodes']),
    });
  }
  if (Array.isArray(edges) && edges.length > MAX_EDGES) {
    problems.push({
      code: 'too-many-edges',
      message: tooManyEdgesMessage(edges.length),
      values: { count: edges.length, limit: MAX_EDGES },
      ...at(['edges']),
    });
  }
  return problems;
}

function describePath(path: readonly PropertyKey[], document: Record<string, unknown>): string {
  if (path[0] === 'nodes' && typeof path[1] === 'number') {
    const node = (document.nodes as unknown[])[path[1]];
    const id = isRecord(node) && typeof node.id === 'string' ? ` "${visibleText(node.id)}"` : '';
    const rest = path.slice(2).map(String).join('.');
    return `node ${path[1] + 1}${id}${rest ? ` ${rest}` : ''}`;
  }
  if (path[0] === 'edges' && typeof path[1] === 'number') {
    const rest = path.slice(2).map(String).join('.');
    return `connection ${path[1] + 1}${rest ? ` ${rest}` : ''}`;
  }
  return path.map(String).join('.') || 'the journey';
}

/**
 * Where a field of the file is, as facts: a step (its place, id and name), a connection (its
 * place), or the journey itself; and the field within it.
 */
function pathValues(
  path: readonly PropertyKey[],
  document: Record<string, unknown>,
): FileProblemValues {
  const parts = path.filter((p): p is string | number => typeof p !== 'symbol');
  const index = parts[1];
  if ((parts[0] === 'nodes' || parts[0] === 'edges') && typeof index === 'number') {
    const field = parts.slice(2).map(String).join('.');
    if (parts[0] === 'edges') return { where: 'connection', index: index + 1, field };
    const node = (document.nodes as unknown[])[index];
    const id = isRecord(node) && typeof node.id === 'string' ? visibleText(node.id) : '';
    const name = isRecord(node) && typeof node.label === 'string' ? node.label.trim() : '';
    return { where: 'step', index: index + 1, field, nodeId: id, name: name || id };
  }
  return { where: 'journey', field: parts.map(String).join('.') };
}

/**
 * What is wrong with a field, as a word an app can translate (`required`, `text`, `empty`, …),
 * and zod's English words for anything else (`other`).
 */
function issueValues(issue: z.core.$ZodIssue): FileProblemValues {
  const params = (issue as { params?: { problem?: unknown; character?: unknown } }).params;
  if (params?.problem === 'spaces') return { problem: 'spaces' };
  if (params?.problem === 'hidden')
    return {
      problem: 'hidden',
      character: typeof params.character === 'string' ? params.character : '',
    };
  switch (issue.code) {
    case 'invalid_type':
      if ((issue as { input?: unknown }).input === undefined) return { problem: 'required' };
      return { problem: EXPECTED[issue.expected] ?? 'other' };
    case 'invalid_value':
      return { problem: issue.path.join('.') === 'version' ? 'whole' : 'other' };
    case 'too_small':
      return { problem: issue.origin === 'string' && issue.minimum === 1 ? 'empty' : 'other' };
    case 'too_big':
      return issue.origin === 'string'
        ? { problem: 'long', max: Number(issue.maximum) }
        : { problem: 'other' };
    default:
      return { problem: 'other' };
  }
}

const EXPECTED: Partial<Record<string, string>> = {
  string: 'text',
  number: 'number',
  array: 'list',
  object: 'object',
  record: 'object',
};

function envelopeMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined)
    return 'is required';
  if (issue.code === 'invalid_value' && issue.path.join('.') === 'version')
    return 'must be a whole number';
  return issue.message;
}

/**
 * Reads a journey file (DESIGN.md §1). Problems that make the file unreadable are returned
 * with a code and a line; problems in the journey itself are for the validator.
 */
export function parseJourneyFile(text: string, options: ParseOptions = {}): JourneyFileResult {
  const currentVersion = options.currentVersion ?? JOURNEY_VERSION;
  // Size and nesting first: both decide whether the file can be parsed at all (journey-limits.ts).
  if (!options.stored && text.length > MAX_JOURNEY_FILE_CHARS) {
    return {
      ok: false,
      problems: [
        {
          code: 'journey-too-large',
          message: tooLargeMessage(text.length),
          values: { size: text.length, limit: MAX_JOURNEY_FILE_CHARS },
        },
      ],
    };
  }
  const tooDeep = nestingBeyond(text, MAX_DOCUMENT_DEPTH);
  if (tooDeep !== undefined) {
    return {
      ok: false,
      problems: [
        {
          code: 'nesting-too-deep',
          message: TOO_DEEP_MESSAGE,
          values: { limit: MAX_DOCUMENT_DEPTH },
          ...locationAt(text, tooDeep),
        },
      ],
    };
  }
  // A stored journey needs no line numbers: the engine's own parser is ten times faster.
  const json = options.stored ? parseStoredText(text) : parseJsonText(text);
  if (!json.ok) {
    return {
      ok: false,
      problems: [
        {
          code: 'invalid-json',
          message: `Not valid JSON: ${json.message}.`,
          values: { error: json.error, ...(json.cutOff && { cutOff: 'yes' }) },
          ...json.location,
        },
      ],
    };
  }
  const at = (path: JsonPath): Partial<TextLocation> => json.locate(path) ?? {};
  const document = json.value;
  if (!isRecord(document) || document.format !== JOURNEY_FORMAT) {
    return {
      ok: false,
      problems: [
        {
          code: 'not-a-journey',
          message: `This is not a Journey Studio journey: "format" must be "${JOURNEY_FORMAT}".`,
          values: {
            expected: JOURNEY_FORMAT,
            ...(isRecord(document) &&
              typeof document.format === 'string' && { found: document.format }),
          },
          ...at(['format']),
        },
      ],
    };
  }
  const counted = options.stored ? [] : countProblems(document, at);
  if (counted.length) return { ok: false, problems: counted };
  const version = document.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      problems: [
        {
          code: 'invalid-structure',
          message: '"version" must be a whole number, 1 or higher.',
          values: { where: 'journey', field: 'version', problem: 'whole' },
          ...at(['version']),
        },
      ],
    };
  }
  if (version > currentVersion) {
    return {
      ok: false,
      problems: [
        {
          code: 'unsupported-version',
          message: `This journey was saved in format version ${version}; this Journey Studio reads up to version ${currentVersion}. Update Journey Studio to open it.`,
          values: { version, supported: currentVersion },
          ...at(['version']),
        },
      ],
    };
  }
  const migration = migrateDocument(
    document,
    version,
    currentVersion,
    options.migrations ?? JOURNEY_MIGRATIONS,
  );
  if (!migration.ok) {
    return {
      ok: false,
      problems: [
        {
          code: 'unsupported-version',
          message: `Cannot upgrade this journey: ${migration.reason}.`,
          values: { version, supported: currentVersion, missingFrom: migration.from },
          ...at(['version']),
        },
      ],
    };
  }
  const migrated = migration.document;
  const envelope = journeyEnvelopeSchema.safeParse(
    currentVersion === JOURNEY_VERSION ? migrated : { ...migrated, version: JOURNEY_VERSION },
  );
  if (!envelope.success) {
    return {
      ok: false,
      problems: envelope.error.issues.map((issue) => ({
        code: 'invalid-structure' as const,
        message: `${describePath(issue.path, migrated)}: ${envelopeMessage(issue)}.`,
        values: {
          ...pathValues(issue.path, migrated),
          ...issueValues(issue),
          detail: envelopeMessage(issue),
        },
        ...at(issue.path.filter((p): p is string | number => typeof p !== 'symbol')),
      })),
    };
  }
  const journey = envelope.data as unknown as Journey;
  const problems: FileProblem[] = [];
  const firstIndex = new Map<string, number>();
  journey.nodes.forEach((node, i) => {
    const step = { nodeId: node.id, name: node.label?.trim() || node.id, index: i + 1 };
    if (!isNodeKind(node.kind)) {
      problems.push({
        code: 'unknown-kind',
        nodeId: node.id,
        message: `Node "${node.id}" has the unknown kind "${node.kind}"; known kinds are ${NODE_KINDS.join(', ')}.`,
        values: { ...step, kind: node.kind, known: NODE_KINDS.join(', ') },
        ...at(['nodes', i, 'kind']),
      });
    }
    const earlier = firstIndex.get(node.id);
    if (earlier !== undefined) {
      const first = at(['nodes', earlier, 'id']);
      problems.push({
        code: 'duplicate-node-id',
        nodeId: node.id,
        message: `Two nodes have the id "${node.id}"${first.line ? ` (the first at line ${first.line})` : ''}; ids must be unique.`,
        values: { ...step, ...(first.line !== undefined && { firstLine: first.line }) },
        ...at(['nodes', i, 'id']),
      });
    } else {
      firstIndex.set(node.id, i);
    }
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, journey, locate: json.locate, migrated: migration.applied };
}

/** Copies `source` with `order` keys first (those present), then the rest in their own order. */
function ordered(source: object, order: readonly string[]): Record<string, unknown> {
  const record = source as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of order) if (record[key] !== undefined) out[key] = record[key];
  for (const key of Object.keys(record))
    if (!(key in out) && record[key] !== undefined) out[key] = record[key];
  return out;
}

const JOURNEY_KEYS = [
  'format',
  'version',
  'id',
  'name',
  'description',
  'settings',
  'nodes',
  'edges',
];
const NODE_KEYS = ['id', 'kind', 'label', 'position', 'config'];
const EDGE_KEYS = ['from', 'port', 'to'];

/** The journey with every object's keys in the canonical order of the file format. */
export function canonicalJourney(journey: Journey): Record<string, unknown> {
  return ordered(
    {
      ...journey,
      settings: ordered(journey.settings, SETTINGS_KEYS),
      nodes: journey.nodes.map((node) => {
        const configOrder = isNodeKind(node.kind) ? nodeDefinition(node.kind).configKeys : [];
        return ordered(
          {
            ...node,
            ...(node.position ? { position: ordered(node.position, ['x', 'y']) } : {}),
            config: ordered(node.config, configOrder),
          },
          NODE_KEYS,
        );
      }),
      edges: journey.edges.map((edge) => ordered(edge, EDGE_KEYS)),
    },
    JOURNEY_KEYS,
  );
}

/**
 * Writes a journey file: keys in a stable order, two-space indent, a final newline. Keys this
 * build does not know are written where they were read (after the known ones).
 */
export function serializeJourney(journey: Journey): string {
  return `${JSON.stringify(canonicalJourney(journey), null, 2)}\n`;
}
