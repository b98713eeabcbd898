import { render as renderPlain, screen } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nProvider } from '../../../renderer/i18n/I18nProvider';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { emailView } from '../../../renderer/channels/email.view';
import { NodeInspector } from '../../../renderer/inspector/NodeInspector';
import { AppStoreContext, createAppStore } from '../../../renderer/store/app-store';
import { journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';

/** Mounts as the app does: in English. */
const inEnglish = ({ children }: { children: ReactNode }) => (
  <I18nProvider locale="en">{children}</I18nProvider>
);
const render = (ui: ReactElement) => renderPlain(ui, { wrapper: inEnglish });

const PIXEL = 'https://track.example/open.gif?u=42';
const HTML =
  `<p>Hi</p><img src="${PIXEL}" width="1" height="1">` +
  '<div style="background: url(https://cdn.example/bg.png)">Sale</div>' +
  '<img src="data:image/png;base64,iVBORw0KGgo=" alt="logo">';

const srcdoc = (testId: string) => screen.getByTestId(testId).getAttribute('srcdoc') ?? '';

function expectBlocked(doc: string) {
  expect(doc).not.toContain(PIXEL);
  expect(doc).not.toContain('https://cdn.example/bg.png');
  expect(doc).toContain('img-src data: cid:;');
  // Embedded images are part of the message and stay.
  expect(doc).toContain('data:image/png;base64');
}

describe('remote images in email previews', () => {
  it('holds back a tracking pixel and remote backgrounds in the outbox until asked', async () => {
    render(<emailView.OutboxBody content={{ channel: 'email', subject: 'Hi', html: HTML }} />);
    expectBlocked(srcdoc('outbox-frame'));
    expect(screen.getByTestId('email-images').textContent).toContain(
      '2 images from the internet are hidden: loading one can tell the sender that this message was opened.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Show images' }));
    const shown = srcdoc('outbox-frame');
    expect(shown).toContain(`src="${PIXEL.replace('&', '&amp;')}"`);
    expect(shown).toContain('img-src data: cid: https:;');
    expect(screen.queryByTestId('email-images')).toBeNull();
  });

  it('does the same in a traced profile’s messages', () => {
    render(
      <emailView.TraceBody
        content={{ channel: 'email', subject: 'Hi', html: HTML }}
        subject="Hi"
      />,
    );
    expectBlocked(srcdoc('trace-frame'));
    expect(screen.getByRole('button', { name: 'Show images' })).toBeTruthy();
  });

  it('does the same in the inspector’s preview, and says nothing when there is nothing remote', async () => {
    const mail = node('mail', 'message', {
      channel: 'email',
      from: 'shop@example.com',
      subject: 'Hi',
      html: HTML,
    });
    const store = createAppStore(fakeApi([journey([mail], [])]));
    store.getState().loadJourney(journey([mail], []), 1);
    const { unmount } = render(
      <AppStoreContext.Provider value={store}>
        <NodeInspector nodeId="mail" />
      </AppStoreContext.Provider>,
    );
    // The preview renders once the form has settled.
    await screen.findByTestId('preview-frame');
    expectBlocked(srcdoc('preview-frame'));
    unmount();
    render(
      <emailView.OutboxBody content={{ channel: 'email', subject: 'Hi', html: '<p>Hi</p>' }} />,
    );
    expect(screen.queryByTestId('email-images')).toBeNull();
  });
});
