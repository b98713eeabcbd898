import { describe, expect, it } from 'vitest';
import { casesFileText } from '../../../core/cases/case-from-trace';
import { caseReport } from '../../../core/cases/case-report';
import type { CaseDocument } from '../../../core/cases/cases-schema';
import { readCasesFile } from '../../../core/cases/read-cases';
import { runCases } from '../../../core/cases/run-cases';
import type { Journey } from '../../../core/model/journey';

/** Scores a point every minute, for ever: a loop through a short wait. */
const ticking: Journey = {
  format: 'journey-studio/journey',
  version: 1,
  id: 'ticking',
  name: 'Ticking',
  settings: {},
  nodes: [
    { id: 'start', kind: 'trigger', config: { on: 'event', event: 'signup' } },
    { id: 'tick', kind: 'wait', config: { mode: 'duration', duration: 'PT1M' } },
    { id: 'score', kind: 'update', config: { increment: { score: 1 } } },
    {
      id: 'sms',
      kind: 'message',
      config: { channel: 'sms', text: 'Welcome {{ profile.first_name }}' },
    },
  ],
  edges: [
    { from: 'start', to: 'sms' },
    { from: 'sms', to: 'tick' },
    { from: 'tick', to: 'score' },
    { from: 'score', to: 'tick' },
  ],
};

function run(cases: CaseDocument[]) {
  const read = readCasesFile(casesFileText(ticking.id, cases), ticking);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return runCases(ticking, read.cases);
}

const person = {
  name: 'Signs up',
  profile: { id: 'p', first_name: 'Pia' },
  start: '2025-03-03T00:00:00Z',
  events: [{ name: 'signup', at: 'PT1H' }],
};

describe('running cases', () => {
  it('says a skipped message that was expected to be sent, with its reason', () => {
    const [result] = run([
      {
        ...person,
        end: '2025-03-03T01:00:30Z',
        expect: {
          messages: [{ node: 'sms', subject: 'Welcome Pia' }],
          skips: [],
          outcome: 'active',
        },
      },
    ]);
    expect(result && caseReport(ticking, result)).toEqual([
      'FAIL  Signs up',
      '      messages differ (- expected, + actual):',
      '        - sms (SMS: Welcome {first_name})  “Welcome Pia”',
      '      skips differ (- expected, + actual):',
      '        + sms (SMS: Welcome {first_name})  skipped: no_address',
    ]);
  });

  it('cuts a journey that loops for weeks short, and says so, instead of filling the memory', () => {
    const [result] = run([
      { ...person, end: '2025-04-30T00:00:00Z', expect: { outcome: 'completed' } },
    ]);
    expect(result?.observed.truncated).toBe(true);
    expect(result && caseReport(ticking, result).at(-1)).toBe(
      '      (the person went through more steps than a case compares; the rest is left out)',
    );
  });
});
