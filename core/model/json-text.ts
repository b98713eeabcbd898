import {
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type Node as JsonNode,
  type ParseError,
} from 'jsonc-parser';

/** A 1-based place in a text file. */
export interface TextLocation {
  line: number;
  column: number;
}

export type JsonPath = readonly (string | number)[];

/** Whether a value read from JSON is an object with keys (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type JsonTextResult =
  | { ok: true; value: unknown; locate: (path: JsonPath) => TextLocation | undefined }
  | {
      ok: false;
      message: string;
      location: TextLocation;
      /**
       * Why, for words in another language: jsonc-parser's error name (`CommaExpected`,
       * `UnexpectedEndOfString`, …), or `EmptyFile`; `cutOff` when the text ends too early.
       */
      error: string;
      cutOff: boolean;
    };

const ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a quoted property name',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':' after the property name",
  CommaExpected: "expected ',' between items",
  CloseBraceExpected: "expected '}' to close the object",
  CloseBracketExpected: "expected ']' to close the list",
  EndOfFileExpected: 'unexpected text after the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'text is not closed with a quote',
  UnexpectedEndOfNumber: 'malformed number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in text',
};

/** Line starts, so offsets can be turned into line:column cheaply. */
function lineIndex(text: string): (offset: number) => TextLocation {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

/** Where in `text` a 1-based line and column fall. */
export function locationAt(text: string, offset: number): TextLocation {
  return lineIndex(text.slice(0, offset + 1))(offset);
}

/**
 * The offset of the first `{` or `[` that opens more than `limit` levels of nesting, if any.
 * A loop over the text, not a parser: it must not itself run out of stack on the input it guards
 * against. Text inside strings is skipped.
 */
export function nestingBeyond(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: the next character is escaped
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

/**
 * Parses strict JSON (no comments, no trailing commas) and keeps the syntax tree, so later
 * problems can be reported at the line of the value they concern.
 */
export function parseJsonText(text: string): JsonTextResult {
  const toLocation = lineIndex(text);
  const errors: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = body.length === text.length ? 0 : 1;
  const tree = parseTree(body, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first || !tree) {
    const code = first ? printParseErrorCode(first.error) : 'ValueExpected';
    const offset = first ? first.offset + shift : 0;
    const empty = body.trim() === '';
    const reason = empty ? 'the file is empty' : (ERROR_TEXT[code] ?? code);
    // A cut-off file shows as an error at its very end, often after an earlier one.
    const cutOff = !empty && errors.some((e) => e.offset + e.length >= body.trimEnd().length);
    return {
      ok: false,
      message: cutOff ? `${reason}; the file ends too early (is it cut off?)` : reason,
      location: toLocation(offset),
      error: empty ? 'EmptyFile' : code,
      cutOff,
    };
  }
  const root: JsonNode = tree;
  return {
    ok: true,
    value: getNodeValue(root) as unknown,
    locate(path) {
      let node: JsonNode | undefined;
      // Walk up the path until a node exists, so a missing key points at its parent object.
      for (let depth = path.length; depth >= 0 && !node; depth--) {
        node = findNodeAtLocation(root, [...path.slice(0, depth)]);
      }
      if (!node) return undefined;
      const target = node.parent?.type === 'property' ? node.parent : node;
      return toLocation(target.offset + shift);
    },
  };
}
