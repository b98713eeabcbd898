import type { ApiEvent, ApiEventPayload } from '../api/contract';

type Listener<E extends ApiEvent> = (payload: ApiEventPayload<E>) => void;

/** The engine's events to whoever listens: the Electron windows, the browser-mode stream. */
export class EventHub {
  private readonly listeners = new Map<ApiEvent, Set<Listener<ApiEvent>>>();

  on<E extends ApiEvent>(event: E, listener: Listener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  }

  emit<E extends ApiEvent>(event: E, payload: ApiEventPayload<E>): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch {
        // One broken listener (a closed window) must not stop the others or the caller.
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
