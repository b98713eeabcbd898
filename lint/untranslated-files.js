// Screens written before the app spoke Swedish and Norwegian. Their text is still literal; each file
// leaves this list when its words move into renderer/i18n/catalogs. New files are never added here.
export const untranslatedFiles = [
  'renderer/execution/EventApiInfo.tsx',
  'renderer/execution/OutboxDetail.tsx',
  'renderer/execution/OutboxView.tsx',
  'renderer/execution/RunControls.tsx',
  'renderer/execution/RunPanel.tsx',
  'renderer/simulation/CompareTab.tsx',
  'renderer/simulation/MessagesChart.tsx',
  'renderer/simulation/MessagesTab.tsx',
  'renderer/simulation/ResultsTab.tsx',
  'renderer/simulation/SimulationPanel.tsx',
  'renderer/simulation/TraceFollower.tsx',
  'renderer/simulation/TraceMessages.tsx',
  'renderer/simulation/TraceTab.tsx',
  'renderer/simulation/VariantsView.tsx',
];
