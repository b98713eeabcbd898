/**
 * The email designer as a marketer uses it from the keyboard: adding, moving, removing and
 * undoing blocks; the journey gets the design with the HTML and text made from it. Bad input —
 * a design from a newer version, an image too large, a broken image — gets a clear message and
 * loses nothing.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../core/model/journey';
import { EmailDesigner } from '../../../renderer/designer/EmailDesigner';
import { MessageExtras } from '../../../renderer/inspector/MessageExtras';
import { createAppStore, useApp } from '../../../renderer/store/app-store';
import { edge, journey, node } from '../../core/build';
import { png } from '../../core/email-design/image-bytes';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

function mailJourney(config: Record<string, unknown> = {}): Journey {
  return journey(
    [
      node('start', 'trigger', { on: 'event', event: 'signup' }),
      node('mail', 'message', {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Hello',
        html: '<p>Hi</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>',
        ...config,
      }),
    ],
    [edge('start', 'mail')],
  );
}

function Extras() {
  const mail = useApp((s) => s.journey?.nodes.find((n) => n.id === 'mail'));
  return mail ? <MessageExtras node={mail} /> : null;
}

function setup(j: Journey = mailJourney()) {
  const store = createAppStore(fakeApi([j]));
  store.getState().loadJourney(j, 1);
  renderApp(
    <>
      <Extras />
      <EmailDesigner />
    </>,
    { store },
  );
  const config = () => store.getState().journey!.nodes[1]!.config;
  return { store, config };
}

const blockNames = () =>
  screen
    .getAllByRole('group', { name: /^Block \d+:/ })
    .map(
      (b) =>
        /^Block \d+: (\S+)/.exec(
          document.getElementById(b.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
        )?.[1],
    );

describe('email designer', () => {
  it('builds an email from the keyboard, undoes inside the designer, and writes design, HTML and text', async () => {
    const user = userEvent.setup();
    const { config } = setup();
    await user.click(screen.getByRole('button', { name: 'Design with blocks' }));
    const dialog = await screen.findByRole('dialog', { name: /Email designer/ });
    expect(blockNames()).toEqual(['Heading', 'Text', 'Button', 'Footer']);

    // Add a divider after the selected (first) block with Enter on the palette.
    within(dialog).getByRole('button', { name: 'Divider' }).focus();
    await user.keyboard('{Enter}');
    expect(blockNames()).toEqual(['Heading', 'Divider', 'Text', 'Button', 'Footer']);
    // Move it down with Alt+Down, remove the button with Delete.
    screen.getByRole('group', { name: /^Block 2: Divider/ }).focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    // The moved block takes the focus back on the next frame.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(blockNames()).toEqual(['Heading', 'Text', 'Divider', 'Button', 'Footer']);
    screen.getByRole('group', { name: /^Block 4: Button/ }).focus();
    await user.keyboard('{Delete}');
    expect(blockNames()).toEqual(['Heading', 'Text', 'Divider', 'Footer']);
    // Ctrl+Z undoes in the designer (not on the canvas), Ctrl+Y redoes.
    await user.keyboard('{Control>}z{/Control}');
    expect(blockNames()).toEqual(['Heading', 'Text', 'Divider', 'Button', 'Footer']);
    await user.keyboard('{Control>}y{/Control}');
    expect(blockNames()).toEqual(['Heading', 'Text', 'Divider', 'Footer']);

    await waitFor(
      () => {
        const c = config();
        expect((c.design as { blocks: { type: string }[] }).blocks.map((b) => b.type)).toEqual([
          'heading',
          'text',
          'divider',
          'footer',
        ]);
        expect(c.html).toContain('border-top:solid 1px');
        expect(c.text).toContain('{{ unsubscribe_url }}');
      },
      { timeout: 20_000 },
    );
    // MJML compiles in the test DOM too, slowly on a busy machine.
  }, 30_000);

  it('a design from a newer version: a clear message, and the email stays as it was', async () => {
    const future = { version: 9, blocks: [{ id: 'x', type: 'hologram' }] };
    const { config, store } = setup(mailJourney({ design: future }));
    expect(screen.getByRole('alert').textContent).toMatch(
      /designed in a newer version of Journey Studio/,
    );
    act(() => store.getState().openDesigner('mail'));
    const dialog = await screen.findByRole('dialog', { name: /Email designer/ });
    expect(within(dialog).getByRole('alert').textContent).toMatch(
      /newer version of Journey Studio \(design version 9\)[\s\S]*Nothing is lost/,
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(config().design).toEqual(future);
    expect(config().html).toContain('<p>Hi</p>');
  });

  it('an image too large or broken is refused with a clear message, and nothing is added', async () => {
    const user = userEvent.setup();
    const { store } = setup();
    await user.click(screen.getByRole('button', { name: 'Design with blocks' }));
    const dialog = await screen.findByRole('dialog', { name: /Email designer/ });
    await user.click(within(dialog).getByRole('button', { name: 'Image' }));
    const picker = screen.getByTestId('designer-image-file');
    const huge = new File([png(3000, 2000, 20 * 1024 * 1024)], 'holiday.png', {
      type: 'image/png',
    });
    await user.upload(picker, huge);
    expect((await screen.findByTestId('designer-image-problem')).textContent).toBe(
      '"holiday.png" is 20.0 MB; images up to 2.0 MB can be used in email. Save it smaller (1200 pixels wide, JPEG) and pick it again.',
    );
    const broken = new File([png(10, 10).slice(0, 12)], 'banner.png', { type: 'image/png' });
    await user.upload(picker, broken);
    await waitFor(() =>
      expect(screen.getByTestId('designer-image-problem').textContent).toMatch(
        /"banner\.png" is not a PNG, JPEG or GIF image that can be read/,
      ),
    );
    expect(store.getState().images).toEqual([]);
    await user.upload(picker, new File([png(300, 200)], 'ok.png', { type: 'image/png' }));
    await waitFor(() => expect(store.getState().images).toHaveLength(1));
    expect(screen.queryByTestId('designer-image-problem')).toBeNull();
  });
});
