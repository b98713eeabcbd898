import type { SimulationRun } from '../../core/api/simulation-contract';
import { useApp } from '../store/app-store';
import { differenceNote, runComparison, runLabel } from './comparison';
import { useWords } from './sim-words';

/** The shown run against an earlier one: headline figures, then every step whose counts moved. */
export function CompareTab({ run }: { run: SimulationRun }) {
  const words = useWords();
  const { t, f } = words;
  const runs = useApp((s) => s.simulation.runs);
  const previous = useApp((s) => s.simulation.compareWith);
  const journey = useApp((s) => s.journey);
  const compareWithRun = useApp((s) => s.compareWithRun);
  const focus = useApp((s) => s.focusSimulationNode);
  const others = runs.filter((r) => r.id !== run.id);

  if (others.length === 0) {
    return (
      <div className="sim-empty">
        <p>{t('sim.compare.onlyRun')}</p>
        <p>{t('sim.compare.onlyRunHelp')}</p>
      </div>
    );
  }
  const view = previous && journey ? runComparison(words, previous, run, journey) : null;
  const note = view ? differenceNote(words, view) : undefined;
  return (
    <div className="sim-compare">
      <div className="field">
        <label className="field-label" htmlFor="compare-with">
          {t('sim.compare.with')}
        </label>
        <select
          id="compare-with"
          className="select"
          value={previous?.id ?? ''}
          onChange={(e) => void compareWithRun(e.target.value || null)}
        >
          <option value="">{t('sim.compare.choose')}</option>
          {others.map((r) => (
            <option key={r.id} value={r.id}>
              {runLabel(words, r)}
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
                <th scope="col">
                  <span className="visually-hidden">{t('sim.compare.figure')}</span>
                </th>
                <th scope="col">{t('sim.compare.before')}</th>
                <th scope="col">{t('sim.compare.now')}</th>
                <th scope="col">{t('sim.compare.change')}</th>
              </tr>
            </thead>
            <tbody>
              {view.headline.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>{f.number(row.before)}</td>
                  <td>{f.number(row.after)}</td>
                  <td className={`delta is-${row.verdict}`}>{row.deltaText}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <section className="sim-section" aria-label={t('sim.compare.stepsChanged')}>
            <h3 className="section-title">{t('sim.compare.stepByStep')}</h3>
            {view.nodes.length === 0 ? (
              <p className="sim-note">{t('sim.compare.same')}</p>
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
                          {t(node.status === 'added' ? 'sim.compare.added' : 'sim.compare.removed')}
                        </span>
                      )}
                    </div>
                    <table className="compare-table is-compact">
                      <tbody>
                        {node.rows.map((row) => (
                          <tr key={row.label}>
                            <th scope="row">{row.label}</th>
                            <td>{f.number(row.before)}</td>
                            <td>{f.number(row.after)}</td>
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
