import type { Journey } from '../../core/model/journey';
import type { SimulationReport } from '../../core/simulator/report';
import { journeyLength, type ReportWarning } from '../../core/simulator/window';
import { durationWords } from '../forecast/forecast-words';
import type { Words } from './sim-words';

const MINUTE = 60_000;

/** An elapsed time as the engine words it ("8 days 2 hours"), in the chosen language. */
function elapsedWords({ t }: Pick<Words, 't'>, ms: number): string {
  const minutes = Math.ceil(ms / MINUTE);
  if (minutes < 60) return t('forecast.time.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) {
    const h = t('forecast.time.hours', { n: hours });
    return rest ? `${h} ${t('forecast.time.minutes', { n: rest })}` : h;
  }
  const whole = Math.ceil(minutes / 60);
  const days = t('forecast.time.days', { n: Math.floor(whole / 24) });
  return whole % 24 ? `${days} ${t('forecast.time.hours', { n: whole % 24 })}` : days;
}

/**
 * A report's warning in the chosen language. English reads the engine's own sentence (the command
 * line prints the same); Swedish and Norwegian word it from the report's figures, and a warning
 * this version does not know keeps the engine's words.
 */
export function reportWarningText(
  words: Words,
  warning: ReportWarning,
  report: SimulationReport,
  journey: Journey,
): string {
  const { t, f, locale } = words;
  if (locale === 'en') return warning.message;
  switch (warning.code) {
    case 'window-shorter-than-journey': {
      const length = journeyLength(journey);
      const covered = Date.parse(report.window.end) - Date.parse(report.window.start);
      return t('sim.warning.window', {
        covered: elapsedWords(words, covered),
        length: elapsedWords(words, length.millis),
        loops: length.loops ? 'yes' : 'no',
      });
    }
    case 'frequency-over-limit': {
      const { frequency } = report;
      const loops = frequency.loops.map((loop) =>
        loop.names.map((name) => t('sim.quoted', { text: name })).join(' → '),
      );
      return t('sim.warning.frequency', {
        n: frequency.profiles,
        limit: frequency.limit,
        per: durationWords(t, frequency.per),
        loopCount: loops.length,
        loops: f.list(loops),
      });
    }
    default:
      return warning.message;
  }
}
