import { useId } from 'react';
import { useIntl } from 'react-intl';
import { useLocale, useT } from '../i18n/I18nProvider';
import { useFormats } from '../i18n/format';
import { Field } from '../inspector/widgets/Field';
import { CURRENCIES, currencyFor } from './currency';
import { LanguagePicker } from './LanguagePicker';
import type { SectionProps } from './LinksSection';

/**
 * The app's language (this computer's choice, applied at once) and the library's currency
 * (saved with the other settings): revenue and prices are shown in it.
 */
export function RegionSection({ form, change }: Pick<SectionProps, 'form' | 'change'>) {
  const t = useT();
  const f = useFormats();
  const { locale } = useLocale();
  const intl = useIntl();
  const currencyId = useId();
  const names = new Intl.DisplayNames([intl.locale], { type: 'currency' });
  const own = currencyFor('', locale);
  const shown = currencyFor(form.currency, locale);
  return (
    <section className="settings-section" aria-labelledby="settings-region-title">
      <h3 className="section-title" id="settings-region-title">
        {t('settings.region.title')}
      </h3>
      <div className="field">
        <LanguagePicker />
        <p className="field-help">{t('settings.region.languageHelp')}</p>
      </div>
      <Field
        id={currencyId}
        label={t('settings.region.currency')}
        help={t('settings.region.currencyHelp', { example: f.money(17434.5, shown) })}
      >
        <select
          id={currencyId}
          className="select"
          data-testid="settings-currency"
          aria-describedby={`${currencyId}-help`}
          value={form.currency}
          onChange={(e) => change({ currency: e.target.value })}
        >
          <option value="">
            {t('settings.region.currencyOwn', { currency: `${names.of(own) ?? own} (${own})` })}
          </option>
          {CURRENCIES.map((code) => (
            <option key={code} value={code}>
              {`${names.of(code) ?? code} (${code})`}
            </option>
          ))}
        </select>
      </Field>
    </section>
  );
}
