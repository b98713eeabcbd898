import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bridgedApiError } from '../../core/api/bridged-error';
import type {
  ApiEnvelope,
  ApiEvent,
  ApiEventPayload,
  AppApi,
  AppInput,
  AppMethod,
  AppOutput,
} from '../../core/api/contract';
import { BRIDGE_KEY, CALL_CHANNEL, eventChannel } from '../ipc-channels';

// Sandboxed preload: only `electron` can be required at run time, so everything else is bundled
// and only types come from the contract (zod stays out of this file).

async function call<M extends AppMethod>(method: M, input: AppInput<M>): Promise<AppOutput<M>> {
  const envelope = (await ipcRenderer.invoke(CALL_CHANNEL, method, input)) as ApiEnvelope<
    AppOutput<M>
  >;
  if (envelope.ok) return envelope.value;
  // A plain object, not an Error: the bridge would strip the code from an Error (core/api/bridged-error.ts).
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw bridgedApiError(envelope.error);
}

function subscribe<E extends ApiEvent>(event: E) {
  return (listener: (payload: ApiEventPayload<E>) => void): (() => void) => {
    const channel = eventChannel(event);
    // The IPC event object holds `sender` (ipcRenderer itself): only the payload goes to the page.
    const relay = (_event: IpcRendererEvent, payload: ApiEventPayload<E>) => listener(payload);
    ipcRenderer.on(channel, relay);
    return () => {
      ipcRenderer.removeListener(channel, relay);
    };
  };
}

const journeyApp = {
  listJourneys: (input) => call('listJourneys', input),
  getJourney: (input) => call('getJourney', input),
  createJourney: (input) => call('createJourney', input),
  saveJourney: (input) => call('saveJourney', input),
  renameJourney: (input) => call('renameJourney', input),
  duplicateJourney: (input) => call('duplicateJourney', input),
  deleteJourney: (input) => call('deleteJourney', input),
  importJourney: (input) => call('importJourney', input),
  exportJourney: (input) => call('exportJourney', input),
  listTemplates: (input) => call('listTemplates', input),
  listDatasets: (input) => call('listDatasets', input),
  previewDataset: (input) => call('previewDataset', input),
  importDataset: (input) => call('importDataset', input),
  deleteDataset: (input) => call('deleteDataset', input),
  generateSampleData: (input) => call('generateSampleData', input),
  browseProfiles: (input) => call('browseProfiles', input),
  browseEvents: (input) => call('browseEvents', input),
  simulate: (input) => call('simulate', input),
  listSimulationRuns: (input) => call('listSimulationRuns', input),
  getSimulationRun: (input) => call('getSimulationRun', input),
  traceProfile: (input) => call('traceProfile', input),
  forecastSensitivity: (input) => call('forecastSensitivity', input),
  cancelSimulation: (input) => call('cancelSimulation', input),
  getEngineInfo: (input) => call('getEngineInfo', input),
  getExecution: (input) => call('getExecution', input),
  publishJourney: (input) => call('publishJourney', input),
  previewPublish: (input) => call('previewPublish', input),
  getJourneyVersion: (input) => call('getJourneyVersion', input),
  setExecutionState: (input) => call('setExecutionState', input),
  listOutbox: (input) => call('listOutbox', input),
  getOutboxMessage: (input) => call('getOutboxMessage', input),
  retryOutboxMessage: (input) => call('retryOutboxMessage', input),
  sendTestEvent: (input) => call('sendTestEvent', input),
  getSmtpSettings: (input) => call('getSmtpSettings', input),
  saveSmtpSettings: (input) => call('saveSmtpSettings', input),
  sendTestEmail: (input) => call('sendTestEmail', input),
  getBrandSettings: (input) => call('getBrandSettings', input),
  saveBrandSettings: (input) => call('saveBrandSettings', input),
  getSendingPolicy: (input) => call('getSendingPolicy', input),
  saveSendingPolicy: (input) => call('saveSendingPolicy', input),
  listImages: (input) => call('listImages', input),
  addImage: (input) => call('addImage', input),
  getImage: (input) => call('getImage', input),
  sendTestMessage: (input) => call('sendTestMessage', input),
  getLibrarySettings: (input) => call('getLibrarySettings', input),
  saveLibrarySettings: (input) => call('saveLibrarySettings', input),
  readMailbox: (input) => call('readMailbox', input),
  listBackups: (input) => call('listBackups', input),
  backUpNow: (input) => call('backUpNow', input),
  restoreBackup: (input) => call('restoreBackup', input),
  listJourneyVersions: (input) => call('listJourneyVersions', input),
  setVersionNote: (input) => call('setVersionNote', input),
  approveJourneyVersion: (input) => call('approveJourneyVersion', input),
  getSignOffPack: (input) => call('getSignOffPack', input),
  compareVersionsOnCohort: (input) => call('compareVersionsOnCohort', input),
  getServerConnection: (input) => call('getServerConnection', input),
  testServerConnection: (input) => call('testServerConnection', input),
  connectServer: (input) => call('connectServer', input),
  disconnectServer: (input) => call('disconnectServer', input),
  saveShopSecret: (input) => call('saveShopSecret', input),
  openFile: (input) => call('openFile', input),
  openSheet: (input) => call('openSheet', input),
  saveFile: (input) => call('saveFile', input),
  saveSignOffPack: (input) => call('saveSignOffPack', input),
  openRecentFile: (input) => call('openRecentFile', input),
  onJourneysChanged: subscribe('journeysChanged'),
  onMenuCommand: subscribe('menuCommand'),
  onImportProgress: subscribe('importProgress'),
  onSimulationProgress: subscribe('simulationProgress'),
  onLiveCounts: subscribe('liveCounts'),
  onEngineChanged: subscribe('engineChanged'),
  onExecutionChanged: subscribe('executionChanged'),
  onLibraryRestored: subscribe('libraryRestored'),
} satisfies AppApi;

contextBridge.exposeInMainWorld(BRIDGE_KEY, journeyApp);
