import { COUNT_OPS, type Condition, type CountOp } from '../../../core/conditions/condition';
import { isRecord } from '../../../core/model/json-text';
import { CloseIcon, PlusIcon } from '../../nodes/icons';
import { DurationInput } from './DurationInput';
import { FiltersEditor } from './FiltersEditor';
import { NameInput } from './NameInput';
import { OpSelect, ValueInput, withOp } from './RuleParts';
import { GROUP_MODE_LABELS, fromGroup, isGroup, toGroup, type GroupMode } from './condition-groups';

export interface ConditionBuilderProps {
  value: unknown;
  onChange: (value: Condition) => void;
  /** Whether "since entering this journey" makes sense here (not in a segment trigger). */
  allowSinceEntry: boolean;
  label: string;
}

const COUNT_WORDS: Record<CountOp, string> = {
  eq: 'exactly',
  neq: 'other than',
  gt: 'more than',
  gte: 'at least',
  lt: 'fewer than',
  lte: 'at most',
};

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
  const group = toGroup(value);
  const write = (mode: GroupMode, items: unknown[]) => onChange(fromGroup({ mode, items }));
  return (
    <div className={`condition-group depth-${Math.min(depth, 2)}`} role="group" aria-label={label}>
      <div className="condition-group-head">
        <span>{depth === 0 ? 'Profiles match' : 'Match'}</span>
        <select
          className="select is-inline"
          value={group.mode}
          aria-label={`${label}: how rules combine`}
          onChange={(e) => write(e.target.value as GroupMode, group.items)}
        >
          {(Object.keys(GROUP_MODE_LABELS) as GroupMode[]).map((mode) => (
            <option key={mode} value={mode}>
              {GROUP_MODE_LABELS[mode]}
            </option>
          ))}
        </select>
        {onRemove && (
          <button
            type="button"
            className="icon-button"
            aria-label="Remove this group"
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
          const itemLabel = `${label}, rule ${i + 1}`;
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
          <PlusIcon size={14} /> Attribute
        </button>
        <button
          type="button"
          className="button is-quiet is-small"
          onClick={() => write(group.mode, [...group.items, NEW_EVENT_RULE])}
        >
          <PlusIcon size={14} /> Event
        </button>
        {depth < 2 && (
          <button
            type="button"
            className="button is-quiet is-small"
            onClick={() =>
              write(group.mode, [...group.items, { any: [NEW_ATTRIBUTE_RULE, NEW_ATTRIBUTE_RULE] }])
            }
          >
            <PlusIcon size={14} /> Group
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
  const isEvent = 'event' in rule;
  return (
    <div className="rule" role="group" aria-label={label}>
      <div className="rule-line">
        <select
          className="select is-kind"
          value={isEvent ? 'event' : 'attribute'}
          aria-label={`${label}: tests`}
          onChange={(e) =>
            onChange(e.target.value === 'event' ? { ...NEW_EVENT_RULE } : { ...NEW_ATTRIBUTE_RULE })
          }
        >
          <option value="attribute">Attribute</option>
          <option value="event">Event</option>
        </select>
        {isEvent ? (
          <NameInput
            kind="event"
            value={typeof rule.event === 'string' ? rule.event : ''}
            label={`${label}: event`}
            onChange={(event) => onChange({ ...rule, event })}
          />
        ) : (
          <NameInput
            kind="attribute"
            value={typeof rule.attribute === 'string' ? rule.attribute : ''}
            label={`${label}: attribute`}
            onChange={(attribute) => onChange({ ...rule, attribute })}
          />
        )}
        {onRemove && (
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove ${label}`}
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
            label={`${label}: test`}
            onChange={(op) => onChange(withOp(rule, op))}
          />
          <ValueInput
            op={rule.op}
            value={rule.value}
            label={`${label}: value`}
            onChange={(value) => onChange({ ...rule, value })}
          />
        </div>
      )}
    </div>
  );
}

type When = 'ever' | 'entry' | 'within';

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
  const when: When =
    typeof rule.within === 'string' ? 'within' : rule.since === 'entry' ? 'entry' : 'ever';
  const count = isRecord(rule.count) ? rule.count : undefined;
  const performed = rule.op !== 'not_performed';
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
          value={performed ? 'performed' : 'not_performed'}
          aria-label={`${label}: performed or not`}
          onChange={(e) => {
            const { count: _c, ...rest } = rule;
            onChange(
              e.target.value === 'performed'
                ? { ...rest, op: 'performed' }
                : { ...rest, op: 'not_performed' },
            );
          }}
        >
          <option value="performed">was performed</option>
          <option value="not_performed">was not performed</option>
        </select>
        <select
          className="select"
          value={when}
          aria-label={`${label}: when`}
          onChange={(e) => setWhen(e.target.value as When)}
        >
          <option value="ever">ever</option>
          {(allowSinceEntry || when === 'entry') && <option value="entry">since entering</option>}
          <option value="within">in the last…</option>
        </select>
      </div>
      {when === 'within' && (
        <div className="rule-line">
          <span className="rule-text">in the last</span>
          <DurationInput
            id={`${label}-within`}
            value={typeof rule.within === 'string' ? rule.within : undefined}
            label={`${label}: in the last`}
            onChange={(within) => onChange({ ...rule, within })}
          />
        </div>
      )}
      {performed && (
        <div className="rule-line">
          <select
            className="select"
            value={count ? String(count.op) : 'once'}
            aria-label={`${label}: how often`}
            onChange={(e) => {
              const { count: _c, ...rest } = rule;
              onChange(
                e.target.value === 'once'
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
            <option value="once">at least once</option>
            {COUNT_OPS.map((op) => (
              <option key={op} value={op}>
                {COUNT_WORDS[op]}…
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
                aria-label={`${label}: number of times`}
                onChange={(e) =>
                  onChange({
                    ...rule,
                    count: { ...count, value: e.target.value === '' ? 0 : Number(e.target.value) },
                  })
                }
              />
              <span className="rule-text">times</span>
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
