import type { SimulationRun } from '../../core/api/simulation-contract';
import { useT } from '../i18n/I18nProvider';
import { useFormats } from '../i18n/format';
import { nodePorts } from '../nodes/card-shape';
import { useApp } from '../store/app-store';
import { spreadText } from './forecast-words';

const MESSAGE_FIGURES = ['sent', 'opened', 'clicked', 'converted', 'unsubscribed'] as const;

/** A step's forecast in the panel: who reaches it, which way they go, what its messages do. */
export function ForecastStepFigures({ run, nodeId }: { run: SimulationRun; nodeId: string }) {
  const t = useT();
  const f = useFormats();
  const current = useApp((s) => s.journey?.nodes.find((n) => n.id === nodeId));
  const forecast = run.report.forecast;
  const figures = forecast?.nodes[nodeId];
  if (!forecast || !figures) return null;
  const node = current ?? run.journey.nodes.find((n) => n.id === nodeId);
  const labels = new Map(node ? nodePorts(node).map((p) => [p.id, p.label]) : []);
  const message = forecast.messages[nodeId];
  return (
    <ul className="outcome-list" data-testid="forecast-step">
      <li>
        <span>{t('forecast.step.reached')}</span>
        <strong>{spreadText(f, t, figures.entered)}</strong>
      </li>
      {Object.entries(figures.ports).map(([port, spread]) => (
        <li key={port} className="is-sub">
          <span>
            {port === 'next'
              ? t('forecast.step.wentOn')
              : t('forecast.step.leftThrough', { port: labels.get(port) ?? port })}
          </span>
          <span>{spreadText(f, t, spread)}</span>
        </li>
      ))}
      {message &&
        MESSAGE_FIGURES.map((key) => (
          <li key={key} className={key === 'sent' ? undefined : 'is-sub'}>
            <span>{t(`forecast.outcome.${key}`)}</span>
            <span>{spreadText(f, t, message[key])}</span>
          </li>
        ))}
    </ul>
  );
}
