import { Fragment, useEffect, useId, useState } from 'react';
import type { ImpactGroupView, PublishImpactView } from '../../core/api/publish-contract';
import type {
  MigrationAction,
  MigrationChoice,
  MigrationPlan,
} from '../../core/migration/migration-plan';
import { useT } from '../i18n/I18nProvider';
import { useFormats } from '../i18n/format';
import { FormDialog } from '../panels/FormDialog';
import { useApp, useAppStore } from '../store/app-store';
import { useChangeWords } from '../versions/change-words';
import { say, type Words } from '../i18n/words';

/** A group's choice as the form holds it: the step picked for `move` is kept when switching. */
interface Picked {
  action: MigrationAction;
  to: string;
}

/** The plan the form says: groups left to finish on their version are left out. */
export function planOf(picked: Readonly<Record<string, Picked>>): MigrationPlan {
  const plan: Record<string, MigrationChoice> = {};
  for (const [key, { action, to }] of Object.entries(picked)) {
    if (action === 'move') plan[key] = { action, to };
    else if (action !== 'stay') plan[key] = { action };
  }
  return plan;
}

function GroupChoice({
  group,
  impact,
  picked,
  onPick,
}: {
  group: ImpactGroupView;
  impact: PublishImpactView;
  picked: Picked;
  onPick: (picked: Picked) => void;
}) {
  const t = useT();
  const formats = useFormats();
  const at = (iso: string) => formats.dateTime(Date.parse(iso));
  const words = useChangeWords();
  const headingId = useId();
  const selectId = useId();
  const name = useId();
  // Said once when the first and the last move on in the same minute.
  const until = group.until && { first: at(group.until.first), last: at(group.until.last) };
  const values = { count: group.count, step: group.step.title, version: group.fromVersion };
  const variant = group.removedVariants?.[0];
  const heading =
    group.reason === 'removed'
      ? t('publish.group.removed', values)
      : group.reason === 'changed'
        ? t('publish.group.changed', values)
        : group.reason === 'variant-removed' && variant
          ? t('publish.group.variantRemoved', {
              ...values,
              variant: variant.label,
              split: variant.split.title,
            })
          : t('publish.group.unchanged', values);
  const next = impact.toVersion;
  const label: Record<MigrationAction, string> = {
    stay: t('publish.choice.stay', { version: group.fromVersion }),
    continue: t('publish.choice.continue', { step: group.step.title, version: next }),
    move: t('publish.choice.move', { version: next }),
    exit: t('publish.choice.exit'),
  };
  return (
    <fieldset
      className="publish-group"
      data-testid="publish-group"
      data-group={group.key}
      aria-labelledby={headingId}
    >
      <legend id={headingId} className="publish-group-title">
        {heading}
      </legend>
      {group.changes.length > 0 && (
        <ul className="publish-group-changes">
          {group.changes.map((change, i) => (
            // The diff's order is stable; a change has no id of its own.
            <li key={i}>{words(change)}</li>
          ))}
        </ul>
      )}
      {until && (
        <p className="publish-group-note">
          {until.first === until.last
            ? t('publish.until.one', { at: until.first })
            : t('publish.until.range', until)}
        </p>
      )}
      <div className="publish-choices" role="radiogroup" aria-labelledby={headingId}>
        {group.actions.map((action) => (
          <Fragment key={action}>
            <label className="publish-choice">
              <input
                type="radio"
                name={name}
                value={action}
                checked={picked.action === action}
                data-testid={`publish-choice-${action}`}
                onChange={() => onPick({ ...picked, action })}
              />
              <span>{label[action]}</span>
            </label>
            {action === 'move' && (
              <div className="publish-move-target">
                <label htmlFor={selectId}>{t('publish.moveTarget')}</label>
                <select
                  id={selectId}
                  value={picked.to}
                  data-testid="publish-move-target"
                  onChange={(e) => onPick({ action: 'move', to: e.target.value })}
                >
                  {impact.targets.map((target) => (
                    <option key={target.id} value={target.id}>
                      {target.title}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </Fragment>
        ))}
      </div>
      {picked.action === 'continue' && group.reason === 'changed' && (
        <p className="publish-group-note">{t('publish.continueChanged')}</p>
      )}
    </fieldset>
  );
}

/** The buttons' names in tests, as before the dialog frame was shared. */
const TEST_IDS = { action: 'publish-confirm', close: 'publish-cancel' };

/**
 * The confirmation before publishing, with the impact preview when people are inside: each
 * group with its count and what the new version changed about their step, and a choice per
 * group — finish on their version (the default), go on, move to a step, or leave. Publish
 * carries the choices out with the publish, in one transaction.
 */
export function PublishDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const store = useAppStore();
  const running = useApp((s) => s.execution.info?.state === 'running');
  const pending = useApp((s) => s.execution.pending);
  const [impact, setImpact] = useState<PublishImpactView | null>(null);
  const [error, setError] = useState<Words | null>(null);
  const [picked, setPicked] = useState<Record<string, Picked>>({});

  useEffect(() => {
    let live = true;
    void store
      .getState()
      .previewPublish()
      .then((outcome) => {
        if (!live) return;
        if (!outcome.ok) {
          setError(outcome.error);
          return;
        }
        const first = outcome.value.targets[0]?.id ?? '';
        setImpact(outcome.value);
        setPicked(
          Object.fromEntries(
            outcome.value.groups.map((g) => [
              g.key,
              {
                action: 'stay' as const,
                // Mapped by id: the same step, when the new version has it.
                to: outcome.value.targets.some((x) => x.id === g.step.id) ? g.step.id : first,
              },
            ]),
          ),
        );
      });
    return () => {
      live = false;
    };
  }, [store]);

  const version = impact?.toVersion;
  const publish = async () => {
    await store.getState().publishJourney(planOf(picked));
    onClose();
  };

  return (
    <FormDialog
      title={version !== undefined ? t('publish.title', { version }) : t('publish.titlePlain')}
      onClose={onClose}
      size={impact && impact.groups.length > 0 ? 'wide' : undefined}
      testIds={TEST_IDS}
      action={{
        label:
          pending === 'publish'
            ? t('publish.publishing')
            : t('publish.confirm', { version: version ?? 0 }),
        disabled: !impact || pending !== null,
        onPress: () => void publish(),
      }}
    >
      {error ? (
        <p className="form-error" role="alert">
          {t('publish.error', { error: say(t, error) })}
        </p>
      ) : !impact ? (
        <p role="status">{t('publish.loading')}</p>
      ) : (
        <div data-testid="publish-impact">
          <p>
            {t(impact.changed ? 'publish.becomes' : 'publish.same', { version: impact.toVersion })}{' '}
            {t(running ? 'publish.runningNow' : 'publish.startLater')}
          </p>
          {impact.groups.length > 0 && (
            <>
              <p data-testid="publish-total">
                {t(running ? 'publish.inside' : 'publish.insideNotRunning', {
                  count: impact.total,
                })}
              </p>
              {impact.groups.map((group) => (
                <GroupChoice
                  key={group.key}
                  group={group}
                  impact={impact}
                  picked={picked[group.key] ?? { action: 'stay', to: '' }}
                  onPick={(choice) => setPicked((all) => ({ ...all, [group.key]: choice }))}
                />
              ))}
            </>
          )}
        </div>
      )}
    </FormDialog>
  );
}
