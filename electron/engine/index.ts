// The engine process's entry: Electron starts it with utilityProcess.fork (electron/main/engine-client.ts).
import { createAppService } from 'virtual:journey-studio/app-service';
import { openDatabase } from '../../core/adapters/sqlite/database';
import { runEngineProcess } from './engine-process';

runEngineProcess({
  port: process.parentPort,
  openDatabase,
  createAppService,
  exit: (code) => process.exit(code),
});
