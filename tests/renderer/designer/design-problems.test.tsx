import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  compileDesign,
  type CompiledEmail,
  type CompileProblem,
} from '../../../core/email-design/compile-design';
import type { Block, EmailDesign } from '../../../core/email-design/design-schema';
import { DesignPreview } from '../../../renderer/designer/DesignPreview';
import { TestSendPanel } from '../../../renderer/designer/TestSendPanel';
import type { Locale } from '../../../renderer/i18n/locales';
import { createAppStore } from '../../../renderer/store/app-store';
import { node } from '../../core/build';
import { designOf, FOOTER, ONE_OF_EACH } from '../../core/email-design/designs';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

/** A button whose colour was edited by hand in the file: five digits, not six. */
const ODD_BUTTON = { ...ONE_OF_EACH.button, id: 'b-odd', colour: '#12345' } as Block;

function preview(locale: Locale, design: EmailDesign, email: CompiledEmail) {
  const selected: string[] = [];
  renderApp(
    <DesignPreview
      design={design}
      email={email}
      error={undefined}
      onSelectBlock={(id) => selected.push(id)}
    />,
    { store: createAppStore(fakeApi()), locale },
  );
  return selected;
}

const problemsShown = () =>
  screen.getAllByTestId('designer-problem').map((p) => p.textContent ?? '');

describe('the designer’s MJML problems in the marketer’s language', () => {
  it('says in Swedish which block has a colour an email cannot use, and shows the block', async () => {
    const design = designOf([ODD_BUTTON, FOOTER]);
    const selected = preview('sv', design, await compileDesign(design));
    expect(problemsShown()).toEqual([
      'Block 1 (Knapp): Färgen ”#12345” kan inte användas i ett mejl. Ändra den i blockets inställningar; till dess kan e-postprogram visa blocket annorlunda. Visa blocket',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Visa blocket' }));
    expect(selected).toEqual(['b-odd']);
  });

  it('says it in Norwegian, for a colour and for an alignment', async () => {
    const image = { ...ONE_OF_EACH.image, align: 'middle' } as unknown as Block;
    const design = designOf([ODD_BUTTON, image, FOOTER]);
    const email = await compileDesign(design);
    preview('nb', design, email);
    expect(problemsShown()[0]).toBe(
      'Blokk 1 (Knapp): Fargen «#12345» kan ikke brukes i en e-post. Endre den i blokkens innstillinger; inntil da kan e-postprogrammer vise blokken annerledes. Vis blokken',
    );
    expect(problemsShown()[1]).toMatch(/^Blokk 2 \(Bilde\): Justeringen «middle» kan ikke brukes/);
  });

  it('tells what to do about a problem the email builder itself made', () => {
    const design = designOf([FOOTER]);
    const problem: CompileProblem = {
      code: 'mjml-misplaced',
      values: { tag: 'mj-column', parent: 'mj-body' },
      message: 'mj-column cannot be used inside mj-body, only inside: mj-section',
    };
    preview('sv', design, { html: '', text: '', mjml: '', problems: [problem] });
    expect(problemsShown()).toEqual([
      'E-postbyggaren tillåter inte mj-column inuti mj-body. Mejlet skapas ändå, men e-postprogram kan visa den här delen annorlunda. Ångra din senaste ändring; om meddelandet finns kvar, skicka det vidare till den som ger support för er Journey Studio.',
    ]);
  });
});

describe('a personalisation mistake in a block, in the marketer’s language', () => {
  it('says in Swedish what is missing and where, and shows the block', async () => {
    const broken = { ...ONE_OF_EACH.heading, text: 'Hej {{ profile.first_name' } as Block;
    const design = designOf([broken, FOOTER]);
    const selected = preview('sv', design, await compileDesign(design));
    expect(screen.getByTestId('designer-liquid-error').textContent).toBe(
      'Block 1 (Rubrik): Texten saknar ett avslutande }} efter {{ profile.first_name (rad 1, kolumn 5). Visa blocket',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Visa blocket' }));
    expect(selected).toEqual(['b-heading']);
  });
});

describe('a block that runs into a rendering limit, in the marketer’s language', () => {
  it('says in Norwegian that a loop repeats too often, on the block it is in', async () => {
    const loop = '{% for a in (1..400) %}{% for b in (1..400) %}x{% endfor %}{% endfor %}';
    const heavy = { ...ONE_OF_EACH.heading, text: loop } as Block;
    const design = designOf([FOOTER, heavy]);
    preview('nb', design, await compileDesign(design));
    expect(screen.getByTestId('designer-liquid-error').textContent).toMatch(
      /^Blokk 2 \([^)]+\): En løkke gjentas for mange ganger: meldingen tok for lang tid å lage\. Vis blokken$/,
    );
  });
});

describe('a test send whose template cannot be rendered, in the marketer’s language', () => {
  it('says in Swedish which field misses a closing }} and where', async () => {
    const api = fakeApi();
    api.sendTestMessage = () =>
      Promise.resolve({
        ok: false,
        via: 'outbox' as const,
        detail: 'Subject: missing a closing }} after {{ profile.first_name (line 1, column 5)',
        render: {
          field: 'subject',
          problem: {
            problem: 'outputNotClosed',
            line: 1,
            column: 5,
            near: '{{ profile.first_name',
            name: '',
            suggestion: '',
            suggested: 'no',
          },
        },
      });
    const mail = node('mail', 'message', {
      channel: 'email',
      from: 'shop@example.com',
      subject: 'Hej {{ profile.first_name',
      html: '<p>Hej</p>',
    });
    renderApp(<TestSendPanel node={mail} ready />, { store: createAppStore(api), locale: 'sv' });
    await userEvent.type(screen.getByTestId('designer-test-to'), 'me@example.com');
    await userEvent.click(screen.getByTestId('designer-test-send'));
    expect(
      await screen.findByText(
        'Ämnesraden saknar ett avslutande }} efter {{ profile.first_name (rad 1, kolumn 5).',
      ),
    ).toBeTruthy();
  });

  it('says in Norwegian that a loop repeats too often', async () => {
    const api = fakeApi();
    api.sendTestMessage = () =>
      Promise.resolve({
        ok: false,
        via: 'outbox' as const,
        detail: 'Body: This message took too long to render: a loop in the body repeats too often',
        render: { field: 'html', limit: 'loop' as const },
      });
    const mail = node('mail', 'message', {
      channel: 'email',
      from: 'shop@example.com',
      subject: 'Hei',
      html: '<p>Hei</p>',
    });
    renderApp(<TestSendPanel node={mail} ready />, { store: createAppStore(api), locale: 'nb' });
    await userEvent.type(screen.getByTestId('designer-test-to'), 'me@example.com');
    await userEvent.click(screen.getByTestId('designer-test-send'));
    expect(
      await screen.findByText(
        'En løkke gjentas for mange ganger: meldingen tok for lang tid å lage.',
      ),
    ).toBeTruthy();
  });
});
