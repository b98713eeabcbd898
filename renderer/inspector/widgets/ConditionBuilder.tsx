import { COUNT_OPS, type Condition, type CountOp } from '../../../core/conditions/condition';
import { isRecord } from '../../../core/model/json-text';
import { useT } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages';
import { CloseIcon, PlusIcon } from '../../nodes/icons';
import { DurationInput } from './DurationInput';
import { FiltersEditor } from './FiltersEditor';
import { NameInput } from './NameInput';
import { OpSelect, ValueInput, withOp } from './RuleParts';
import { GROUP_MODE_WORDS, fromGroup, isGroup, toGroup, type GroupMode } from './condition-groups';

export interface ConditionBuilderProps {
  value: unknown;
  onChange: (value: Condition) => void;
  /** Whether "since entering this journey" makes sense here (not in a segment trigger). */
  allowSinceEntry: boolean;
  label: string;
}

/** How often, in words: "at least…" (the number of times follows). */
const COUNT_WORDS: Record<CountOp, MessageId> = {
  eq: 'inspector.condition.count.eq',
  neq: 'inspector.condition.count.neq',
  gt: 'inspector.condition.count.gt',
  gte: 'inspector.condition.count.gte',
  lt: 'inspector.condition.count.lt',
  lte: 'inspector.condition.count.lte',
};

/** What a rule tests, in words. */
const RULE_KINDS = {
  attribute: 'inspector.condition.attribute',
  event: 'inspector.condition.event',
} as const satisfies Record<string, MessageId>;
type RuleKind = keyof typeof RULE_KINDS;

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

const NEW_ATTRIBUTE_RULE = { attribute: '', op: 'eq', value: '' };
const NEW_EVENT_RULE = { event: '', op: 'performed' };

/**
 * The condition language as a form: groups match all / any / none of their rules; a rule tests
 * an attribute, or whether an event was performed (ever, since entry or lately; how often; with
 * property filters). Operators read in plain words.
 */
export function ConditionBuilder({
  value,
  onChange,
  allowSinceEntry,
  label,
}: ConditionBuilderProps) {
  return (
    <GroupEditor
      value={value}
      onChange={onChange}
      allowSinceEntry={allowSinceEntry}
      label={label}
      depth={0}
    />
  );
}

function GroupEditor({
  value,
  onChange,
  allowSinceEntry,
  label,
  depth,
  onRemove,
}: ConditionBuilderProps & { depth: number; onRemove?: () => void }) {
  const t = useT();
  const group = toGroup(value);
  const write = (mode: GroupMode, items: unknown[]) => onChange(fromGroup({ mode, items }));
  return (
    <div className={`condition-group depth-${Math.min(depth, 2)}`} role="group" aria-label={label}>
      <div className="condition-group-head">
        <span>
          {t(depth === 0 ? 'inspector.condition.profilesMatch' : 'inspector.condition.match')}
        </span>
        <select
          className="select is-inline"
          value={group.mode}
          aria-label={t('inspector.condition.combine', { label })}
          onChange={(e) => write(e.target.value as GroupMode, group.items)}
        >
          {(Object.keys(GROUP_MODE_WORDS) as GroupMode[]).map((mode) => (
            <option key={mode} value={mode}>
              {t(GROUP_MODE_WORDS[mode])}
            </option>
          ))}
        </select>
        {onRemove && (
          <button
            type="button"
            className="icon-button"
            aria-label={t('inspector.condition.removeGroup')}
            onClick={onRemove}
          >
            <CloseIcon size={14} />
          </button>
        )}
      </div>
      <div className="condition-items">
        {group.items.map((item, i) => {
          const replace = (next: unknown) =>
            write(
              group.mode,
              group.items.map((old, j) => (j === i ? next : old)),
            );
          const remove = () =>
            write(
              group.mode,
              group.items.filter((_, j) => j !== i),
            );
          const itemLabel = t('inspector.condition.rule', { label, n: i + 1 });
          return isGroup(item) ? (
            <GroupEditor
              key={i}
              value={item}
              onChange={replace}
              allowSinceEntry={allowSinceEntry}
              label={itemLabel}
              depth={depth + 1}
              onRemove={remove}
            />
          ) : (
            <RuleEditor
              key={i}
              rule={isRecord(item) ? item : {}}
              onChange={replace}
              onRemove={group.items.length > 1 || depth > 0 ? remove : undefined}
              allowSinceEntry={allowSinceEntry}
              label={itemLabel}
            />
          );
        })}
      </div>
      <div className="condition-add">
        <button
          type="button"
          className="button is-quiet is-small"
          onClick={() => write(group.mode, [...group.items, NEW_ATTRIBUTE_RULE])}
        >
          <PlusIcon size={14} /> {t('inspector.condition.attribute')}
        </button>
        <button
          type="button"
          className="button is-quiet is-small"
          onClick={() => write(group.mode, [...group.items, NEW_EVENT_RULE])}
        >
          <PlusIcon size={14} /> {t('inspector.condition.event')}
        </button>
        {depth < 2 && (
          <button
            type="button"
            className="button is-quiet is-small"
            onClick={() =>
              write(group.mode, [...group.items, { any: [NEW_ATTRIBUTE_RULE, NEW_ATTRIBUTE_RULE] }])
            }
          >
            <PlusIcon size={14} /> {t('inspector.condition.addGroup')}
          </button>
        )}
      </div>
    </div>
  );
}

function RuleEditor({
  rule,
  onChange,
  onRemove,
  allowSinceEntry,
  label,
}: {
  rule: Record<string, unknown>;
  onChange: (rule: Record<string, unknown>) => void;
  onRemove?: () => void;
  allowSinceEntry: boolean;
  label: string;
}) {
  const t = useT();
  const isEvent = 'event' in rule;
  const ruleKind: RuleKind = isEvent ? 'event' : 'attribute';
  return (
    <div className="rule" role="group" aria-label={label}>
      <div className="rule-line">
        <select
          className="select is-kind"
          value={ruleKind}
          aria-label={t('inspector.condition.tests', { label })}
          onChange={(e) =>
            onChange(
              (e.target.value as RuleKind) === 'event'
                ? { ...NEW_EVENT_RULE }
                : { ...NEW_ATTRIBUTE_RULE },
            )
          }
        >
          {(Object.keys(RULE_KINDS) as RuleKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {t(RULE_KINDS[kind])}
            </option>
          ))}
        </select>
        {isEvent ? (
          <NameInput
            kind="event"
            value={typeof rule.event === 'string' ? rule.event : ''}
            label={t('inspector.condition.eventOf', { label })}
            onChange={(event) => onChange({ ...rule, event })}
          />
        ) : (
          <NameInput
            kind="attribute"
            value={typeof rule.attribute === 'string' ? rule.attribute : ''}
            label={t('inspector.condition.attributeOf', { label })}
            onChange={(attribute) => onChange({ ...rule, attribute })}
          />
        )}
        {onRemove && (
          <button
            type="button"
            className="icon-button"
            aria-label={t('inspector.condition.remove', { label })}
            onClick={onRemove}
          >
            <CloseIcon size={14} />
          </button>
        )}
      </div>
      {isEvent ? (
        <EventRuleFields
          rule={rule}
          onChange={onChange}
          allowSinceEntry={allowSinceEntry}
          label={label}
        />
      ) : (
        <div className="rule-line">
          <OpSelect
            value={rule.op}
            label={t('inspector.condition.test', { label })}
            onChange={(op) => onChange(withOp(rule, op))}
          />
          <ValueInput
            op={rule.op}
            value={rule.value}
            label={t('inspector.condition.valueOf', { label })}
            onChange={(value) => onChange({ ...rule, value })}
          />
        </div>
      )}
    </div>
  );
}

function EventRuleFields({
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
