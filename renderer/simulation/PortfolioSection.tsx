import type { PortfolioForecast } from '../../core/forecast/portfolio-forecast';
import type { Spread } from '../../core/forecast/statistics';
import type { PortfolioMember, SimulationReport } from '../../core/simulator/report';
import { useFormats } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import { usePolicyWords } from '../policy/policy-words';

/** The day buckets of the report, and what each is called in the catalogue's select. */
const BUCKETS = [
  ['0', 'none'],
  ['1', 'one'],
  ['2+', 'more'],
] as const;

/**
 * A forecast of the journeys together: messages per person per day and what the policy held back,
 * each with the range 80% of the runs fall in.
 */
function PortfolioForecastView({
  forecast,
  nameOf,
}: {
  forecast: PortfolioForecast;
  nameOf: (id: string) => string;
}) {
  const t = useT();
  const formats = useFormats();
  const range = (spread: Spread, digits = 0) =>
    t('portfolio.forecast.range', {
      p50: formats.number(spread.p50, digits),
      p10: formats.number(spread.p10, digits),
      p90: formats.number(spread.p90, digits),
    });
  const days = forecast.messagesPerProfilePerDay;
  return (
    <div data-testid="portfolio-forecast">
      <h4 className="portfolio-subtitle" id="portfolio-forecast-title">
        {t('portfolio.forecast.title', { runs: forecast.runs })}
      </h4>
      <p className="sim-note">{t('portfolio.forecast.note')}</p>
      <table className="portfolio-table" aria-labelledby="portfolio-forecast-title">
        <tbody>
          {BUCKETS.map(([bucket, word]) => (
            <tr key={bucket} data-testid={`portfolio-forecast-day-${bucket}`}>
              <th scope="row">{t('portfolio.perDay.bucket', { bucket: word })}</th>
              <td>{range(days[bucket])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sim-note" data-testid="portfolio-forecast-mean">
        {t('portfolio.forecast.mean', {
          mean: formats.number(forecast.mean.p50, 2),
          low: formats.number(forecast.mean.p10, 2),
          high: formats.number(forecast.mean.p90, 2),
        })}
      </p>
      {forecast.policy.held.p90 > 0 && (
        <>
          <p className="sim-note" data-testid="portfolio-forecast-held">
            {t('portfolio.forecast.held', {
              held: formats.number(forecast.policy.held.p50),
              low: formats.number(forecast.policy.held.p10),
              high: formats.number(forecast.policy.held.p90),
            })}
          </p>
          <ul className="outcome-list" data-testid="portfolio-forecast-lost">
            {forecast.policy.lost.map((l) => (
              <li key={`${l.journey}\u0000${l.to}`}>
                {t('portfolio.forecast.lost', {
                  journey: nameOf(l.journey),
                  to: nameOf(l.to),
                  messages: range(l.messages),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * A run made with the other live journeys (DESIGN §8): the policy it ran under, the journeys and
 * what each sent and lost, how many messages a person got a day, which journeys reached the same
 * person on the same day, and who lost to whom under the policy.
 */
export function PortfolioSection({ report }: { report: SimulationReport }) {
  const t = useT();
  const formats = useFormats();
  const words = usePolicyWords();
  const portfolio = report.portfolio;
  if (!portfolio) return null;
  const byId = new Map(portfolio.journeys.map((j) => [j.id, j]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const label = (member: PortfolioMember) =>
    member.version === undefined
      ? t('portfolio.thisJourney', { name: member.name })
      : t('portfolio.version', { name: member.name, version: member.version });
  const days = portfolio.messagesPerProfilePerDay;
  const total = portfolio.profileDays;
  return (
    <section
      className="sim-section portfolio"
      aria-labelledby="portfolio-title"
      data-testid="portfolio"
    >
      <h3 className="section-title" id="portfolio-title">
        {t('portfolio.title')}
      </h3>
      <p className="sim-note" data-testid="portfolio-policy">
        <strong>{t('policy.title')}:</strong> {words.sentence(report.policy ?? {})}
      </p>
      <table className="portfolio-table">
        <caption className="visually-hidden">{t('portfolio.journeys.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('portfolio.col.journey')}</th>
            <th scope="col">{t('portfolio.col.priority')}</th>
            <th scope="col">{t('portfolio.col.sent')}</th>
            <th scope="col">{t('portfolio.col.held')}</th>
          </tr>
        </thead>
        <tbody>
          {portfolio.journeys.map((member) => (
            <tr key={member.id}>
              <th scope="row">{label(member)}</th>
              <td>{formats.number(member.priority)}</td>
              <td>{formats.number(member.sent)}</td>
              <td>{formats.number(member.held)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h4 className="portfolio-subtitle" id="portfolio-per-day">
        {t('portfolio.perDay.title')}
      </h4>
      <table className="portfolio-table is-histogram" aria-labelledby="portfolio-per-day">
        <tbody>
          {BUCKETS.map(([bucket, word]) => {
            const n = days[bucket];
            const share = total === 0 ? 0 : n / total;
            return (
              <tr key={bucket} data-testid={`portfolio-day-${bucket}`}>
                <th scope="row">{t('portfolio.perDay.bucket', { bucket: word })}</th>
                <td className="portfolio-bar-cell" aria-hidden="true">
                  <span
                    className="portfolio-bar"
                    style={{ width: `${Math.round(share * 100)}%` }}
                  />
                </td>
                <td>{formats.number(n)}</td>
                <td>{formats.percent(share)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="sim-note">
        {t('portfolio.perDay.note', {
          days: total,
          mean: formats.number(portfolio.mean, 2),
          most: portfolio.most,
        })}
      </p>

      <h4 className="portfolio-subtitle">{t('portfolio.collisions.title')}</h4>
      {portfolio.collisions.length === 0 ? (
        <p className="sim-note">{t('portfolio.collisions.none')}</p>
      ) : (
        <ul className="outcome-list" data-testid="portfolio-collisions">
          {portfolio.collisions.map((c) => (
            <li key={c.journeys.join('\u0000')}>
              {t('portfolio.collision', {
                a: nameOf(c.journeys[0]),
                b: nameOf(c.journeys[1]),
                people: c.profiles,
              })}
            </li>
          ))}
        </ul>
      )}

      <h4 className="portfolio-subtitle">{t('portfolio.lost.title')}</h4>
      {portfolio.policy.lost.length === 0 ? (
        <p className="sim-note">{t('portfolio.lost.none')}</p>
      ) : (
        <ul className="outcome-list" data-testid="portfolio-lost">
          {portfolio.policy.lost.map((l) => (
            <li key={`${l.journey}\u0000${l.to}`}>
              {l.journey === l.to
                ? t('portfolio.lostToItself', {
                    journey: nameOf(l.journey),
                    messages: l.messages,
                    people: l.profiles,
                  })
                : t('portfolio.lost', {
                    journey: nameOf(l.journey),
                    to: nameOf(l.to),
                    messages: l.messages,
                    people: l.profiles,
                  })}
            </li>
          ))}
        </ul>
      )}
      {portfolio.forecast && (
        <PortfolioForecastView forecast={portfolio.forecast} nameOf={nameOf} />
      )}
    </section>
  );
}
