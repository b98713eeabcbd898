import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nProvider } from '../../renderer/i18n/I18nProvider';
import type { Locale } from '../../renderer/i18n/locales';
import { AppStoreContext, type AppStore } from '../../renderer/store/app-store';

/**
 * Renders a piece of the app as the app mounts it: in a language (English unless a test asks for
 * another) and, when given, over a store.
 */
export function renderApp(
  ui: ReactElement,
  { store, locale = 'en' }: { store?: AppStore; locale?: Locale } = {},
): RenderResult {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nProvider locale={locale}>
      {store ? (
        <AppStoreContext.Provider value={store}>{children}</AppStoreContext.Provider>
      ) : (
        children
      )}
    </I18nProvider>
  );
  return render(ui, { wrapper });
}
