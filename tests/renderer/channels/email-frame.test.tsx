import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { emailView } from '../../../renderer/channels/email.view';
import { NodeInspector } from '../../../renderer/inspector/NodeInspector';
import { createAppStore } from '../../../renderer/store/app-store';
import { journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

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

  it('does the same in the inspector’s preview, and says nothing when there is nothing remote', () => {
    const mail = node('mail', 'message', {
      channel: 'email',
      from: 'shop@example.com',
      subject: 'Hi',
      html: HTML,
    });
    const store = createAppStore(fakeApi([journey([mail], [])]));
    store.getState().loadJourney(journey([mail], []), 1);
    const { unmount } = renderApp(<NodeInspector nodeId="mail" />, { store });
    expectBlocked(srcdoc('preview-frame'));
    unmount();
    render(
      <emailView.OutboxBody content={{ channel: 'email', subject: 'Hi', html: '<p>Hi</p>' }} />,
    );
    expect(screen.queryByTestId('email-images')).toBeNull();
  });
});
