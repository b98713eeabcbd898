import { availableParallelism } from 'node:os';
import { isMainThread, workerData } from 'node:worker_threads';
import { isEventApiJob, runEventApiThread } from '../adapters/http/event-api-thread';
import { runCli } from './main';

if (!isMainThread && isEventApiJob(workerData)) {
  runEventApiThread(workerData);
} else if (!isMainThread) {
  throw new Error('the command line starts no other threads from its own script');
} else {
  // Output piped into a program that stops reading (`| head`) is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  runCli(process.argv.slice(2), undefined, {
    // This file is the whole bundled command line, so the event API's thread can start from it.
    workerScript: new URL(import.meta.url),
    // Simulation threads start from a bundle of their own (scripts/node-bundle.mjs, bundleCli).
    simulationScript: new URL('./simulation-thread.mjs', import.meta.url),
    parallelism: Math.max(1, Math.min(4, availableParallelism())),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `journey-studio: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 70;
    },
  );
}
