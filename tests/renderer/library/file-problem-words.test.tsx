import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseJourneyFile, type FileProblem } from '../../../core/model/journey-file';
import type { Locale } from '../../../renderer/i18n/locales';
import { say } from '../../../renderer/i18n/words';
import { fileProblemWords } from '../../../renderer/library/file-problem-words';
import { Dialogs } from '../../../renderer/panels/Dialogs';
import { createAppStore } from '../../../renderer/store/app-store';
import { fixtureText } from '../../core/fixtures';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';
import { wordsIn } from '../words';

/** Spaces inside numbers as plain spaces, so a figure reads the same in every test. */
function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
}

function problemsOf(text: string): FileProblem[] {
  const parsed = parseJourneyFile(text);
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.problems;
}

function sentence(locale: Locale, problem: FileProblem): string {
  return plain(say(wordsIn(locale).t, fileProblemWords(problem)));
}

async function importInto(locale: Locale, fileName: string, text: string) {
  const store = createAppStore(fakeApi());
  await store.getState().importJourneyFile(fileName, text);
  renderApp(<Dialogs />, { store, locale });
  return screen.getByTestId('import-problems');
}

describe('the import-problems dialog in the marketer’s language', () => {
  it('says in Swedish where a cut-off file breaks and why', async () => {
    const list = await importInto(
      'sv',
      'avklippt.json',
      fixtureText('journeys', 'abandoned-cart.json').slice(0, 400),
    );
    expect(screen.getByRole('dialog').textContent).toContain(
      'avklippt.json är ingen resefil som Journey Studio kan läsa. Ingenting ändrades.',
    );
    expect(list.textContent).toMatch(/^Rad \d+:\d+/);
    expect(list.textContent).toContain('Det här är inte giltig JSON: ');
    expect(list.textContent).toContain('; filen tar slut för tidigt (är den avklippt?).');
    expect(list.textContent).not.toMatch(/JSON: .*ends too early/);
  });

  it('names the step of an unknown kind in Norwegian, with its line', async () => {
    const list = await importInto('nb', 'ukjent.json', fixtureText('invalid', 'unknown-kind.json'));
    expect(list.textContent).toBe(
      'Linje 38:7' +
        'Steget «wait1» har den ukjente typen «delay»; typene som finnes, er trigger, wait, condition, split, message, update, exit. ' +
        'Ble filen laget i en nyere Journey Studio? Oppdater Journey Studio for å åpne den.',
    );
  });

  it('says in Swedish that a file is from a newer Journey Studio', async () => {
    const list = await importInto('sv', 'ny.json', fixtureText('invalid', 'future-version.json'));
    expect(list.textContent).toBe(
      'Rad 3:3' +
        'Resan sparades i formatversion 3; den här Journey Studio läser upp till version 1. Uppdatera Journey Studio för att öppna den.',
    );
  });

  it('keeps the English sentences the command line prints', async () => {
    const list = await importInto(
      'en',
      'dup.json',
      fixtureText('invalid', 'duplicate-node-id.json'),
    );
    expect(list.textContent).toContain(
      'Two steps have the id “wait1” (the first at line 25); each step needs an id of its own.',
    );
  });
});

describe('journey-file problems in Swedish and Norwegian', () => {
  it('word the JSON parser’s errors', () => {
    const [comma] = problemsOf(
      '{\n  "format": "journey-studio/journey",\n  "id": "x" "name": "y"\n}',
    );
    const [quote] = problemsOf('{"format": "journey-studio/journey", "name": "Vår\nkampanj"}');
    const [tab] = problemsOf('{"format": "journey-studio/journey", "name": "Vår\tkampanj"}');
    const [empty] = problemsOf('   ');
    expect(sentence('sv', comma as FileProblem)).toBe(
      'Det här är inte giltig JSON: ett kommatecken saknas.',
    );
    expect(sentence('nb', comma as FileProblem)).toBe(
      'Dette er ikke gyldig JSON: et komma mangler.',
    );
    expect(sentence('sv', quote as FileProblem)).toMatch(
      /^Det här är inte giltig JSON: ett citattecken är inte stängt[.;]/,
    );
    expect(sentence('nb', tab as FileProblem)).toBe(
      'Dette er ikke gyldig JSON: et tegn er ikke tillatt her (for eksempel en tabulator eller et linjeskift inne i anførselstegn).',
    );
    expect(sentence('nb', empty as FileProblem)).toBe('Filen er tom: det er ingen reise i den.');
  });

  it('word a structural problem by the step’s name and the field', () => {
    const journey = JSON.parse(fixtureText('journeys', 'abandoned-cart.json')) as {
      nodes: Record<string, unknown>[];
      edges: Record<string, unknown>[];
    };
    const node = journey.nodes[1] as Record<string, unknown>;
    node.label = 'Vänta en timme';
    delete node.id;
    delete journey.edges[0]?.to;
    const [step, connection] = problemsOf(JSON.stringify(journey, null, 2));
    expect(sentence('sv', step as FileProblem)).toBe('Steg 2 ”Vänta en timme”: ”id” saknas.');
    expect(sentence('nb', step as FileProblem)).toBe('Steg 2 «Vänta en timme»: «id» mangler.');
    expect(sentence('sv', connection as FileProblem)).toBe('Koppling 1: ”to” saknas.');
    expect(sentence('en', connection as FileProblem)).toBe('Connection 1: “to” is missing.');
  });

  it('word limits with the language’s numbers', () => {
    const nodes = Array.from({ length: 2500 }, (_, i) => ({ id: `n${i}`, kind: 'exit' }));
    const [tooMany] = problemsOf(
      JSON.stringify({ format: 'journey-studio/journey', version: 1, nodes, edges: [] }),
    );
    expect(sentence('sv', tooMany as FileProblem)).toBe(
      'Resan har 2 500 steg; en resa kan ha högst 2 000.',
    );
    const large: FileProblem = {
      code: 'journey-too-large',
      message: 'This journey file is 12.3 MB; a journey file can be at most 10 MB.',
      values: { size: 12_345_678, limit: 10_000_000 },
    };
    expect(sentence('nb', large)).toBe('Reisefilen er 12,3 MB; en reisefil kan være høyst 10 MB.');
  });

  it('word a file no upgrade reaches, and a repeated id', () => {
    const text = fixtureText('invalid', 'unknown-kind.json');
    const [stuck] = (() => {
      const parsed = parseJourneyFile(text, { migrations: [], currentVersion: 2 });
      if (parsed.ok) throw new Error('expected the file to be refused');
      return parsed.problems;
    })();
    expect(stuck?.values).toEqual({ version: 1, supported: 2, missingFrom: 1 });
    expect(sentence('sv', stuck as FileProblem)).toBe(
      'Resan är i formatversion 1, och den här Journey Studio kan inte uppgradera den till version 2: den saknar en uppgradering från version 1. Öppna filen i den Journey Studio som den sparades med.',
    );
    const [duplicate] = problemsOf(fixtureText('invalid', 'duplicate-node-id.json'));
    expect(sentence('nb', duplicate as FileProblem)).toBe(
      'To steg har id-en «wait1» (det første på linje 25); hvert steg trenger sin egen id. Endre en av dem i filen og importer den på nytt.',
    );
  });

  it('keep the engine’s words for a problem without facts or with a newer code', () => {
    const older = { code: 'unknown-kind', message: 'Node "x" has the unknown kind "y".' };
    const newer = { code: 'signed-by-other', message: 'Signed by another library.', values: {} };
    expect(sentence('sv', older as FileProblem)).toBe('Node "x" has the unknown kind "y".');
    expect(sentence('nb', newer as FileProblem)).toBe('Signed by another library.');
  });
});
