import type { StateCreator } from 'zustand';
import type { AppApi } from '../../core/api/contract';
import type {
  LiveCounts,
  OutboxMessage,
  OutboxMessageDetail,
  OutboxMessageStatus,
} from '../../core/api/execution-contract';
import { apiErrorWords } from '../api/api-error-words';
import { words, type Words } from '../i18n/words';
import type { AppState } from './app-store';

export type MessageCounts = LiveCounts['messages'];

export interface OutboxFilter {
  /** One journey's messages, or (null) every journey's. */
  journeyId: string | null;
  status: OutboxMessageStatus | null;
}

export interface OutboxView {
  filter: OutboxFilter;
  /** Newest first; null until the first page arrives. */
  messages: OutboxMessage[] | null;
  /** Messages by status, for the journey filtered on (every status, whatever is shown). */
  counts: MessageCounts | null;
  /** Older messages remain to be loaded. */
  more: boolean;
  loading: boolean;
  error: Words | null;
  selectedId: number | null;
  detail: OutboxMessageDetail | null;
  detailError: Words | null;
  retrying: boolean;
}

/** Every message the live journeys produced: the list, one message's detail, retries. */
export interface OutboxSlice {
  outbox: OutboxView;
  /** Opens the outbox view, on one journey's messages or (journeyId null) all. */
  showOutbox: (filter?: Partial<OutboxFilter>) => void;
  /** Back to where the outbox was opened from: the open journey, else the library. */
  leaveOutbox: () => void;
  setOutboxFilter: (change: Partial<OutboxFilter>) => void;
  /** Reads the newest page again, dropping older pages. */
  loadOutbox: () => Promise<void>;
  loadOlderMessages: () => Promise<void>;
  /** Reads again what is shown (the engine pushed a change), keeping the selection. */
  refreshOutbox: () => Promise<void>;
  selectOutboxMessage: (id: number | null) => Promise<void>;
  retryOutboxMessage: (id: number) => Promise<void>;
  /**
   * Reads the list again as the engine reports changes, at most once every two seconds; answers
   * the function that stops.
   */
  watchOutbox: () => () => void;
}

export const OUTBOX_PAGE = 50;
const MAX_PAGE = 500;
const REFRESH_GAP_MS = 2_000;

const INITIAL: OutboxView = {
  filter: { journeyId: null, status: null },
  messages: null,
  counts: null,
  more: false,
  loading: false,
  error: null,
  selectedId: null,
  detail: null,
  detailError: null,
  retrying: false,
};

export const createOutboxSlice =
  (api: AppApi): StateCreator<AppState, [], [], OutboxSlice> =>
  (set, get) => {
    const patch = (change: Partial<OutboxView>) => set({ outbox: { ...get().outbox, ...change } });
    // Only the newest list request may answer: a filter changed meanwhile makes older ones moot.
    let listCall = 0;
    let detailCall = 0;

    const list = async (limit: number, before?: number) => {
      const call = ++listCall;
      const { filter } = get().outbox;
      patch({ loading: true, error: null });
      try {
        const page = await api.listOutbox({
          limit,
          ...(filter.journeyId !== null && { journeyId: filter.journeyId }),
          ...(filter.status !== null && { status: filter.status }),
          ...(before !== undefined && { before }),
        });
        if (call !== listCall) return null;
        patch({ loading: false });
        return page;
      } catch (error) {
        if (call === listCall) patch({ loading: false, error: apiErrorWords(error) });
        return null;
      }
    };

    const readDetail = async (id: number) => {
      const call = ++detailCall;
      try {
        const detail = await api.getOutboxMessage({ id });
        if (call === detailCall && get().outbox.selectedId === id)
          patch({ detail, detailError: null });
      } catch (error) {
        if (call === detailCall && get().outbox.selectedId === id)
          patch({ detail: null, detailError: apiErrorWords(error) });
      }
    };

    return {
      outbox: INITIAL,
      showOutbox(filter = {}) {
        const next = { ...get().outbox.filter, ...filter };
        set({
          route: { view: 'outbox' },
          outbox: { ...get().outbox, filter: next, selectedId: null, detail: null },
        });
        void get().loadOutbox();
        void get().refreshEngine();
      },
      leaveOutbox() {
        const { journey } = get();
        if (journey) set({ route: { view: 'editor', id: journey.id } });
        else {
          set({ route: { view: 'library' } });
          void get().refreshLibrary();
        }
      },
      setOutboxFilter(change) {
        patch({ filter: { ...get().outbox.filter, ...change } });
        void get().loadOutbox();
      },
      async loadOutbox() {
        const page = await list(OUTBOX_PAGE);
        if (!page) return;
        patch({
          messages: page.messages,
          counts: page.counts,
          more: page.messages.length === OUTBOX_PAGE,
        });
      },
      async loadOlderMessages() {
        const { messages, more, loading } = get().outbox;
        const oldest = messages?.at(-1);
        if (!messages || !oldest || !more || loading) return;
        const page = await list(OUTBOX_PAGE, oldest.id);
        if (!page) return;
        const seen = new Set(messages.map((m) => m.id));
        patch({
          messages: [...messages, ...page.messages.filter((m) => !seen.has(m.id))],
          counts: page.counts,
          more: page.messages.length === OUTBOX_PAGE,
        });
      },
      async refreshOutbox() {
        const { messages, selectedId, detail } = get().outbox;
        if (messages === null) return;
        const limit = Math.min(MAX_PAGE, Math.max(OUTBOX_PAGE, messages.length));
        const page = await list(limit);
        if (!page) return;
        patch({
          messages: page.messages,
          counts: page.counts,
          more: page.messages.length === limit,
        });
        const row = page.messages.find((m) => m.id === selectedId);
        if (
          selectedId !== null &&
          row &&
          (row.status !== detail?.status || row.attempts !== detail.attempts)
        )
          await readDetail(selectedId);
      },
      async selectOutboxMessage(id) {
        patch({ selectedId: id, detail: null, detailError: null });
        if (id !== null) await readDetail(id);
      },
      async retryOutboxMessage(id) {
        if (get().outbox.retrying) return;
        patch({ retrying: true, detailError: null });
        try {
          const message = await api.retryOutboxMessage({ id });
          const { messages, detail } = get().outbox;
          patch({
            retrying: false,
            messages: messages?.map((m) => (m.id === id ? message : m)) ?? null,
            ...(detail?.id === id && { detail: { ...detail, ...message } }),
          });
          get().notify(words('notice.retryQueued'), 'success');
          void get().refreshOutbox();
        } catch (error) {
          patch({ retrying: false });
          get().notify(apiErrorWords(error), 'error');
        }
      },
      watchOutbox() {
        let timer: ReturnType<typeof setTimeout> | undefined;
        let last = 0;
        const refresh = () => {
          timer = undefined;
          last = Date.now();
          void get().refreshOutbox();
        };
        const stop = api.onEngineChanged((engine) => {
          get().applyEngineInfo(engine);
          if (timer === undefined)
            timer = setTimeout(refresh, Math.max(0, last + REFRESH_GAP_MS - Date.now()));
        });
        return () => {
          stop();
          if (timer !== undefined) clearTimeout(timer);
        };
      },
    };
  };
