import type { ConversionBreakdown } from '../../core/simulator/report';
import { count } from './format';

/**
 * Which conversions a total is: bought before any message was sent, after one, or caused by one.
 * A run that sent nothing must not read as a journey that converts; this says so in words.
 * Runs saved before the breakdown existed have none, and get no sentence.
 */
export function breakdownText(
  total: number,
  breakdown: ConversionBreakdown | undefined,
): string | undefined {
  if (!breakdown || total === 0) return undefined;
  const { beforeMessage, afterMessage, caused } = breakdown;
  if (beforeMessage === total) return 'all before any message was sent';
  const parts = [`${count(beforeMessage)} before any message`];
  if (afterMessage > 0) parts.push(`${count(afterMessage)} after one`);
  if (caused > 0) parts.push(`${count(caused)} caused by one`);
  return parts.join(' · ');
}
