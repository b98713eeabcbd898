import { render as renderPlain, screen } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nProvider } from '../../../renderer/i18n/I18nProvider';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../core/model/journey';
import { NodeInspector } from '../../../renderer/inspector/NodeInspector';
import { AppStoreContext, createAppStore } from '../../../renderer/store/app-store';
import { journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';

/** Mounts as the app does: in English. */
const inEnglish = ({ children }: { children: ReactNode }) => (
  <I18nProvider locale="en">{children}</I18nProvider>
);
const render = (ui: ReactElement) => renderPlain(ui, { wrapper: inEnglish });

function withStore(j: Journey) {
  const store = createAppStore(fakeApi([j]));
  store.getState().loadJourney(j, 1);
  render(
    <AppStoreContext.Provider value={store}>
      <NodeInspector nodeId="mail" />
    </AppStoreContext.Provider>,
  );
  return store;
}

const mail = (html: string) =>
  node('mail', 'message', { channel: 'email', from: 'shop@example.com', subject: 'Hi', html });

describe('message preview with hostile templates', () => {
  it('shows why an include cannot be rendered instead of blanking the app', async () => {
    const store = withStore(journey([mail('<p>Hi</p>')], []));
    const subject = screen.getByRole('textbox', { name: 'Subject' });
    await userEvent.clear(subject);
    await userEvent.click(subject);
    await userEvent.paste("{% include 'x' %}");
    expect(store.getState().journey?.nodes[0]?.config.subject).toBe("{% include 'x' %}");
    expect(
      screen.getAllByText('The subject includes another template, which a message cannot do.')
        .length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole('textbox', { name: 'Subject' })).toBeTruthy();
  });

  it('stops a body whose loops repeat too often and says so, without freezing the editor', () => {
    const words = Array.from({ length: 230 }, (_, i) => String.fromCharCode(97 + (i % 26)));
    const html =
      `{% assign l = "${words.join(',')}" | split: "," %}` +
      '{% for a in l %}{% for b in l %}{% for c in l %}{{ c }}{% endfor %}{% endfor %}{% endfor %}';
    const started = performance.now();
    withStore(journey([mail(html)], []));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(
      screen.getByText('Body: A loop repeats too often: the message took too long to render.'),
    ).toBeTruthy();
  });
});
