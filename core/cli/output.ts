/** Where commands write: stdout for results, stderr for diagnostics. Injected for tests. */
export interface Output {
  print(line: string): void;
  error(line: string): void;
}

/** What a command may know about how it was started. */
export interface CliEnvironment {
  /** The running command line's own script, to start worker threads from (absent in tests). */
  workerScript?: URL;
  /** Threads a large simulation may use; 1 when absent. */
  parallelism?: number;
}

export interface CommandResult {
  exitCode: number;
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
