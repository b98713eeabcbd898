import { expect } from 'vitest';
import type { CrashReport } from '../../../scripts/crash-verify';

/**
 * What every crash test holds its run to, on either store: no acknowledged event lost, none
 * applied twice, no step repeated, no message delivered twice, and the run did real work. Prints
 * the run's figures first, so a failure shows them.
 */
export function expectSafeCrashRun(report: CrashReport, store: string): void {
  console.log(
    `crash test (${store}): ${report.kills} kills, ${report.eventsAcknowledged} events acknowledged (${report.eventsResent} sent again), ${report.lostAcknowledged} lost, ${report.duplicateEvents} applied twice; ${report.messages} messages, ${report.embeddedDeliveredTwice} delivered twice`,
  );
  expect(report.problems).toEqual([]);
  expect(report.eventsAcknowledged).toBeGreaterThan(0);
  expect(report.lostAcknowledged).toBe(0);
  expect(report.duplicateEvents).toBe(0);
  expect(report.duplicateSteps).toBe(0);
  expect(report.embeddedDeliveredTwice).toBe(0);
  expect(report.wakeupsFired).toBeGreaterThan(0);
}
