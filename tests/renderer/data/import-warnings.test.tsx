import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportWarningView } from '../../../core/api/data-contract';
import { loadProfiles } from '../../../core/import/importer';
import { decodeFileText } from '../../../core/import/text-encoding';
import { ImportDialog } from '../../../renderer/data/ImportDialog';
import type { Locale } from '../../../renderer/i18n/locales';
import { createAppStore } from '../../../renderer/store/app-store';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

/** "id,name" and "1,Åsa Öberg" in Latin-1, as an old Excel export writes them. */
const LATIN1 = Uint8Array.from([
  ...new TextEncoder().encode('id,name\n1,'),
  0xc5,
  0x73,
  0x61,
  0x20,
  0xd6,
  0x62,
  0x65,
  0x72,
  0x67,
  0x0a,
]);

/** A UTF-8 file that stops being UTF-8 far into it, past the part that decides the encoding. */
function brokenLater(): { bytes: Uint8Array; at: number } {
  const rows = Array.from({ length: 2_000 }, (_, i) => `${i},Åsa\n`).join('');
  const head = new TextEncoder().encode(`id,name\n${rows}x,`);
  return { bytes: Uint8Array.from([...head, 0xd6, 0x0a]), at: head.length };
}

const DUPLICATES = 'id,plan\n1,free\n2,free\n1,paid\n3,free\n2,paid\n';

async function openImport(
  locale: Locale,
  text: string,
  readWarnings: readonly ImportWarningView[],
  importWarnings: readonly ImportWarningView[] = [],
) {
  const api = fakeApi();
  api.previewDataset = () =>
    Promise.resolve({
      format: 'csv' as const,
      columns: ['id', 'name'],
      rows: [{ id: '1', name: 'Åsa Öberg' }],
      problems: [],
    });
  api.importDataset = ({ name, fileName }) =>
    Promise.resolve({
      dataset: {
        id: 'ds-1',
        kind: 'profiles' as const,
        name,
        fileName,
        source: 'import' as const,
        rows: 3,
        rejected: 0,
        columns: ['id', 'name'],
        importedAt: '2026-05-04T12:00:00.000Z',
        profiles: 3,
      },
      problems: [],
      problemsTruncated: false,
      warnings: [...importWarnings],
    });
  const store = createAppStore(api);
  await store.getState().beginImport('profiles', 'kunder.csv', text, readWarnings);
  renderApp(<ImportDialog />, { store, locale });
  return store;
}

function shownWarnings(): string[] {
  return [...screen.getByTestId('import-warnings').querySelectorAll('li')].map((li) =>
    (li.textContent ?? '').replace(/[\u00a0\u202f]/g, ' '),
  );
}

describe('the import dialog’s warnings in the marketer’s language', () => {
  it('says in Swedish that a file was read as Latin-1, and where a file stops being UTF-8', async () => {
    const latin1 = decodeFileText(LATIN1);
    const broken = brokenLater();
    const later = decodeFileText(broken.bytes);
    await openImport('sv', latin1.text, [...latin1.warnings, ...later.warnings]);
    expect(shownWarnings()).toEqual([
      'Filen är inte UTF-8, så den lästes som Latin-1 (västeuropeisk). Kontrollera att bokstäver som å, ä, ö, æ och ø ser rätt ut; spara filen som UTF-8 så behöver ingen gissa.',
      `En del av filen är inte UTF-8 (från byte ${broken.at.toLocaleString('sv').replace(/\u00a0/g, ' ')}): de tecknen visas som ”�”. Spara filen som UTF-8 och importera den igen.`,
    ]);
  });

  it('says in Norwegian, once imported, that rows repeated a profile id', async () => {
    const { summary } = await loadProfiles({ text: DUPLICATES, name: 'kunder.csv' });
    const store = await openImport('nb', DUPLICATES, [], summary.warnings);
    await act(() => store.getState().runImport());
    expect(screen.getByTestId('import-result')).toBeTruthy();
    expect(shownWarnings()).toEqual([
      '2 rader gjentar en profil-ID som en tidligere rad har (for eksempel «1» på linje 4, først på linje 2). Hver senere rad oppdaterte den profilen.',
    ]);
  });

  it('keeps the import’s own sentence in English', async () => {
    const { summary } = await loadProfiles({ text: DUPLICATES, name: 'kunder.csv' });
    const english = summary.warnings[0]?.message ?? '';
    await openImport('en', DUPLICATES, summary.warnings);
    expect(shownWarnings()).toEqual([english]);
  });

  it('keeps an older engine’s words when a warning comes without facts', async () => {
    const older = { code: 'duplicate-ids', message: '2 rows repeat a profile id.' };
    await openImport('sv', DUPLICATES, [older]);
    expect(shownWarnings()).toEqual(['2 rows repeat a profile id.']);
  });
});
