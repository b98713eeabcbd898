import type { ConversionBreakdown } from '../../core/simulator/report';
import type { Words } from './sim-words';

/**
 * Which conversions a total is: bought before any message was sent, after one, or caused by one.
 * A run that sent nothing must not read as a journey that converts; this says so in words.
 * Runs saved before the breakdown existed have none, and get no sentence.
 */
export function breakdownText(
  { t, f }: Pick<Words, 't' | 'f'>,
  total: number,
  breakdown: ConversionBreakdown | undefined,
): string | undefined {
  if (!breakdown || total === 0) return undefined;
  const { beforeMessage, afterMessage, caused } = breakdown;
  if (beforeMessage === total) return t('sim.converted.allBefore');
  const parts = [t('sim.converted.before', { n: f.number(beforeMessage) })];
  if (afterMessage > 0) parts.push(t('sim.converted.after', { n: f.number(afterMessage) }));
  if (caused > 0) parts.push(t('sim.converted.caused', { n: f.number(caused) }));
  return parts.join(' · ');
}
