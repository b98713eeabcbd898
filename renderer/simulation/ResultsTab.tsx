import type { SimulationRun } from '../../core/api/simulation-contract';
import { ForecastResults } from '../forecast/ForecastResults';
import { ForecastStepFigures } from '../forecast/ForecastStepFigures';
import { nodePorts } from '../nodes/card-shape';
import { CloseIcon } from '../nodes/icons';
import { stepName } from '../nodes/step-name';
import { useApp, useAppStore } from '../store/app-store';
import { breakdownText } from './conversions';
import { messageRows } from './messages';
import { PortfolioSection } from './PortfolioSection';
import { refusalWords, skipWords } from './reasons';
import { reportWarningText } from './report-warnings';
import { signedCount, useWords } from './sim-words';
import { VariantsView } from './VariantsView';
import { splitResults } from './variants';

/** The change since the compared run; only conversions are good or bad news in themselves. */
function Delta({
  now,
  before,
  judged = false,
}: {
  now: number;
  before: number | undefined;
  judged?: boolean;
}) {
  const words = useWords();
  if (before === undefined || before === now) return null;
  const delta = now - before;
  const verdict = !judged ? 'neutral' : delta > 0 ? 'better' : 'worse';
  return (
    <span
      className={`delta is-${verdict}`}
      title={words.t('sim.results.compared', { n: words.f.number(before) })}
    >
      {signedCount(words, delta)}
    </span>
  );
}

/** The run at a glance: what happened in a replay, or what a forecast expects. */
export function ResultsTab({ run }: { run: SimulationRun }) {
  const focusNodeId = useApp((s) => s.simulation.focusNodeId);
  const words = useWords();
  const { t, time } = words;
  const { report, journey } = run;
  const zone = journey.settings.timezone ?? 'UTC';

  return (
    <div className="sim-results">
      {focusNodeId && <StepFigures run={run} nodeId={focusNodeId} />}
      <p className="sim-window" title={t('sim.results.windowHelp')}>
        {t('sim.results.window', {
          window: time.windowText(report.window, zone),
          n: report.profiles,
        })}
      </p>
      {(report.warnings ?? []).map((warning) => (
        <p
          key={warning.code}
          className="sim-warning"
          role="note"
          data-testid="sim-warning"
          data-code={warning.code}
        >
          {reportWarningText(words, warning, report, journey)}
        </p>
      ))}
      {report.forecast ? <ForecastResults run={run} /> : <ReplayResults run={run} />}
      {report.forecast && <PortfolioSection report={report} />}
    </div>
  );
}

/** What happened in a replay: headline figures, how enrollments ended, and the A/B tests. */
function ReplayResults({ run }: { run: SimulationRun }) {
  const previous = useApp((s) => s.simulation.compareWith);
  const focus = useApp((s) => s.focusSimulationNode);
  const words = useWords();
  const { t, f } = words;
  const { report, journey } = run;
  const zone = journey.settings.timezone ?? 'UTC';
  const titles = new Map(journey.nodes.map((n) => [n.id, stepName(n)]));
  const sent = Object.values(report.sent).reduce((a, b) => a + (b ?? 0), 0);
  const before = previous?.report;
  const beforeSent = before
    ? Object.values(before.sent).reduce((a, b) => a + (b ?? 0), 0)
    : undefined;
  const waiting = Object.entries(report.waiting).sort((a, b) => b[1] - a[1]);
  const refused = Object.entries(report.entriesRefused).filter(([, n]) => n > 0);
  const splits = splitResults(words, report, journey);
  const rate = report.enrollments ? report.conversions.total / report.enrollments : 0;
  const converted = breakdownText(words, report.conversions.total, report.conversions.breakdown);
  return (
    <>
      <dl className="stat-grid" data-testid="headline">
        <div>
          <dt>{t('sim.results.entered')}</dt>
          <dd data-testid="stat-entered">
            {f.number(report.enrollments)}
            <Delta now={report.enrollments} before={before?.enrollments} />
          </dd>
          <dd className="stat-sub">{t('sim.results.enrollments')}</dd>
        </div>
        <div>
          <dt>{t('sim.results.converted')}</dt>
          <dd data-testid="stat-converted">
            {f.number(report.conversions.total)}
            <Delta now={report.conversions.total} before={before?.conversions.total} judged />
          </dd>
          <dd className="stat-sub">
            {report.enrollments
              ? t('sim.results.rate', { rate: f.percent(rate) })
              : t('sim.results.noEntries')}
          </dd>
          {converted && (
            <dd className="stat-sub stat-note" data-testid="stat-converted-breakdown">
              {converted}
            </dd>
          )}
        </div>
        <div>
          <dt>{t('sim.results.sent')}</dt>
          <dd data-testid="stat-sent">
            {f.number(sent)}
            <Delta now={sent} before={beforeSent} />
          </dd>
          <dd className="stat-sub">{t('sim.results.messages')}</dd>
        </div>
        <div>
          <dt>{t('sim.results.stillIn')}</dt>
          <dd data-testid="stat-active">
            {f.number(report.active)}
            <Delta now={report.active} before={before?.active} />
          </dd>
          <dd className="stat-sub">{t('sim.results.whenEnded')}</dd>
        </div>
      </dl>

      <section className="sim-section" aria-label={t('sim.results.outcomes')}>
        <h3 className="section-title">{t('sim.results.outcomes')}</h3>
        <ul className="outcome-list" data-testid="outcomes">
          <li>
            <span>{t('sim.results.leftGoal')}</span>
            <strong>{f.number(report.outcomes.converted)}</strong>
          </li>
          <li>
            <span>{t('sim.results.completed')}</span>
            <strong>{f.number(report.outcomes.completed)}</strong>
          </li>
          <li>
            <span>{t('sim.results.exited')}</span>
            <strong>{f.number(report.outcomes.exited)}</strong>
          </li>
          <li>
            <span>{t('sim.results.stillWaiting')}</span>
            <strong>{f.number(report.outcomes.active)}</strong>
          </li>
          {waiting.map(([nodeId, n]) => (
            <li key={nodeId} className="is-sub">
              <button type="button" className="link-button" onClick={() => focus(nodeId)}>
                {t('sim.results.waitingAt', { step: titles.get(nodeId) ?? nodeId })}
              </button>
              <span>{f.number(n)}</span>
            </li>
          ))}
        </ul>
        {refused.map(([reason, n]) => (
          <p key={reason} className="sim-note" data-testid="entries-refused">
            {refusalWords(t, reason, n)}
          </p>
        ))}
      </section>

      {splits.length > 0 && (
        <section className="sim-section" aria-label={t('sim.results.abTests')}>
          <h3 className="section-title">{t('sim.results.abTests')}</h3>
          {splits.map((split) => (
            <VariantsView key={split.nodeId} split={split} zone={zone} />
          ))}
        </section>
      )}
      <PortfolioSection report={report} />
    </>
  );
}

/** One step's figures and the first profiles who reached it, to trace. */
function StepFigures({ run, nodeId }: { run: SimulationRun; nodeId: string }) {
  const store = useAppStore();
  const current = useApp((s) => s.journey?.nodes.find((n) => n.id === nodeId));
  const words = useWords();
  const { t, f } = words;
  const { report, journey } = run;
  const node = current ?? journey.nodes.find((n) => n.id === nodeId);
  const counts = report.nodes[nodeId];
  const samples = report.samples[nodeId] ?? [];
  const message = messageRows(words, report, journey).find((m) => m.nodeId === nodeId);
  const portLabels = new Map(node ? nodePorts(node).map((p) => [p.id, p.label]) : []);
  const { focusSimulationNode, traceProfile } = store.getState();
  return (
    <section className="step-figures" aria-label={t('sim.step.figures')} data-testid="step-figures">
      <header>
        <div className="inspector-head-text">
          <span className="inspector-kind">{t('sim.step.kind')}</span>
          <h3>{node ? stepName(node) : nodeId}</h3>
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label={t('sim.step.close')}
          onClick={() => focusSimulationNode(null)}
        >
          <CloseIcon size={14} />
        </button>
      </header>
      {!counts ? (
        <p className="sim-note">{t('sim.step.added')}</p>
      ) : (
        <>
          {report.forecast ? (
            <ForecastStepFigures run={run} nodeId={nodeId} />
          ) : (
            <ul className="outcome-list">
              <li>
                <span>{t('sim.step.reached')}</span>
                <strong>{f.number(counts.entered)}</strong>
              </li>
              {Object.entries(counts.ports).map(([port, n]) => (
                <li key={port} className="is-sub">
                  <span>
                    {port === 'next'
                      ? t('sim.compare.wentOn')
                      : t('sim.step.leftThrough', { exit: String(portLabels.get(port) ?? port) })}
                  </span>
                  <span>{f.number(n)}</span>
                </li>
              ))}
              {(report.waiting[nodeId] ?? 0) > 0 && (
                <li className="is-sub">
                  <span>{t('sim.step.waiting')}</span>
                  <span>{f.number(report.waiting[nodeId] ?? 0)}</span>
                </li>
              )}
              {message && (
                <>
                  <li>
                    <span>{t('sim.results.sent')}</span>
                    <strong>{f.number(message.sent)}</strong>
                  </li>
                  {message.skipped.map((s) => (
                    <li key={s.reason} className="is-sub">
                      <span>{t('sim.step.notSent', { why: skipWords(t, s.reason) })}</span>
                      <span>{f.number(s.count)}</span>
                    </li>
                  ))}
                  {message.deferred > 0 && (
                    <li className="is-sub">
                      <span>{t('sim.step.held')}</span>
                      <span>{f.number(message.deferred)}</span>
                    </li>
                  )}
                </>
              )}
            </ul>
          )}
          {samples.length > 0 && (
            <div className="samples">
              <h4 className="section-title">
                {samples.length < counts.entered
                  ? t('sim.step.firstWho', { n: samples.length })
                  : t('sim.step.who')}
              </h4>
              <div className="chips" data-testid="samples">
                {samples.map((id) => (
                  <button
                    key={id}
                    type="button"
                    className="chip"
                    title={t('sim.step.follow', { id })}
                    onClick={() => void traceProfile(id)}
                  >
                    {id}
                  </button>
                ))}
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
