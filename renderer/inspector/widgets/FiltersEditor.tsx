import type { Filter } from '../../../core/conditions/condition';
import { isRecord } from '../../../core/model/json-text';
import { useT } from '../../i18n/I18nProvider';
import { CloseIcon, PlusIcon } from '../../nodes/icons';
import { OpSelect, ValueInput, withOp } from './RuleParts';

export interface FiltersEditorProps {
  value: unknown;
  onChange: (value: Filter[] | undefined) => void;
}

/** Tests on event properties ("where"): property, operator, value; all must hold. */
export function FiltersEditor({ value, onChange }: FiltersEditorProps) {
  const t = useT();
  const filters = Array.isArray(value) ? (value as unknown[]) : [];
  const write = (next: unknown[]) => onChange(next.length ? (next as Filter[]) : undefined);
  return (
    <div className="filters">
      {filters.map((raw, i) => {
        const filter = isRecord(raw) ? raw : {};
        const replace = (f: Record<string, unknown>) =>
          write(filters.map((old, j) => (j === i ? f : old)));
        return (
          <div className="rule-row" key={i}>
            {i > 0 && <span className="rule-joiner">{t('inspector.filter.and')}</span>}
            <input
              className="input"
              value={typeof filter.property === 'string' ? filter.property : ''}
              aria-label={t('inspector.filter.property', { n: i + 1 })}
              placeholder={t('inspector.filter.propertyExample')}
              spellCheck={false}
              onChange={(e) => replace({ ...filter, property: e.target.value })}
            />
            <OpSelect
              value={filter.op}
              label={t('inspector.filter.test', { n: i + 1 })}
              onChange={(op) => replace(withOp(filter, op))}
            />
            <ValueInput
              op={filter.op}
              value={filter.value}
              label={t('inspector.filter.value', { n: i + 1 })}
              onChange={(v) => replace({ ...filter, value: v })}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={t('inspector.filter.remove', { n: i + 1 })}
              onClick={() => write(filters.filter((_, j) => j !== i))}
            >
              <CloseIcon size={14} />
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button is-quiet is-small"
        onClick={() => write([...filters, { property: '', op: 'eq', value: '' }])}
      >
        <PlusIcon size={14} /> {t('inspector.filter.add')}
      </button>
    </div>
  );
}
