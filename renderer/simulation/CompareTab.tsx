import type { SimulationRun } from '../../core/api/simulation-contract';
import { useApp } from '../store/app-store';
import { differenceNote, runComparison, runLabel } from './comparison';
import { count } from './format';

/** The shown run against an earlier one: headline figures, then every step whose counts moved. */
export function CompareTab({ run }: { run: SimulationRun }) {
  const runs = useApp((s) => s.simulation.runs);
  const previous = useApp((s) => s.simulation.compareWith);
  const journey = useApp((s) => s.journey);
  const compareWithRun = useApp((s) => s.compareWithRun);
  const focus = useApp((s) => s.focusSimulationNode);
  const others = runs.filter((r) => r.id !== run.id);

  if (others.length === 0) {
    return (
      <div className="sim-empty">
        <p>This is the journey’s only run so far.</p>
        <p>
          Change the journey (a wait, a condition, a split) and simulate again: this tab then says
          what changed, step by step.
        </p>
      </div>
    );
  }
  const view = previous && journey ? runComparison(previous, run, journey) : null;
  const note = view ? differenceNote(view) : undefined;
  return (
    <div className="sim-compare">
      <div className="field">
        <label className="field-label" htmlFor="compare-with">
          Compared with
        </label>
        <select
          id="compare-with"
          className="select"
          value={previous?.id ?? ''}
          onChange={(e) => void compareWithRun(e.target.value || null)}
        >
          <option value="">Choose a run…</option>
          {others.map((r) => (
            <option key={r.id} value={r.id}>
              {runLabel(r)}
            </option>
          ))}
        </select>
      </div>
      {view && (
        <>
          {note && <p className="sim-note">{note}</p>}
          <table className="compare-table" data-testid="compare-headline">
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">Before</th>
                <th scope="col">Now</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {view.headline.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>{count(row.before)}</td>
                  <td>{count(row.after)}</td>
                  <td className={`delta is-${row.verdict}`}>{row.deltaText}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <section className="sim-section" aria-label="Steps that changed">
            <h3 className="section-title">Step by step</h3>
            {view.nodes.length === 0 ? (
              <p className="sim-note">Every step counted the same in both runs.</p>
            ) : (
              <ul className="compare-nodes" data-testid="compare-nodes">
                {view.nodes.map((node) => (
                  <li key={node.nodeId}>
                    <div className="compare-node-head">
                      <button
                        type="button"
                        className="link-button is-strong"
                        onClick={() => focus(node.nodeId)}
                      >
                        {node.title}
                      </button>
                      {node.status !== 'changed' && (
                        <span className={`status-tag is-${node.status}`}>
                          {node.status === 'added' ? 'new step' : 'removed'}
                        </span>
                      )}
                    </div>
                    <table className="compare-table is-compact">
                      <tbody>
                        {node.rows.map((row) => (
                          <tr key={row.label}>
                            <th scope="row">{row.label}</th>
                            <td>{count(row.before)}</td>
                            <td>{count(row.after)}</td>
                            <td className={`delta is-${row.verdict}`}>{row.deltaText}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
