// A process that tries to become the engine of a database at an instant its parent names: it
// prints "ready" once loaded, reads the instant (ms since the epoch) on stdin, spins until then
// and prints "engine" (and holds the lock until it is killed) or "refused <pid>".
import { EngineBusyError, lockEngine } from '../../../../core/adapters/sqlite/engine-lock';

const db = process.argv[2] ?? '';
process.stdin.once('data', (chunk: Buffer) => {
  const at = Number(chunk.toString().trim());
  // Spin rather than sleep: a timer fires late by whole milliseconds, a loop does not.
  while (Date.now() < at) continue;
  try {
    // Kept referenced: a lock connection collected as garbage would close, and let go.
    const release = lockEngine(db);
    process.once('SIGTERM', () => {
      release();
      process.exit(0);
    });
    process.stdout.write('engine\n');
  } catch (error) {
    process.stdout.write(
      error instanceof EngineBusyError
        ? `refused ${error.pid ?? '?'}\n`
        : `error ${String(error)}\n`,
    );
    process.exit(0);
  }
});
process.stdout.write('ready\n');
