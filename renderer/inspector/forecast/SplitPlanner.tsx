import { useEffect, useMemo, useState } from 'react';
import { planTest } from '../../../core/forecast/planner';
import type { JourneyNode } from '../../../core/model/journey';
import { useFormats } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { variantLabel } from '../../nodes/step-name';
import { useApp } from '../../store/app-store';
import { ratePercent } from './forecast-words';
import {
  attributionDays,
  baselineKey,
  initialValues,
  runFigures,
  splitSetup,
  type PlannerValues,
} from './planner-inputs';
import { PlannerField, problemOf } from './PlannerField';
import { WinnerRuleCheck } from './WinnerRuleCheck';

type Field = keyof PlannerValues;
const PERCENT_FIELDS = new Set<Field>([
  'baselineRate',
  'minimumDetectableEffect',
  'alpha',
  'power',
]);

/**
 * The A/B planner of a split: from the last simulation of the journey (its traffic at the split
 * and its variants' rates) or from figures typed here, how many people each variant needs to
 * tell a change, how many days that takes, whether the journey runs long enough, and — by
 * simulation — how often the split's automatic winner rule would pick a wrong winner.
 */
export function SplitPlanner({ node }: { node: JourneyNode }) {
  const t = useT();
  const formats = useFormats();
  const journey = useApp((s) => s.journey);
  const run = useApp((s) => s.simulation.run);
  const loadRuns = useApp((s) => s.loadSimulationRuns);
  const [typed, setTyped] = useState<Partial<Record<Field, number | undefined>>>({});
  const setup = useMemo(() => splitSetup(node), [node]);
  const figures = useMemo(() => runFigures(run, journey?.id, node.id), [run, journey?.id, node.id]);
  useEffect(() => {
    // The figures come from the newest run of this journey, as the simulation panel shows it.
    if (!run) void loadRuns();
    // Once, when the planner is first shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (!journey || !setup || setup.variants.length < 2) return null;

  const initial = initialValues(figures, setup.variants);
  const shown = (field: Field) => (field in typed ? typed[field] : initial[field]);
  const problems = Object.fromEntries(
    (Object.keys(initial) as Field[]).map((field) => [field, problemOf(field, shown(field))]),
  ) as Record<Field, ReturnType<typeof problemOf>>;
  const complete = Object.values(problems).every((p) => p === undefined);
  const values = Object.fromEntries(
    (Object.keys(initial) as Field[]).map((field) => [field, shown(field) ?? 0]),
  ) as unknown as PlannerValues;
  const attribution = attributionDays(journey);
  const plan = complete
    ? planTest({ ...values, variants: setup.variants, attributionDays: attribution })
    : undefined;
  const label = (key: string) => variantLabel(node, key);
  const baseline = baselineKey(setup.variants) ?? '';
  const total = setup.variants.reduce((n, v) => n + Math.max(0, v.weight), 0);
  const slowest = setup.variants.find((v) => v.key === plan?.slowest);
  const days = (n: number) => t('planner.days', { days: Math.round(n) });
  const rate = (share: number) => ratePercent(formats, share);

  const set = (field: Field) => (next: number | undefined) =>
    setTyped((current) => ({ ...current, [field]: next }));
  const inputId = (field: Field) => `plan-${node.id}-${field}`;
  const field = (name: Field, labelText: string, help?: string) => (
    <PlannerField
      id={inputId(name)}
      label={labelText}
      help={help}
      problem={problems[name]}
      percent={PERCENT_FIELDS.has(name)}
      value={shown(name)}
      onChange={set(name)}
    />
  );

  return (
    <section className="planner" aria-labelledby={`plan-${node.id}-title`} data-testid="planner">
      <h3 className="section-title" id={`plan-${node.id}-title`}>
        {t('planner.title')}
      </h3>
      <p className="planner-source" data-testid="planner-source">
        {figures
          ? t('planner.source.run', {
              kind: figures.kind,
              date: formats.dateTime(Date.parse(figures.createdAt)),
              rates: setup.variants
                .filter((v) => figures.rates[v.key] !== undefined)
                .map((v) => `${label(v.key)} ${rate(figures.rates[v.key] ?? 0)}`)
                .join(', '),
            })
          : t('planner.source.none')}
      </p>
      <div className="planner-fields">
        {field('entriesPerDay', t('planner.field.perDay'))}
        {field(
          'baselineRate',
          t('planner.field.baseline', { variant: label(baseline) }),
          t('planner.help.baseline'),
        )}
        {field(
          'minimumDetectableEffect',
          t('planner.field.mde'),
          problems.baselineRate || problems.minimumDetectableEffect
            ? undefined
            : t('planner.help.mde', {
                from: rate(values.baselineRate),
                to: rate(Math.min(1, values.baselineRate * (1 + values.minimumDetectableEffect))),
              }),
        )}
        {field('alpha', t('planner.field.alpha'), t('planner.help.alpha'))}
        {field('power', t('planner.field.power'), t('planner.help.power'))}
        {field('horizonDays', t('planner.field.horizon'), t('planner.help.horizon'))}
      </div>
      {Object.keys(typed).length > 0 && figures && (
        <button type="button" className="button is-quiet is-small" onClick={() => setTyped({})}>
          {t('planner.reset', { kind: figures.kind })}
        </button>
      )}
      {!plan ? (
        <p className="planner-note">{t('planner.incomplete')}</p>
      ) : (
        <div className="planner-result" data-testid="planner-result">
          {Number.isFinite(plan.days) && (
            <p className="planner-headline" data-testid="planner-days">
              {t('planner.result', {
                perDay: formats.number(values.entriesPerDay, values.entriesPerDay < 10 ? 1 : 0),
                perArm: plan.perArm,
                days: plan.days,
              })}
            </p>
          )}
          {Number.isFinite(plan.days) && slowest && (
            <p>
              {t(attribution > 0 ? 'planner.detail' : 'planner.detailNoWindow', {
                variant: label(slowest.key),
                share: formats.percent(total > 0 ? slowest.weight / total : 0),
                collect: days(plan.collectDays),
                attribution: days(attribution),
              })}{' '}
              {t('planner.change', {
                from: rate(values.baselineRate),
                to: rate(plan.targetRate),
                power: formats.percent(values.power),
                alpha: formats.percent(values.alpha),
              })}
            </p>
          )}
          {!plan.withinHorizon && (
            <p className="planner-warning" role="alert" data-testid="planner-warning">
              {Number.isFinite(plan.days)
                ? t('planner.warning.horizon', { horizon: values.horizonDays })
                : t('planner.warning.never')}
            </p>
          )}
        </div>
      )}
      <WinnerRuleCheck
        node={node}
        setup={setup}
        values={complete ? values : undefined}
        attribution={attribution}
      />
    </section>
  );
}
