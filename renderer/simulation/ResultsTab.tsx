import type { SimulationRun } from '../../core/api/simulation-contract';
import { ForecastResults } from '../forecast/ForecastResults';
import { ForecastStepFigures } from '../forecast/ForecastStepFigures';
import { nodePorts } from '../nodes/card-shape';
import { CloseIcon } from '../nodes/icons';
import { stepName } from '../nodes/step-name';
import { useApp, useAppStore } from '../store/app-store';
import { breakdownText } from './conversions';
import { count, percent, plural, signed, windowText } from './format';
import { messageRows } from './messages';
import { PortfolioSection } from './PortfolioSection';
import { refusalWords } from './reasons';
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
  if (before === undefined || before === now) return null;
  const delta = now - before;
  const verdict = !judged ? 'neutral' : delta > 0 ? 'better' : 'worse';
  return (
    <span className={`delta is-${verdict}`} title={`${count(before)} in the compared run`}>
      {signed(delta)}
    </span>
  );
}

/** The run at a glance: what happened in a replay, or what a forecast expects. */
export function ResultsTab({ run }: { run: SimulationRun }) {
  const focusNodeId = useApp((s) => s.simulation.focusNodeId);
  const { report, journey } = run;
  const zone = journey.settings.timezone ?? 'UTC';

  return (
    <div className="sim-results">
      {focusNodeId && <StepFigures run={run} nodeId={focusNodeId} />}
      <p className="sim-window" title="Times in the journey’s time zone">
        {windowText(report.window, zone)} · {plural(report.profiles, 'profile')}
      </p>
      {(report.warnings ?? []).map((warning) => (
        <p
          key={warning.code}
          className="sim-warning"
          role="note"
          data-testid="sim-warning"
          data-code={warning.code}
        >
          {warning.message}
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
  const splits = splitResults(report, journey);
  const rate = report.enrollments ? report.conversions.total / report.enrollments : 0;
  const converted = breakdownText(report.conversions.total, report.conversions.breakdown);
  return (
    <>
      <dl className="stat-grid" data-testid="headline">
        <div>
          <dt>Entered</dt>
          <dd data-testid="stat-entered">
            {count(report.enrollments)}
            <Delta now={report.enrollments} before={before?.enrollments} />
          </dd>
          <dd className="stat-sub">enrollments</dd>
        </div>
        <div>
          <dt>Converted</dt>
          <dd data-testid="stat-converted">
            {count(report.conversions.total)}
            <Delta now={report.conversions.total} before={before?.conversions.total} judged />
          </dd>
          <dd className="stat-sub">
            {report.enrollments ? `${percent(rate)} of entries` : 'no entries'}
          </dd>
          {converted && (
            <dd className="stat-sub stat-note" data-testid="stat-converted-breakdown">
              {converted}
            </dd>
          )}
        </div>
        <div>
          <dt>Sent</dt>
          <dd data-testid="stat-sent">
            {count(sent)}
            <Delta now={sent} before={beforeSent} />
          </dd>
          <dd className="stat-sub">messages</dd>
        </div>
        <div>
          <dt>Still in</dt>
          <dd data-testid="stat-active">
            {count(report.active)}
            <Delta now={report.active} before={before?.active} />
          </dd>
          <dd className="stat-sub">when it ended</dd>
        </div>
      </dl>

      <section className="sim-section" aria-label="How entries ended">
        <h3 className="section-title">How entries ended</h3>
        <ul className="outcome-list" data-testid="outcomes">
          <li>
            <span>Left on reaching the goal</span>
            <strong>{count(report.outcomes.converted)}</strong>
          </li>
          <li>
            <span>Completed the journey</span>
            <strong>{count(report.outcomes.completed)}</strong>
          </li>
          <li>
            <span>Left at an exit step</span>
            <strong>{count(report.outcomes.exited)}</strong>
          </li>
          <li>
            <span>Still waiting when the window ended</span>
            <strong>{count(report.outcomes.active)}</strong>
          </li>
          {waiting.map(([nodeId, n]) => (
            <li key={nodeId} className="is-sub">
              <button type="button" className="link-button" onClick={() => focus(nodeId)}>
                at {titles.get(nodeId) ?? nodeId}
              </button>
              <span>{count(n)}</span>
            </li>
          ))}
        </ul>
        {refused.map(([reason, n]) => (
          <p key={reason} className="sim-note" data-testid="entries-refused">
            {plural(n, 'time', 'times')} a profile was not let in: they {refusalWords(reason)}.
          </p>
        ))}
      </section>

      {splits.length > 0 && (
        <section className="sim-section" aria-label="A/B tests">
          <h3 className="section-title">A/B tests</h3>
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
  const { report, journey } = run;
  const node = current ?? journey.nodes.find((n) => n.id === nodeId);
  const counts = report.nodes[nodeId];
  const samples = report.samples[nodeId] ?? [];
  const message = messageRows(report, journey).find((m) => m.nodeId === nodeId);
  const portLabels = new Map(node ? nodePorts(node).map((p) => [p.id, p.label]) : []);
  const { focusSimulationNode, traceProfile } = store.getState();
  return (
    <section className="step-figures" aria-label="Step figures" data-testid="step-figures">
      <header>
        <div className="inspector-head-text">
          <span className="inspector-kind">Step</span>
          <h3>{node ? stepName(node) : nodeId}</h3>
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the step’s figures"
          onClick={() => focusSimulationNode(null)}
        >
          <CloseIcon size={14} />
        </button>
      </header>
      {!counts ? (
        <p className="sim-note">This step was added after the run; simulate again to count it.</p>
      ) : (
        <>
          {report.forecast ? (
            <ForecastStepFigures run={run} nodeId={nodeId} />
          ) : (
            <ul className="outcome-list">
              <li>
                <span>Reached it</span>
                <strong>{count(counts.entered)}</strong>
              </li>
              {Object.entries(counts.ports).map(([port, n]) => (
                <li key={port} className="is-sub">
                  <span>
                    {port === 'next' ? 'Went on' : `Left through “${portLabels.get(port) ?? port}”`}
                  </span>
                  <span>{count(n)}</span>
                </li>
              ))}
              {(report.waiting[nodeId] ?? 0) > 0 && (
                <li className="is-sub">
                  <span>Still waiting here</span>
                  <span>{count(report.waiting[nodeId] ?? 0)}</span>
                </li>
              )}
              {message && (
                <>
                  <li>
                    <span>Sent</span>
                    <strong>{count(message.sent)}</strong>
                  </li>
                  {message.skipped.map((s) => (
                    <li key={s.reason} className="is-sub">
                      <span>Not sent: {s.words}</span>
                      <span>{count(s.count)}</span>
                    </li>
                  ))}
                  {message.deferred > 0 && (
                    <li className="is-sub">
                      <span>Held for quiet hours first</span>
                      <span>{count(message.deferred)}</span>
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
                  ? `The first ${samples.length} who reached it`
                  : 'Who reached it'}
              </h4>
              <div className="chips" data-testid="samples">
                {samples.map((id) => (
                  <button
                    key={id}
                    type="button"
                    className="chip"
                    title={`Follow ${id} through the journey`}
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
