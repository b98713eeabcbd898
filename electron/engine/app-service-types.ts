import type { ApiEvent, ApiEventPayload, ApiHandlers } from '../../core/api/contract';
import type { Db } from '../../core/adapters/sqlite/database';
import type { SecretStore } from '../../core/runtime/secret-store';

/**
 * The engine's side of the AppApi (`core/adapters/app/app-service.ts`), as the shell uses it: the
 * engine host opens the database with Electron's build of better-sqlite3 and hands it over.
 */
export interface AppServiceOptions {
  dataDir?: string;
  db?: Db;
  now?: () => number;
  /** Where the engine reads the SMTP password; it never stores the password itself. */
  secrets?: SecretStore;
  /** Problems of the live engine worth telling the operator about. */
  log?: (line: string) => void;
}

export interface AppService {
  handlers: ApiHandlers;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
  close(): Promise<void>;
}

export type CreateAppService = (options: AppServiceOptions) => AppService;
