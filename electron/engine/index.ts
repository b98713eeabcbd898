// The engine process's entry: Electron starts it with utilityProcess.fork (electron/main/engine-client.ts).
// The same bundle is the script of the event API's own thread, which the engine starts.
import { isMainThread, workerData } from 'node:worker_threads';
import { createAppService } from 'virtual:journey-studio/app-service';
import { isEventApiJob, runEventApiThread } from '../../core/adapters/http/event-api-thread';
import { openDatabase } from '../../core/adapters/sqlite/database';
import { runEngineProcess } from './engine-process';

if (!isMainThread && isEventApiJob(workerData)) {
  runEventApiThread(workerData);
} else {
  runEngineProcess({
    port: process.parentPort,
    openDatabase,
    createAppService,
    exit: (code) => process.exit(code),
    threadScript: __filename,
  });
}
