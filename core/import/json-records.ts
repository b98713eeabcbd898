import { MAX_ROW_CHARS, ROW_TOO_LONG_REASON } from './import-problems';

/** Receives what a JSON reader finds, value by value. */
export interface JsonValueHandler {
  /** A parsed top-level value (any JSON type) that starts on `line`. */
  value(value: unknown, line: number): void;
  /** A value that does not parse (`bad-json`) or is too long to read; it counts as a row. */
  broken(line: number, reason: string, code?: 'bad-json' | 'row-too-long'): void;
  /** Something wrong with the file's outline, outside any row (a list never closed). */
  outline(line: number, reason: string): void;
}

export interface JsonReader {
  push(text: string): void;
  end(): void;
}

/** `JSON.parse`'s complaint without the position, which counts from the value, not the file. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const plain = message
    .replace(/\s*(?:in JSON )?at position \d+.*$/s, '')
    .replace(/^JSON\.parse:? /, '');
  return plain === '' ? 'it is not valid JSON' : plain.charAt(0).toLowerCase() + plain.slice(1);
}

function parseValue(text: string, line: number, handler: JsonValueHandler, what: string): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    handler.broken(line, `This ${what} is not valid JSON: ${describeParseError(error)}.`);
    return;
  }
  handler.value(value, line);
}

/** NDJSON / JSON Lines: one value per line; blank lines are skipped. */
export class NdjsonReader implements JsonReader {
  private line = 1;
  /** The current line's text from earlier chunks. */
  private pieces: string[] = [];
  private piecesChars = 0;
  /** The current line grew past `MAX_ROW_CHARS`: it is reported, and skipped to its end. */
  private skipping = false;

  constructor(private readonly handler: JsonValueHandler) {}

  push(text: string): void {
    let from = 0;
    let newline = text.indexOf('\n');
    if (this.skipping) {
      if (newline === -1) return;
      this.skipping = false;
      this.line++;
      from = newline + 1;
      newline = text.indexOf('\n', from);
    }
    while (newline !== -1) {
      let lineText = text.slice(from, newline);
      if (this.pieces.length > 0) {
        this.pieces.push(lineText);
        lineText = this.pieces.join('');
        this.pieces = [];
        this.piecesChars = 0;
      }
      this.take(lineText);
      this.line++;
      from = newline + 1;
      newline = text.indexOf('\n', from);
    }
    if (from < text.length) {
      this.pieces.push(text.slice(from));
      this.piecesChars += text.length - from;
      if (this.piecesChars > MAX_ROW_CHARS) {
        this.handler.broken(this.line, ROW_TOO_LONG_REASON, 'row-too-long');
        this.pieces = [];
        this.piecesChars = 0;
        this.skipping = true;
      }
    }
  }

  end(): void {
    if (this.pieces.length > 0) this.take(this.pieces.join(''));
    this.pieces = [];
    this.piecesChars = 0;
  }

  private take(text: string): void {
    if (text.length === 0 || text.trim() === '') return;
    if (text.length > MAX_ROW_CHARS) {
      this.handler.broken(this.line, ROW_TOO_LONG_REASON, 'row-too-long');
      return;
    }
    parseValue(text, this.line, this.handler, 'line');
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const LF = 10;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

function isSpace(c: number): boolean {
  return c === 32 || c === LF || c === 13 || c === 9;
}

// Where the reader is in the file's outline.
const BEFORE = 0;
const IN_LIST = 1;
const SEQUENCE = 2;
const AFTER_LIST = 3;

/**
 * A JSON file of many objects, read without holding it whole: either one list `[{...}, ...]`
 * or objects one after another (`{...} {...}`, which also covers a single object). Each
 * top-level element is cut out by tracking brackets and strings, then parsed on its own, so a
 * broken element is reported at the line where it starts and the elements after it are kept.
 * Commas between elements are not enforced.
 */
export class JsonElementReader implements JsonReader {
  private line = 1;
  private outlineState = BEFORE;
  /** Inside an element: bracket depth (0 for a scalar), string and escape state. */
  private inElement = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private elementLine = 0;
  private pieces: string[] = [];
  private piecesChars = 0;
  /** The element under way grew past `MAX_ROW_CHARS`: it is read to its end but not kept. */
  private tooLong = false;
  private stopped = false;

  constructor(private readonly handler: JsonValueHandler) {}

  push(text: string): void {
    if (this.stopped) return;
    const n = text.length;
    let start = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.inElement) {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === BACKSLASH) this.escaped = true;
          else if (c === QUOTE) {
            this.inString = false;
            // A top-level string is a whole element.
            if (this.depth === 0) this.finishElement(text, start, i + 1);
          } else if (c === LF) this.line++;
          continue;
        }
        if (c === QUOTE) this.inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          if (this.depth === 0) {
            // A scalar ends at the list's closing bracket; read the bracket again as outline.
            this.finishElement(text, start, i);
            i--;
            continue;
          }
          if (--this.depth === 0) this.finishElement(text, start, i + 1);
        } else if (this.depth === 0 && (c === COMMA || isSpace(c))) {
          this.finishElement(text, start, i);
          if (c === LF) this.line++;
        } else if (c === LF) this.line++;
        continue;
      }
      if (c === LF) {
        this.line++;
        continue;
      }
      if (isSpace(c)) continue;
      if (this.outlineState === BEFORE) {
        if (c === OPEN_BRACKET) {
          this.outlineState = IN_LIST;
          continue;
        }
        this.outlineState = SEQUENCE;
      }
      if (this.outlineState === AFTER_LIST) {
        this.handler.outline(
          this.line,
          'Unexpected text after the end of the list; it was ignored.',
        );
        this.stopped = true;
        return;
      }
      if (c === COMMA) continue;
      if (c === CLOSE_BRACKET && this.outlineState === IN_LIST) {
        this.outlineState = AFTER_LIST;
        continue;
      }
      this.inElement = true;
      this.elementLine = this.line;
      this.depth = c === OPEN_BRACE || c === OPEN_BRACKET ? 1 : 0;
      this.inString = c === QUOTE;
      start = i;
    }
    if (this.inElement && !this.tooLong) {
      const rest = start === 0 ? text : text.slice(start);
      this.pieces.push(rest);
      this.piecesChars += rest.length;
      if (this.piecesChars > MAX_ROW_CHARS) {
        this.handler.broken(this.elementLine, ROW_TOO_LONG_REASON, 'row-too-long');
        this.tooLong = true;
        this.pieces = [];
        this.piecesChars = 0;
      }
    }
  }

  end(): void {
    if (this.stopped) return;
    if (this.inElement && this.tooLong) {
      this.inElement = false;
      this.tooLong = false;
    } else if (this.inElement) {
      const text = this.pieces.join('');
      this.pieces = [];
      this.piecesChars = 0;
      this.inElement = false;
      if (this.depth === 0 && !this.inString) {
        parseValue(text, this.elementLine, this.handler, 'value');
      } else {
        this.handler.broken(
          this.elementLine,
          'This object is cut off: the file ends before it is closed (is the file complete?).',
        );
      }
    }
    if (this.outlineState === IN_LIST) {
      this.handler.outline(
        this.line,
        'The list is not closed with "]": the file may be cut off. The objects before this point were read.',
      );
    }
  }

  private finishElement(text: string, start: number, end: number): void {
    this.inElement = false;
    this.inString = false;
    this.escaped = false;
    if (this.tooLong) {
      this.tooLong = false;
      return;
    }
    let elementText = text.slice(start, end);
    if (this.pieces.length > 0) {
      this.pieces.push(elementText);
      elementText = this.pieces.join('');
      this.pieces = [];
      this.piecesChars = 0;
    }
    if (elementText.length > MAX_ROW_CHARS) {
      this.handler.broken(this.elementLine, ROW_TOO_LONG_REASON, 'row-too-long');
      return;
    }
    parseValue(elementText, this.elementLine, this.handler, 'object');
  }
}
