import { isInvisibleMark } from '../model/id-text';

/** Where commands write: stdout for results, stderr for diagnostics. Injected for tests. */
export interface Output {
  print(line: string): void;
  error(line: string): void;
}

/** What a command may know about how it was started. */
export interface CliEnvironment {
  /** The running command line's own script, to start worker threads from (absent in tests). */
  workerScript?: URL;
  /** The script simulation threads start from (`simulateInShards`; absent in tests). */
  simulationScript?: URL;
  /** Threads a large simulation may use; 1 when absent. */
  parallelism?: number;
}

export interface CommandResult {
  exitCode: number;
}

const ESC = 0x1b;
const BEL = 0x07;
const CSI = 0x9b;
const OSC = 0x9d;

/** Where an escape sequence that starts at `i` (ESC or a C1 introducer) ends. */
function sequenceEnd(text: string, i: number): number {
  let c = text.charCodeAt(i);
  let j = i + 1;
  if (c === ESC) {
    const next = text.charCodeAt(j);
    if (next === 0x5b)
      c = CSI; // ESC [
    else if (next === 0x5d)
      c = OSC; // ESC ]
    else return Math.min(j + 1, text.length); // ESC and one character
    j++;
  }
  if (c === CSI) {
    // Parameters and intermediates, then one final byte in @–~.
    while (j < text.length) {
      const b = text.charCodeAt(j++);
      if (b >= 0x40 && b <= 0x7e) break;
    }
    return j;
  }
  // An operating system command runs to BEL or ESC \.
  while (j < text.length) {
    const b = text.charCodeAt(j);
    if (b === BEL) return j + 1;
    if (b === ESC) return Math.min(j + 2, text.length);
    j++;
  }
  return j;
}

/**
 * A line as it is safe to print to a terminal. Names and values in it come from journey files
 * and data files, which anyone may have written: escape sequences (colours, clearing the screen,
 * setting the window title, hyperlinks, or worse on some terminals) are removed with everything
 * they carry, and other control characters (carriage return, backspace, bell) are dropped.
 * Direction and zero-width marks, which reorder what is shown, are written out as `\uXXXX`.
 * Tabs and line breaks stay.
 */
export function terminalText(line: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const control = c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f);
    if (control ? c === 0x0a || c === 0x09 : !isInvisibleMark(c)) continue;
    out += line.slice(from, i);
    if (!control) out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    const end = c === ESC || c === CSI || c === OSC ? sequenceEnd(line, i) : i + 1;
    i = end - 1;
    from = end;
  }
  return out + line.slice(from);
}

/** An output that makes every line safe for a terminal (`terminalText`). */
export function terminalOutput(out: Output): Output {
  return {
    print: (line) => out.print(terminalText(line)),
    error: (line) => out.error(terminalText(line)),
  };
}

export const consoleOutput: Output = {
  print: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
};

/** A usage mistake: said on stderr, exit code 2. */
export function usageError(out: Output, message: string): CommandResult {
  out.error(`journey-studio: ${message}`);
  return { exitCode: 2 };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
