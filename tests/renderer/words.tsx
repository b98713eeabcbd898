import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nProvider } from '../../renderer/i18n/I18nProvider';
import type { Locale } from '../../renderer/i18n/locales';
import { useWords, type Words } from '../../renderer/simulation/sim-words';

/** The words the simulation and run helpers take, in a language, as the app's provider gives them. */
export function wordsIn(locale: Locale = 'en'): Words {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nProvider locale={locale}>{children}</I18nProvider>
  );
  return renderHook(() => useWords(), { wrapper }).result.current;
}
