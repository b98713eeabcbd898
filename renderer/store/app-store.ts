import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { AppApi } from '../../core/api/contract';
import { createDataSlice, type DataSlice } from './data-slice';
import { createDesignSlice, type DesignSlice } from './design-slice';
import { createDocumentSlice, type DocumentSlice } from './document-slice';
import { createDraftSlice, followDrafts, type DraftSlice } from './draft-slice';
import { memoryDraftStorage, type DraftStorage } from './draft-storage';
import { createEditSlice, type EditSlice } from './edit-slice';
import { createExecutionSlice, type ExecutionSlice } from './execution-slice';
import { createFlowSlice, type FlowSlice } from './flow-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createLibrarySlice, type LibrarySlice } from './library-slice';
import { createOutboxSlice, type OutboxSlice } from './outbox-slice';
import { createPolicySlice, type PolicySlice } from './policy-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createSensitivitySlice, type SensitivitySlice } from './sensitivity-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createSimulationSlice, type SimulationSlice } from './simulation-slice';
import { createTraceSlice, type TraceSlice } from './trace-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createValidationSlice, type ValidationSlice } from './validation-slice';
import { createVersionsSlice, type VersionsSlice } from './versions-slice';

export type AppState = DocumentSlice &
  DraftSlice &
  HistorySlice &
  SelectionSlice &
  ValidationSlice &
  FlowSlice &
  EditSlice &
  UiSlice &
  LibrarySlice &
  DataSlice &
  SimulationSlice &
  SensitivitySlice &
  TraceSlice &
  ExecutionSlice &
  OutboxSlice &
  DesignSlice &
  VersionsSlice &
  SettingsSlice &
  PolicySlice;

export type AppStore = StoreApi<AppState>;

/**
 * The one store of the app, built from its slices; the API client and where drafts are kept come
 * in from outside (drafts last only as long as the page unless the app passes web storage).
 */
export function createAppStore(api: AppApi, drafts: DraftStorage = memoryDraftStorage()): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...createDocumentSlice(...a),
    ...createDraftSlice(drafts)(...a),
    ...createHistorySlice(...a),
    ...createSelectionSlice(...a),
    ...createValidationSlice(...a),
    ...createFlowSlice(...a),
    ...createEditSlice(...a),
    ...createUiSlice(...a),
    ...createLibrarySlice(api)(...a),
    ...createDataSlice(api)(...a),
    ...createSimulationSlice(api)(...a),
    ...createSensitivitySlice(api)(...a),
    ...createTraceSlice(api)(...a),
    ...createExecutionSlice(api)(...a),
    ...createOutboxSlice(api)(...a),
    ...createDesignSlice(api)(...a),
    ...createVersionsSlice(api)(...a),
    ...createSettingsSlice(api)(...a),
    ...createPolicySlice(api)(...a),
  }));
  followDrafts(store);
  return store;
}

export const AppStoreContext = createContext<AppStore | null>(null);

export function useAppStore(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useApp must be used inside <AppStoreContext.Provider>');
  return store;
}

/** Reads a slice of the app state; re-renders only when the selected value changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}
