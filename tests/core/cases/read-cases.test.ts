import { describe, expect, it } from 'vitest';
import { formatCasesProblem } from '../../../core/cases/case-report';
import { MAX_CASES, MAX_EVENTS_PER_CASE } from '../../../core/cases/cases-schema';
import { readCasesFile } from '../../../core/cases/read-cases';
import type { Journey } from '../../../core/model/journey';

const journey: Journey = {
  format: 'journey-studio/journey',
  version: 1,
  id: 'cart',
  name: 'Cart',
  settings: {},
  nodes: [
    {
      id: 'start',
      kind: 'trigger',
      label: 'Added to cart',
      config: { on: 'event', event: 'cart' },
    },
    { id: 'wait', kind: 'wait', config: { mode: 'duration', duration: 'PT1H' } },
    {
      id: 'mail',
      kind: 'message',
      label: 'Reminder',
      config: { channel: 'email', from: 'a@example.com', subject: 'Hi', html: '<p>Hi</p>' },
    },
    {
      id: 'mail2',
      kind: 'message',
      label: 'Reminder',
      config: { channel: 'email', from: 'a@example.com', subject: 'Again', html: '<p>Hi</p>' },
    },
  ],
  edges: [
    { from: 'start', to: 'wait' },
    { from: 'wait', to: 'mail' },
    { from: 'mail', to: 'mail2' },
  ],
};

function file(cases: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    { format: 'journey-studio/cases', version: 1, journey: 'cart', ...extra, cases },
    null,
    2,
  );
}

const good = {
  name: 'Anna',
  profile: { id: 'anna', email: 'anna@example.com' },
  start: '2025-03-03T00:00:00Z',
  events: [{ name: 'cart', at: 'PT9H' }],
  expect: { path: ['start', 'Wait 1 hour', 'mail'] },
};

function problems(text: string) {
  const read = readCasesFile(text, journey);
  if (read.ok) throw new Error('expected problems');
  return read.problems.map((p) => formatCasesProblem('cart.cases.json', p));
}

describe('reading a cases file', () => {
  it('reads times as instants or durations from the start, and finds steps by id or title', () => {
    const read = readCasesFile(
      file([
        {
          ...good,
          events: [
            { name: 'purchase', at: '-P30D' },
            { name: 'cart', at: '2025-03-03T10:00:00+01:00' },
          ],
          expect: {
            path: ['start', 'wait', 'added to cart'],
            messages: [{ node: 'mail', subject: 'Hi', at: 'PT10H' }],
          },
        },
      ]),
      journey,
    );
    expect(read.ok && read.cases[0]).toMatchObject({
      name: 'Anna',
      profile: { id: 'anna', attributes: { id: 'anna', email: 'anna@example.com' } },
      start: Date.parse('2025-03-03T00:00:00Z'),
      seed: 0,
      events: [
        { profileId: 'anna', name: 'purchase', time: Date.parse('2025-02-01T00:00:00Z') },
        { profileId: 'anna', name: 'cart', time: Date.parse('2025-03-03T09:00:00Z') },
      ],
      expect: {
        path: ['start', 'wait', 'start'],
        messages: [{ nodeId: 'mail', subject: 'Hi', at: Date.parse('2025-03-03T10:00:00Z') }],
      },
    });
  });

  it('gives each problem its code, line, case and field, and why', () => {
    const text = file([
      {
        ...good,
        name: 'Bad times',
        start: '3 March',
        events: [{ name: 'cart', at: 'soon' }],
        expect: { path: ['start', 'Teleport'] },
      },
      { ...good, name: 'Bad times' },
      { ...good, name: 'Ambiguous', expect: { messages: [{ node: 'Reminder' }] } },
      { ...good, name: 'Nothing', expect: {} },
    ]);
    expect(problems(text)).toEqual([
      'cart.cases.json:12:7  error  case-time-invalid  case "Bad times", start: "3 March" is not a time; write it as 2025-03-03T00:00:00Z (with Z or an offset such as +01:00).',
      'cart.cases.json:16:11  error  case-time-invalid  case "Bad times", events[0].at: "soon" is not a time; write it as 2025-03-03T09:00:00Z, or as a duration from the start such as PT9H.',
      'cart.cases.json:22:11  error  case-unknown-step  case "Bad times", expect.path[1]: The journey has no step "Teleport"; name a step by its id (start, wait, mail, mail2) or its title.',
      'cart.cases.json:27:7  error  case-duplicate-name  case "Bad times", name: Another case is called "Bad times"; give each case its own name.',
      'cart.cases.json:63:13  error  case-ambiguous-step  case "Ambiguous", expect.messages[0].node: Several steps are called "Reminder" (mail, mail2); name the step by its id.',
      'cart.cases.json:81:7  error  case-expects-nothing  case "Nothing", expect: The case expects nothing, so it cannot fail: give a path, messages, skips or an outcome.',
    ]);
  });

  it('says what the schema refuses, in words', () => {
    const text = file([
      { ...good, profile: { email: 'x@example.com' }, expect: { outcome: 'done' } },
      { ...good, name: 'Seeded', seed: -1, events: [{ at: 'PT1H' }] },
    ]);
    expect(problems(text)).toEqual([
      'cart.cases.json:8:7  error  case-invalid  case "Anna", profile.id: is required',
      'cart.cases.json:19:9  error  case-invalid  case "Anna", expect.outcome: outcome must be one of "completed", "converted", "exited", "active", "not_entered"',
      'cart.cases.json:30:9  error  case-invalid  case "Seeded", events[0].name: is required',
      'cart.cases.json:41:7  error  case-invalid  case "Seeded", seed: seed must be 0 or more',
    ]);
  });

  it('refuses what is not a cases file, a newer version, and cases for another journey', () => {
    expect(problems('{"format": "journey-studio/journey"}')).toEqual([
      'cart.cases.json:1:2  error  cases-not-cases  format: This is not a journey tests file: "format" must be "journey-studio/cases".',
    ]);
    expect(problems('{"format": "journey-studio/cases", "version": 2, "cases": []}')).toEqual([
      'cart.cases.json:1:36  error  cases-unsupported-version  version: This file was written for cases format version 2; this app reads version 1. Update the app.',
    ]);
    expect(problems('{"format": "journey-studio/cases", "version": 1, "cases": [')).toEqual([
      "cart.cases.json:1:60  error  cases-invalid-json  Not valid JSON: expected ']' to close the list; the file ends too early (is it cut off?).",
    ]);
    expect(problems(file([good], { journey: 'welcome' }))).toEqual([
      'cart.cases.json:4:3  error  cases-journey-mismatch  journey: These cases are for the journey "welcome", not "cart". Run them with that journey, or change "journey" here.',
    ]);
  });

  it('refuses a window that ends before it starts or before its events', () => {
    expect(problems(file([{ ...good, end: '2025-03-02T00:00:00Z' }]))).toEqual([
      'cart.cases.json:26:7  error  case-window-invalid  case "Anna", end: The case ends before it starts.',
    ]);
    expect(problems(file([{ ...good, end: '2025-03-03T08:00:00Z' }]))).toEqual([
      'cart.cases.json:26:7  error  case-window-invalid  case "Anna", end: An event happens at 2025-03-03T09:00:00.000Z, after the case ends; move the end later or the event earlier.',
    ]);
  });

  it('bounds how long a case covers', () => {
    expect(problems(file([{ ...good, end: '2040-01-01T00:00:00Z' }]))).toEqual([
      'cart.cases.json:26:7  error  case-window-invalid  case "Anna", end: A case covers at most 3,660 days; this one ends 5,417 days after it starts.',
    ]);
    expect(problems(file([{ ...good, events: [{ name: 'cart', at: 'P20Y' }] }]))).toEqual([
      'cart.cases.json:13:7  error  case-window-invalid  case "Anna", events: A case covers at most 3,660 days; its last event and the journey after it reach 7,306 days past the start. Start the case later, or give it an end.',
    ]);
  });

  it('bounds the number of cases and of events in a case', () => {
    const many = Array.from({ length: MAX_CASES + 1 }, (_, i) => ({ ...good, name: `case ${i}` }));
    expect(problems(file(many))).toEqual([
      `cart.cases.json:5:3  error  cases-too-many  cases: This file has ${MAX_CASES + 1} cases; a cases file has at most ${MAX_CASES}. Split it into several files.`,
    ]);
    const events = Array.from({ length: MAX_EVENTS_PER_CASE + 1 }, () => ({
      name: 'x',
      at: 'PT1H',
    }));
    expect(problems(file([{ ...good, events }]))).toEqual([
      `cart.cases.json:13:7  error  case-too-many-events  case "Anna", events: This case has ${MAX_EVENTS_PER_CASE + 1} events; a case has at most ${MAX_EVENTS_PER_CASE}. Keep the events the journey reacts to.`,
    ]);
  });
});
