import type { DecidedWinner } from '../../simulation/variants';
import { showsSimulation } from '../../simulation/NodeOverlay';
import type { AppState } from '../../store/app-store';

/** The winner the simulation shown for this journey decided at a split, if it decided one. */
export function simulatedWinner(s: AppState, nodeId: string): DecidedWinner | undefined {
  const run = s.simulation.run;
  if (!run || run.journeyId !== s.journey?.id) return undefined;
  return run.report.winners?.[nodeId];
}

/** The winner the live run decided at a split, if it decided one. */
export function liveWinner(s: AppState, nodeId: string): DecidedWinner | undefined {
  const info = s.execution.info;
  if (!info || info.journeyId !== s.journey?.id) return undefined;
  return info.counts.winners?.[nodeId];
}

/**
 * The winner a split's card shows, as stored (a selector must answer the same object while
 * nothing changed): the live run's while its figures are on the canvas, else the simulation's
 * while those are.
 */
export function cardWinner(s: AppState, nodeId: string): DecidedWinner | undefined {
  if (s.execution.open) return liveWinner(s, nodeId);
  return showsSimulation(s) ? simulatedWinner(s, nodeId) : undefined;
}
