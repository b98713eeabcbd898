import { COUNT_OPS, type CountOp } from '../../../core/conditions/condition';
import { isRecord } from '../../../core/model/json-text';
import { useT } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages';
import { DurationInput } from './DurationInput';
import { FiltersEditor } from './FiltersEditor';

/** How often, in words: "at least…" (the number of times follows). */
const COUNT_WORDS: Record<CountOp, MessageId> = {
  eq: 'inspector.condition.count.eq',
  neq: 'inspector.condition.count.neq',
  gt: 'inspector.condition.count.gt',
  gte: 'inspector.condition.count.gte',
  lt: 'inspector.condition.count.lt',
  lte: 'inspector.condition.count.lte',
};

/** Whether the event was performed, in words. */
const PERFORMED = {
  performed: 'inspector.condition.performed',
  not_performed: 'inspector.condition.notPerformed',
} as const satisfies Record<string, MessageId>;

/** When the event counts, in words: ever, since entering the journey, or lately. */
const WHEN = {
  ever: 'inspector.condition.ever',
  entry: 'inspector.condition.sinceEntry',
  within: 'inspector.condition.withinChoice',
} as const satisfies Record<string, MessageId>;
type When = keyof typeof WHEN;

/** "How often" when no count is set: at least once. */
const ONCE = 'once';

/**
 * An event rule's parts after its name: performed or not, when (ever, since entering, lately),
 * how often, and tests on the event's properties.
 */
export function EventRuleFields({
  rule,
  onChange,
  allowSinceEntry,
  label,
}: {
  rule: Record<string, unknown>;
  onChange: (rule: Record<string, unknown>) => void;
  allowSinceEntry: boolean;
  label: string;
}) {
  const t = useT();
  const when: When =
    typeof rule.within === 'string' ? 'within' : rule.since === 'entry' ? 'entry' : 'ever';
  const count = isRecord(rule.count) ? rule.count : undefined;
  const performed = rule.op !== 'not_performed';
  const didIt: keyof typeof PERFORMED = performed ? 'performed' : 'not_performed';
  const setWhen = (next: When) => {
    const { within: _w, since: _s, ...rest } = rule;
    onChange(
      next === 'within'
        ? { ...rest, within: typeof rule.within === 'string' ? rule.within : 'P7D' }
        : next === 'entry'
          ? { ...rest, since: 'entry' }
          : rest,
    );
  };
  return (
    <>
      <div className="rule-line">
        <select
          className="select"
          value={didIt}
          aria-label={t('inspector.condition.performedOf', { label })}
          onChange={(e) => {
            const { count: _c, ...rest } = rule;
            onChange({ ...rest, op: e.target.value });
          }}
        >
          {(Object.keys(PERFORMED) as (keyof typeof PERFORMED)[]).map((op) => (
            <option key={op} value={op}>
              {t(PERFORMED[op])}
            </option>
          ))}
        </select>
        <select
          className="select"
          value={when}
          aria-label={t('inspector.condition.whenOf', { label })}
          onChange={(e) => setWhen(e.target.value as When)}
        >
          {(Object.keys(WHEN) as When[])
            .filter((option) => option !== 'entry' || allowSinceEntry || when === 'entry')
            .map((option) => (
              <option key={option} value={option}>
                {t(WHEN[option])}
              </option>
            ))}
        </select>
      </div>
      {when === 'within' && (
        <div className="rule-line">
          <span className="rule-text">{t('inspector.condition.within')}</span>
          <DurationInput
            id={`${label}-within`}
            value={typeof rule.within === 'string' ? rule.within : undefined}
            label={t('inspector.condition.withinOf', { label })}
            onChange={(within) => onChange({ ...rule, within })}
          />
        </div>
      )}
      {performed && (
        <div className="rule-line">
          <select
            className="select"
            value={count ? String(count.op) : ONCE}
            aria-label={t('inspector.condition.howOftenOf', { label })}
            onChange={(e) => {
              const { count: _c, ...rest } = rule;
              onChange(
                e.target.value === ONCE
                  ? rest
                  : {
                      ...rest,
                      count: {
                        op: e.target.value,
                        value: typeof count?.value === 'number' ? count.value : 2,
                      },
                    },
              );
            }}
          >
            <option value={ONCE}>{t('inspector.condition.once')}</option>
            {COUNT_OPS.map((op) => (
              <option key={op} value={op}>
                {t(COUNT_WORDS[op])}
              </option>
            ))}
          </select>
          {count && (
            <>
              <input
                className="input is-number"
                type="number"
                min={0}
                step={1}
                value={typeof count.value === 'number' ? count.value : ''}
                aria-label={t('inspector.condition.timesOf', { label })}
                onChange={(e) =>
                  onChange({
                    ...rule,
                    count: { ...count, value: e.target.value === '' ? 0 : Number(e.target.value) },
                  })
                }
              />
              <span className="rule-text">
                {t('inspector.condition.times', {
                  count: typeof count.value === 'number' ? count.value : 0,
                })}
              </span>
            </>
          )}
        </div>
      )}
      <div className="rule-where">
        <FiltersEditor
          value={rule.where}
          onChange={(where) => {
            const { where: _w, ...rest } = rule;
            onChange(where ? { ...rest, where } : rest);
          }}
        />
      </div>
    </>
  );
}
