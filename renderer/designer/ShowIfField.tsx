import { useId } from 'react';
import type { Visibility } from '../../core/email-design/design-schema';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';

const OPS: [Visibility['op'], MessageId][] = [
  ['is_true', 'designer.showIf.isTrue'],
  ['is_false', 'designer.showIf.isFalse'],
  ['eq', 'designer.showIf.eq'],
  ['neq', 'designer.showIf.neq'],
  ['exists', 'designer.showIf.exists'],
  ['not_exists', 'designer.showIf.notExists'],
];

/** "Show only to …": a block for some readers, written as a Liquid `if` around it. */
export function ShowIfField({
  value,
  onChange,
}: {
  value: Visibility | undefined;
  onChange: (v: Visibility | undefined) => void;
}) {
  const t = useT();
  const id = useId();
  const name = value?.attribute ?? '';
  return (
    <fieldset className="designer-showif">
      <legend>{t('designer.showIf.title')}</legend>
      <label className="switch-row">
        <input
          type="checkbox"
          checked={value !== undefined}
          data-testid="designer-showif"
          onChange={(e) =>
            onChange(e.target.checked ? { attribute: 'vip', op: 'is_true' } : undefined)
          }
        />
        {t('designer.showIf.toggle')}
      </label>
      {value && (
        <div className="designer-showif-rule">
          <label className="field-label" htmlFor={`${id}-attr`}>
            {t('designer.showIf.attribute')}
          </label>
          <input
            id={`${id}-attr`}
            className="input"
            value={name}
            onChange={(e) =>
              onChange({
                ...value,
                attribute: e.target.value.replace(/[^A-Za-z0-9_]/g, '') || 'vip',
              })
            }
          />
          <label className="field-label" htmlFor={`${id}-op`}>
            {t('designer.showIf.op')}
          </label>
          <select
            id={`${id}-op`}
            className="select"
            value={value.op}
            onChange={(e) => onChange({ ...value, op: e.target.value as Visibility['op'] })}
          >
            {OPS.map(([op, label]) => (
              <option key={op} value={op}>
                {t(label)}
              </option>
            ))}
          </select>
          {(value.op === 'eq' || value.op === 'neq') && (
            <>
              <label className="field-label" htmlFor={`${id}-value`}>
                {t('designer.showIf.value')}
              </label>
              <input
                id={`${id}-value`}
                className="input"
                value={value.value ?? ''}
                onChange={(e) => onChange({ ...value, value: e.target.value })}
              />
            </>
          )}
          <p className="field-help">{t('designer.showIf.help', { attribute: value.attribute })}</p>
        </div>
      )}
    </fieldset>
  );
}
