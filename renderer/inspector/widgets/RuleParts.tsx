import { LIST_OPS, OPS, VALUELESS_OPS, type Op } from '../../../core/conditions/condition';
import { useT } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages';
import { formatValue, parseList, parseScalar } from './value-text';
import { useDraft } from './use-draft';

/** Each test in plain words: "is more than", "is one of". */
const OP_WORDS: Record<Op, MessageId> = {
  eq: 'inspector.condition.op.eq',
  neq: 'inspector.condition.op.neq',
  gt: 'inspector.condition.op.gt',
  gte: 'inspector.condition.op.gte',
  lt: 'inspector.condition.op.lt',
  lte: 'inspector.condition.op.lte',
  contains: 'inspector.condition.op.contains',
  not_contains: 'inspector.condition.op.not_contains',
  in: 'inspector.condition.op.in',
  not_in: 'inspector.condition.op.not_in',
  exists: 'inspector.condition.op.exists',
  not_exists: 'inspector.condition.op.not_exists',
};

export function OpSelect({
  value,
  onChange,
  label,
}: {
  value: unknown;
  onChange: (op: Op) => void;
  label: string;
}) {
  const t = useT();
  return (
    <select
      className="select"
      value={typeof value === 'string' ? value : ''}
      aria-label={label}
      onChange={(e) => onChange(e.target.value as Op)}
    >
      {typeof value !== 'string' && <option value="">{t('inspector.condition.choose')}</option>}
      {OPS.map((op) => (
        <option key={op} value={op}>
          {t(OP_WORDS[op])}
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
  const t = useT();
  const list = LIST_OPS.has(op as Op);
  const [text, update] = useDraft<unknown>(value, formatValue, list ? parseList : parseScalar);
  if (VALUELESS_OPS.has(op as Op)) return null;
  return (
    <input
      className="input"
      value={text}
      aria-label={label}
      placeholder={t(list ? 'inspector.condition.listExample' : 'inspector.condition.value')}
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
