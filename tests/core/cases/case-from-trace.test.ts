import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../../core/adapters/import/file-source';
import { caseFromTrace, casesFileText, eventsNamedBy } from '../../../core/cases/case-from-trace';
import { caseReport } from '../../../core/cases/case-report';
import type { CaseDocument } from '../../../core/cases/cases-schema';
import { readCasesFile } from '../../../core/cases/read-cases';
import { runCases } from '../../../core/cases/run-cases';
import { loadEvents, loadProfiles } from '../../../core/import/importer';
import { simulate } from '../../../core/simulator/simulate';
import { findStarter, type Starter } from '../../../core/templates/starters';
import { ROOT } from '../templates/starter-data';

function starter(id: string): Starter {
  const found = findStarter(id);
  if (!found) throw new Error(`no starter ${id}`);
  return found;
}

/** A case from one profile of the starter's sample data, traced as the app traces it. */
async function tracedCase(s: Starter, reached: string) {
  const { profiles } = await loadProfiles(fileSource(join(ROOT, s.samples.profiles)));
  const { events } = await loadEvents(fileSource(join(ROOT, s.samples.events)));
  const start = Date.parse(s.samples.start);
  const end = Date.parse(s.samples.end);
  const all = simulate({ journey: s.journey, profiles, events, start, end });
  const profileId = all.report.samples[reached]?.[0] ?? '';
  const own = events.filter((e) => e.profileId === profileId);
  const traced = simulate({
    journey: s.journey,
    profiles: profiles.filter((p) => p.id === profileId),
    events: own,
    start,
    end,
    trace: new Set([profileId]),
  });
  const made = caseFromTrace(
    s.journey,
    {
      profileId,
      attributes: profiles.find((p) => p.id === profileId)?.attributes ?? {},
      events: own,
      steps: traced.traces.get(profileId) ?? [],
      messages: traced.messages.map((m) => ({ ...m, content: { ...m.content } })),
    },
    { start, end, seed: 0, name: `Path of ${profileId}` },
  );
  if (!made.ok) throw new Error(made.message);
  return { testCase: made.case, own };
}

function run(s: Starter, cases: CaseDocument[]) {
  const read = readCasesFile(casesFileText(s.journey.id, cases), s.journey);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return runCases(s.journey, read.cases);
}

describe('a traced path saved as a test case', () => {
  it('passes when run on the same journey, and keeps only the events the journey reacts to', async () => {
    const cart = starter('abandoned-cart');
    // Someone who got the second reminder: the longest path.
    const { testCase, own } = await tracedCase(cart, 'reminder-free-shipping');
    expect(testCase.expect.path).toContain('reminder-free-shipping');
    expect(testCase.expect.messages?.length).toBeGreaterThanOrEqual(2);
    expect(testCase.profile.email).toMatch(/@example\.com$/);
    expect(own.some((e) => e.name === 'view')).toBe(true);
    expect(new Set(testCase.events?.map((e) => e.name))).toEqual(
      new Set(own.filter((e) => e.name !== 'view').map((e) => e.name)),
    );
    expect([...eventsNamedBy(cart.journey)].sort()).toEqual(['cart', 'purchase']);
    const [result] = run(cart, [testCase]);
    expect(result?.passed).toBe(true);
  });

  it('fails with a diff once the journey changes under it', async () => {
    const cart = starter('abandoned-cart');
    const { testCase } = await tracedCase(cart, 'reminder-free-shipping');
    const slower = structuredClone(cart.journey);
    const wait = slower.nodes.find((n) => n.id === 'wait-1h');
    if (wait) wait.config.duration = 'PT2H';
    const read = readCasesFile(casesFileText(slower.id, [testCase]), slower);
    if (!read.ok) throw new Error('unreadable');
    const [result] = runCases(slower, read.cases);
    expect(result?.passed).toBe(false);
    const lines = result ? caseReport(slower, result) : [];
    expect(lines[0]).toBe(`FAIL  ${testCase.name}`);
    expect(lines).toContain('      messages differ (- expected, + actual):');
    expect(lines.filter((l) => l.startsWith('        - reminder-1'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('        + reminder-1'))).toHaveLength(1);
  });
});
