import { availableParallelism } from 'node:os';
import { isMainThread, workerData } from 'node:worker_threads';
import { isEventApiJob, runEventApiThread } from '../adapters/http/event-api-thread';
import { isShardJob, runShard } from '../adapters/simulation-shards';
import { runCli } from './main';

if (!isMainThread && isShardJob(workerData)) {
  void runShard(workerData);
} else if (!isMainThread && isEventApiJob(workerData)) {
  runEventApiThread(workerData);
} else {
  // Output piped into a program that stops reading (`| head`) is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  runCli(process.argv.slice(2), undefined, {
    // This file is the whole bundled command line, so a simulation thread (or the event API's
    // thread) can start from it.
    workerScript: new URL(import.meta.url),
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
