import { isMainThread, workerData } from 'node:worker_threads';
import { isShardJob, runShard } from '../adapters/simulation-shards';

/*
 * Where a simulation thread starts (bundled as out/node/simulation-thread.mjs, beside the command
 * line): only what a thread reads and simulates. Started from the whole command line, every thread
 * compiled and ran its server console, email design and sample-data generators too — about a third
 * of a second of CPU and 40 MB per thread before it read a row.
 */
if (isMainThread || !isShardJob(workerData))
  throw new Error('simulation-thread runs only as a thread of a simulation (simulateInShards)');
void runShard(workerData);
