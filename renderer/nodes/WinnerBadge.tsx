import { useFormats } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import { cardWinner } from '../inspector/forecast/decided-winners';
import { probabilityPercent } from '../inspector/forecast/forecast-words';
import { useApp } from '../store/app-store';
import type { JourneyNode } from '../../core/model/journey';
import { CheckIcon } from './icons';
import { variantLabel } from './step-name';

/**
 * A split's automatic winner on its card, pinned to the top edge opposite the counts: which
 * variant won, in the figures the canvas shows (the live run's or the simulation's).
 */
export function WinnerBadge({ node }: { node: JourneyNode }) {
  const t = useT();
  const formats = useFormats();
  const winner = useApp((s) => cardWinner(s, node.id));
  const where = useApp((s) => (s.execution.open ? 'live' : 'simulation'));
  const zone = useApp((s) => s.journey?.settings.timezone) ?? 'UTC';
  if (!winner) return null;
  const variant = variantLabel(node, winner.variant);
  const full = t('planner.winner.sentence', {
    where,
    variant,
    at: formats.dateTime(Date.parse(winner.at), zone),
    probability: probabilityPercent(formats, winner.probability),
  });
  return (
    <span
      className="winner-badge nodrag nopan"
      role="note"
      aria-label={full}
      title={full}
      data-testid={`winner-badge-${node.id}`}
    >
      <CheckIcon size={12} />
      {t('planner.winner.badge', { variant })}
    </span>
  );
}
