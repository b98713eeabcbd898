import { useMemo } from 'react';
import type { JourneyNode } from '../../../core/model/journey';
import { CONTROL } from '../../../core/forecast/auto-winner';
import { useFormats } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { variantLabel } from '../../nodes/step-name';
import { ruleScenarios, type PlannerValues, type SplitSetup } from './planner-inputs';
import { RULE_RUNS, useWinnerTrials } from './use-winner-trials';

export interface WinnerRuleCheckProps {
  node: JourneyNode;
  setup: SplitSetup;
  /** The planner's figures, once they are all valid. */
  values: PlannerValues | undefined;
  attribution: number;
}

/**
 * How often the split's automatic winner rule picks a wrong winner, by simulation: tests at the
 * planner's traffic, looked at hour by hour as the rule is (peeking included), once with every
 * variant converting alike and once with one better by the change to detect.
 */
export function WinnerRuleCheck({ node, setup, values, attribution }: WinnerRuleCheckProps) {
  const t = useT();
  const formats = useFormats();
  const rule = setup.rule;
  const contenders = setup.variants.filter((v) => v.key !== CONTROL).length;
  const scenarios = useMemo(
    () => (rule && values ? ruleScenarios(values, { ...setup, rule }, attribution) : undefined),
    [rule, values, setup, attribution],
  );
  const progress = useWinnerTrials(scenarios && [scenarios.alike, scenarios.better]);
  const titleId = `rule-${node.id}-title`;
  const share = (n: number) => formats.percent(n, 0);
  const days = (n: number) => t('planner.days', { days: Math.round(n) });

  let body;
  if (!rule) body = <p className="planner-note">{t('planner.rule.off')}</p>;
  else if (contenders < 2) body = <p className="planner-note">{t('planner.rule.contenders')}</p>;
  else if (!scenarios || !progress)
    body = <p className="planner-note">{t('planner.incomplete')}</p>;
  else if (!progress.findings) {
    body = (
      <div className="planner-progress">
        <progress
          value={progress.done}
          max={progress.total}
          aria-label={t('planner.rule.progressLabel')}
        />
        <p role="status">
          {t('planner.rule.running', { done: progress.done, total: progress.total })}
        </p>
      </div>
    );
  } else {
    const [alike, better] = progress.findings;
    const shortened = alike && alike.days < (values?.horizonDays ?? 0) ? alike.days : undefined;
    body = (
      <div data-testid="rule-findings">
        {alike && (
          <p data-testid="rule-alike">
            {t('planner.rule.alike', {
              rate: share(alike.check.wrongRate.rate),
              low: share(alike.check.wrongRate.low),
              high: share(alike.check.wrongRate.high),
            })}{' '}
            {alike.medianDaysToDecision !== undefined &&
              t('planner.rule.typically', { days: days(alike.medianDaysToDecision) })}
          </p>
        )}
        {better && (
          <p data-testid="rule-better">
            {t('planner.rule.better', {
              variant: variantLabel(node, scenarios.betterKey),
              lift: share(values?.minimumDetectableEffect ?? 0),
              rate: share(better.check.wrongRate.rate),
              low: share(better.check.wrongRate.low),
              high: share(better.check.wrongRate.high),
              none: share((better.check.runs - better.check.decided) / better.check.runs),
              horizon: days(better.days),
            })}
          </p>
        )}
        <p className="planner-help">
          {t('planner.rule.method', {
            runs: RULE_RUNS,
            min: rule.minPerVariant,
            confidence: formats.percent(rule.confidence),
          })}
          {shortened !== undefined && ` ${t('planner.rule.shortened', { days: days(shortened) })}`}
        </p>
      </div>
    );
  }
  return (
    <div className="planner-rule" role="group" aria-labelledby={titleId}>
      <h4 className="planner-subtitle" id={titleId}>
        {t('planner.rule.title')}
      </h4>
      {body}
    </div>
  );
}
