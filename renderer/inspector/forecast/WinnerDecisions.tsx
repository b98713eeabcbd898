import type { JourneyNode } from '../../../core/model/journey';
import { useFormats } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { variantLabel } from '../../nodes/step-name';
import type { DecidedWinner } from '../../simulation/variants';
import { useApp } from '../../store/app-store';
import { liveWinner, simulatedWinner } from './decided-winners';
import { probabilityPercent } from './forecast-words';

/**
 * The automatic winners decided at a split, in a sentence each: in the simulation shown and in
 * the live run — which variant, from when (in the journey's time zone), how sure.
 */
export function WinnerDecisions({ node }: { node: JourneyNode }) {
  const t = useT();
  const formats = useFormats();
  const simulated = useApp((s) => simulatedWinner(s, node.id));
  const live = useApp((s) => liveWinner(s, node.id));
  const zone = useApp((s) => s.journey?.settings.timezone) ?? 'UTC';
  if (!simulated && !live) return null;
  const sentence = (winner: DecidedWinner, where: 'simulation' | 'live') =>
    t('planner.winner.sentence', {
      where,
      variant: variantLabel(node, winner.variant),
      at: formats.dateTime(Date.parse(winner.at), zone),
      probability: probabilityPercent(formats, winner.probability),
    });
  return (
    <section
      className="winner-decisions"
      aria-labelledby={`winner-${node.id}-title`}
      data-testid="winner-decisions"
    >
      <h3 className="section-title" id={`winner-${node.id}-title`}>
        {t('planner.winner.title')}
      </h3>
      {simulated && <p data-testid="winner-simulation">{sentence(simulated, 'simulation')}</p>}
      {live && <p data-testid="winner-live">{sentence(live, 'live')}</p>}
    </section>
  );
}
