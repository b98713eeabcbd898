import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AppInput } from '../../../core/api/contract';
import { ImportDialog } from '../../../renderer/data/ImportDialog';
import type { Locale } from '../../../renderer/i18n/locales';
import { createAppStore } from '../../../renderer/store/app-store';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

/** A workbook of two sheets, as the file methods hand its sheets over: as CSV text. */
const SHEETS: Record<string, string> = {
  Kunder: 'id,stad\nk1,Malmö\n',
  Händelser: 'kund,händelse\nk1,köp\n',
};

async function openWorkbook(locale: Locale, sheets = Object.keys(SHEETS)) {
  const api = fakeApi();
  const asked: AppInput<'openSheet'>[] = [];
  const opened = (sheet: string) => ({
    canceled: false as const,
    kind: 'profiles' as const,
    fileName: 'kunder.ods',
    text: SHEETS[sheet] ?? '',
    sheets,
    sheet,
  });
  api.openFile = () => Promise.resolve(opened(sheets[0] ?? ''));
  api.openSheet = (input) => {
    asked.push(input);
    return Promise.resolve(opened(input.sheet));
  };
  api.previewDataset = ({ text }) => {
    const [head = '', ...lines] = text.trim().split('\n');
    const columns = head.split(',');
    return Promise.resolve({
      format: 'csv' as const,
      columns,
      rows: lines.map((line) => {
        const cells = line.split(',');
        return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
      }),
      problems: [],
    });
  };
  const store = createAppStore(api);
  await act(() => store.getState().chooseImportFile('profiles'));
  renderApp(<ImportDialog />, { store, locale });
  return { store, asked };
}

function previewHeads(): string[] {
  return [...screen.getByTestId('import-preview').querySelectorAll('th')].map(
    (th) => th.firstChild?.textContent ?? '',
  );
}

describe('choosing the sheet of a workbook in the import dialog', () => {
  it('shows the first sheet, and choosing another re-reads the preview and the columns', async () => {
    const { asked } = await openWorkbook('en');
    const select = screen.getByLabelText<HTMLSelectElement>(/^Sheet/);
    expect(screen.getByText('This workbook has 2 sheets: choose the one to import.')).toBeTruthy();
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Kunder',
      'Händelser',
    ]);
    expect(select.value).toBe('Kunder');
    expect(previewHeads()).toContain('stad');

    await userEvent.selectOptions(select, 'Händelser');
    await waitFor(() => expect(previewHeads()).toContain('händelse'));
    expect(asked).toEqual([{ kind: 'profiles', sheet: 'Händelser' }]);
    expect(screen.getByLabelText<HTMLSelectElement>(/^Sheet/).value).toBe('Händelser');
    const idColumn = screen.getByRole('combobox', { name: /Which column holds the customer id/ });
    expect([...idColumn.querySelectorAll('option')].map((o) => o.textContent)).toContain('kund');
  });

  it('speaks Swedish', async () => {
    await openWorkbook('sv');
    expect(screen.getByLabelText(/^Blad/)).toBeTruthy();
    expect(screen.getByText('Arbetsboken har 2 blad: välj det du vill importera.')).toBeTruthy();
  });

  it('asks nothing for a workbook of one sheet', async () => {
    await openWorkbook('en', ['Kunder']);
    expect(screen.queryByLabelText(/^Sheet/)).toBeNull();
    expect(previewHeads()).toContain('stad');
  });
});
