import {
  LIST_OPS,
  OPS,
  OP_LABELS,
  VALUELESS_OPS,
  type Op,
} from '../../../core/conditions/condition';
import { formatValue, parseList, parseScalar } from './value-text';
import { useDraft } from './use-draft';

export function OpSelect({
  value,
  onChange,
  label,
}: {
  value: unknown;
  onChange: (op: Op) => void;
  label: string;
}) {
  return (
    <select
      className="select"
      value={typeof value === 'string' ? value : ''}
      aria-label={label}
      onChange={(e) => onChange(e.target.value as Op)}
    >
      {typeof value !== 'string' && <option value="">choose…</option>}
      {OPS.map((op) => (
        <option key={op} value={op}>
          {OP_LABELS[op]}
        </option>
      ))}
    </select>
  );
}

/** The value side of a test: one value, or a comma-separated list for "is one of". */
export function ValueInput({
  op,
  value,
  onChange,
  label,
}: {
  op: unknown;
  value: unknown;
  onChange: (value: unknown) => void;
  label: string;
}) {
  const list = LIST_OPS.has(op as Op);
  const [text, update] = useDraft<unknown>(value, formatValue, list ? parseList : parseScalar);
  if (VALUELESS_OPS.has(op as Op)) return null;
  return (
    <input
      className="input"
      value={text}
      aria-label={label}
      placeholder={list ? 'e.g. SE, NO, DK' : 'value'}
      onChange={(e) => onChange(update(e.target.value))}
      spellCheck={false}
    />
  );
}

/** A rule's op and value after an op change: valueless ops drop the value, list ops want a list. */
export function withOp(rule: Record<string, unknown>, op: Op): Record<string, unknown> {
  const { value, ...rest } = rule;
  if (VALUELESS_OPS.has(op)) return { ...rest, op };
  if (LIST_OPS.has(op)) {
    const list = Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
    return { ...rest, op, value: list };
  }
  const single = Array.isArray(value) ? (value[0] as unknown) : value;
  return { ...rest, op, value: single ?? '' };
}
