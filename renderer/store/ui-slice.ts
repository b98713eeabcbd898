import type { StateCreator } from 'zustand';
import type { Position } from '../../core/model/journey';
import type { Words } from '../i18n/words';
import type { AppState } from './app-store';
import type { Fragment } from './journey-edits';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

/** A short message at the bottom of the window, worded when shown so a language switch re-words it. */
export interface Notice {
  id: number;
  words: Words;
  tone: NoticeTone;
}

/** A question the app is asking, shown as a dialog over everything else. */
export type Dialog =
  | { type: 'new-journey'; templateId?: string }
  | { type: 'rename'; id: string; name: string }
  | { type: 'delete'; id: string; name: string }
  | { type: 'import-problems'; fileName: string; problems: ImportProblem[] }
  | { type: 'import-exists'; fileName: string; text: string; id: string; name: string }
  | { type: 'save-conflict'; message: string }
  | { type: 'leave-unsaved'; then: 'library' }
  | { type: 'shortcuts' }
  | { type: 'import-data' }
  /** `forSimulation`: the simulation panel asked, and takes the new data sets. */
  | { type: 'generate-data'; forSimulation?: boolean }
  | { type: 'delete-dataset'; id: string; name: string }
  | { type: 'smtp-settings' }
  | { type: 'brand-kit' }
  | { type: 'library-settings' }
  | { type: 'version-history' }
  /** The sign-off pack of a published version, or of the draft when `version` is left out. */
  | { type: 'sign-off-pack'; version?: number }
  | { type: 'sending-policy' };

export interface ImportProblem {
  code: string;
  message: string;
  /** The facts of the message, for words in the chosen language (FileProblem.values). */
  values?: Record<string, string | number>;
  line?: number;
  column?: number;
}

export interface UiSlice {
  notice: Notice | null;
  dialog: Dialog | null;
  issuesOpen: boolean;
  /** The outline beside the canvas: the journey as an editable, indented list. */
  outlineOpen: boolean;
  /** The outline was opened by its shortcut: it takes the focus once it is there. */
  outlineWantsFocus: boolean;
  clipboard: Fragment | null;
  /** How many times the clipboard was pasted, so pastes do not land on top of each other. */
  pasteCount: number;
  /** The flow position at the middle of the visible canvas, where keyboard-added nodes go. */
  viewCenter: Position;
  /** Bumped to ask the canvas to fit the view or to reveal a node (it watches these). */
  fitViewRequest: number;
  revealRequest: { nodeId: string; nonce: number } | null;
  /** The sample profile message previews render for. */
  personaId: string;
  notify: (words: Words, tone?: NoticeTone) => void;
  dismissNotice: () => void;
  openDialog: (dialog: Dialog) => void;
  closeDialog: () => void;
  setIssuesOpen: (open: boolean) => void;
  setOutlineOpen: (open: boolean, focus?: boolean) => void;
  /** The outline took the focus it was opened for. */
  outlineFocused: () => void;
  setViewCenter: (center: Position) => void;
  requestFitView: () => void;
  revealNode: (nodeId: string) => void;
  setPersona: (id: string) => void;
}

let noticeIds = 0;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  notice: null,
  dialog: null,
  issuesOpen: false,
  outlineOpen: false,
  outlineWantsFocus: false,
  clipboard: null,
  pasteCount: 0,
  viewCenter: { x: 0, y: 0 },
  fitViewRequest: 0,
  revealRequest: null,
  personaId: 'emma',
  notify(words, tone = 'info') {
    set({ notice: { id: ++noticeIds, words, tone } });
  },
  dismissNotice() {
    set({ notice: null });
  },
  openDialog(dialog) {
    set({ dialog });
  },
  closeDialog() {
    set({ dialog: null });
  },
  setIssuesOpen(issuesOpen) {
    set({ issuesOpen });
  },
  setOutlineOpen(outlineOpen, focus = false) {
    set({ outlineOpen, outlineWantsFocus: outlineOpen && focus });
  },
  outlineFocused() {
    set({ outlineWantsFocus: false });
  },
  setViewCenter(viewCenter) {
    set({ viewCenter });
  },
  requestFitView() {
    set({ fitViewRequest: get().fitViewRequest + 1 });
  },
  revealNode(nodeId) {
    get().select([nodeId]);
    set({ revealRequest: { nodeId, nonce: (get().revealRequest?.nonce ?? 0) + 1 } });
  },
  setPersona(personaId) {
    set({ personaId });
  },
});
