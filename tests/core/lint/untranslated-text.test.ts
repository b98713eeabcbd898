import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const probe = join(root, 'renderer/panels', `LintProbe${process.pid}.tsx`);

const CODE = `import { useT } from '../i18n/I18nProvider';

export function Probe({ count }: { count: number }) {
  const t = useT();
  return (
    <section className="probe" aria-label="Untranslated region">
      <h2>Forecast ready</h2>
      <p title={t('common.close')}>{count}</p>
      <button type="button">{t('common.cancel')}</button>
    </section>
  );
}
`;

describe('text a user reads comes from the catalogues', () => {
  let messages: string[];

  beforeAll(async () => {
    writeFileSync(probe, CODE);
    try {
      const [result] = await new ESLint({ cwd: root }).lintFiles([probe]);
      messages = (result?.messages ?? [])
        .filter((m) => m.ruleId === 'i18next/no-literal-string')
        .map((m) => `${m.line}: ${m.message}`);
    } finally {
      rmSync(probe, { force: true });
    }
  }, 120_000);

  afterAll(() => rmSync(probe, { force: true }));

  it('fails on literal text and on a literal accessible name, and passes catalogue text', () => {
    expect(messages).toEqual([
      '6: disallow literal string: aria-label="Untranslated region"',
      '7: disallow literal string: <h2>Forecast ready</h2>',
    ]);
  });
});
