import type { Condition } from '../../../core/conditions/condition';
import { isRecord } from '../../../core/model/json-text';
import { useT } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages';
import { CloseIcon, PlusIcon } from '../../nodes/icons';
import { EventRuleFields } from './EventRuleFields';
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

/** What a rule tests, in words. */
const RULE_KINDS = {
  attribute: 'inspector.condition.attribute',
  event: 'inspector.condition.event',
} as const satisfies Record<string, MessageId>;
type RuleKind = keyof typeof RULE_KINDS;

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
