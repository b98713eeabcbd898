import type { Filter } from '../../../core/conditions/condition';
import { isRecord } from '../../../core/model/json-text';
import { CloseIcon, PlusIcon } from '../../nodes/icons';
import { OpSelect, ValueInput, withOp } from './RuleParts';

export interface FiltersEditorProps {
  value: unknown;
  onChange: (value: Filter[] | undefined) => void;
  /** What the filters test, for labels: "event property". */
  subject?: string;
}

/** Tests on event properties ("where"): property, operator, value; all must hold. */
export function FiltersEditor({ value, onChange, subject = 'property' }: FiltersEditorProps) {
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
            {i > 0 && <span className="rule-joiner">and</span>}
            <input
              className="input"
              value={typeof filter.property === 'string' ? filter.property : ''}
              aria-label={`Filter ${i + 1}: ${subject}`}
              placeholder={subject === 'property' ? 'e.g. brand' : subject}
              spellCheck={false}
              onChange={(e) => replace({ ...filter, property: e.target.value })}
            />
            <OpSelect
              value={filter.op}
              label={`Filter ${i + 1}: test`}
              onChange={(op) => replace(withOp(filter, op))}
            />
            <ValueInput
              op={filter.op}
              value={filter.value}
              label={`Filter ${i + 1}: value`}
              onChange={(v) => replace({ ...filter, value: v })}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove filter ${i + 1}`}
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
        <PlusIcon size={14} /> Add filter
      </button>
    </div>
  );
}
