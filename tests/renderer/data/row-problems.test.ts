import { describe, expect, it } from 'vitest';
import type { ImportProblemView } from '../../../core/api/data-contract';
import { createAppService } from '../../../core/adapters/local-app';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import { loadEvents } from '../../../core/import/importer';
import { rowProblemText } from '../../../renderer/data/row-problems';
import { wordsIn } from '../words';

const CSV = [
  'user_id,event_type,event_time',
  ',view,2026-03-04T10:00:00Z',
  '2,,2026-03-04T10:00:00Z',
  '3,view,igår',
  '4,view',
  '5,view,2026-03-04T10:00:00Z',
].join('\n');

/** The import's problems as the app receives them: each with its figures. */
async function problems(): Promise<ImportProblemView[]> {
  const { summary } = await loadEvents(
    { text: CSV, name: 'events.csv' },
    { mapping: 'profile_id=user_id,name=event_type,time=event_time' },
  );
  return summary.problems.map((p, i) => ({ ...p, values: summary.problemValues[i] }));
}

describe('why a row was left out, in the marketer’s language', () => {
  it('words each problem in Swedish and Norwegian from its code, column and figures', async () => {
    const found = await problems();
    expect(found.map((p) => p.code)).toEqual([
      'missing-id',
      'missing-name',
      'bad-time',
      'bad-row-length',
    ]);
    const sv = wordsIn('sv');
    expect(found.map((p) => rowProblemText(sv.t, sv.f, 'sv', p))).toEqual([
      'Inget kund-id: ”user_id” saknas eller är tom.',
      'Inget händelsenamn: ”event_type” saknas eller är tom.',
      '”igår” i ”event_time” är ingen tid som går att läsa; använd ISO 8601 (2019-10-01T09:30:00Z), ”2019-10-01 09:30:00 UTC” eller millisekunder sedan 1970.',
      'Raden har 2 värden men rubrikraden har 3 kolumner.',
    ]);
    const nb = wordsIn('nb');
    expect(rowProblemText(nb.t, nb.f, 'nb', found[3] as ImportProblemView)).toBe(
      'Raden har 2 verdier, men overskriftsraden har 3 kolonner.',
    );
  });

  it('keeps the import’s own sentence in English, as the command line prints it', async () => {
    const en = wordsIn('en');
    for (const p of await problems()) expect(rowProblemText(en.t, en.f, 'en', p)).toBe(p.reason);
  });

  it('words a file refused whole in the preview as the import would refuse it', async () => {
    const app = createAppService({ db: openDatabase(':memory:'), now: () => 0 });
    const preview = await app.handlers.previewDataset({
      kind: 'profiles',
      fileName: 'kunder.png',
      text: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR',
    });
    const problem = preview.problems[0] as ImportProblemView;
    expect(problem.code).toBe('not-data');
    const sv = wordsIn('sv');
    const nb = wordsIn('nb');
    expect(rowProblemText(sv.t, sv.f, 'sv', problem)).toMatch(/^”kunder\.png” är en bild \(PNG\)/);
    expect(rowProblemText(nb.t, nb.f, 'nb', problem)).toMatch(/^«kunder\.png» er et bilde \(PNG\)/);
    const en = wordsIn('en');
    expect(rowProblemText(en.t, en.f, 'en', problem)).toBe(problem.reason);
  });
});
