import type { Forecast } from '../../core/forecast/forecast-report';
import type { Spread } from '../../core/forecast/statistics';

const DAY = 86_400_000;
/** Most days drawn: a forecast's window is at most ten years. */
const MAX_DAYS = 3_700;

const NONE: Spread = { mean: 0, p10: 0, p50: 0, p90: 0 };

/** One local day of a forecast, as the band charts and their table read it. */
export interface DayBands {
  /** `YYYY-MM-DD`, a local date of the journey's time zone. */
  day: string;
  sent: Spread;
  converted: Spread;
  caused: Spread;
}

/**
 * The forecast's days in order, every day from the first to the last present (a day nobody
 * did anything on in any run is a zero, not a gap in the band).
 */
export function dayBands(perDay: Forecast['perDay']): DayBands[] {
  const days = Object.keys(perDay).sort();
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return [];
  const out: DayBands[] = [];
  for (
    let at = Date.parse(`${first}T00:00:00Z`);
    at <= Date.parse(`${last}T00:00:00Z`) && out.length < MAX_DAYS;
    at += DAY
  ) {
    const day = new Date(at).toISOString().slice(0, 10);
    const figures = perDay[day];
    out.push({
      day,
      sent: figures?.sent ?? NONE,
      converted: figures?.converted ?? NONE,
      caused: figures?.caused ?? NONE,
    });
  }
  return out;
}
