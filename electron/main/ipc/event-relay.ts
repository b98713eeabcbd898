import type { BrowserWindow } from 'electron';
import { apiEvents, type ApiEvent } from '../../../core/api/contract';
import { eventChannel } from '../../ipc-channels';
import { isAppUrl } from '../app-protocol';

/** Events only the shell may raise; one claimed by the engine is dropped. */
const SHELL_EVENTS: ReadonlySet<ApiEvent> = new Set<ApiEvent>(['menuCommand']);

export interface EventRelay {
  /** Sends an event to the window; false when it was refused or there was no app to send to. */
  send(event: ApiEvent, payload: unknown): boolean;
  /** An engine event: the same, but never one the shell alone raises. */
  sendFromEngine(event: ApiEvent, payload: unknown): boolean;
}

/**
 * Pushes events to the window's `onX` subscribers. Each payload is parsed with the contract's
 * schema first, which also drops keys the contract does not name.
 */
export function createEventRelay(
  getWindow: () => BrowserWindow | undefined,
  log: (message: string) => void,
): EventRelay {
  function send(event: ApiEvent, payload: unknown): boolean {
    if (!Object.prototype.hasOwnProperty.call(apiEvents, event)) {
      log(`Dropped unknown event ${String(event)}.`);
      return false;
    }
    const parsed = apiEvents[event].safeParse(payload);
    if (!parsed.success) {
      log(`Dropped event ${event} outside its schema: ${parsed.error.message}`);
      return false;
    }
    const window = getWindow();
    if (!window || window.isDestroyed() || !isAppUrl(window.webContents.getURL())) return false;
    window.webContents.send(eventChannel(event), parsed.data);
    return true;
  }

  return {
    send,
    sendFromEngine(event, payload) {
      if (SHELL_EVENTS.has(event)) {
        log(`Dropped ${event} from the engine: only the shell raises it.`);
        return false;
      }
      return send(event, payload);
    },
  };
}
