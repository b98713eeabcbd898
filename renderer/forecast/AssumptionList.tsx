import type { SimulationRun } from '../../core/api/simulation-contract';
import {
  DATA_ATTRIBUTED_NOTE,
  isRateAssumption,
  type Assumption,
  type RateAssumption,
} from '../../core/forecast/assumptions';
import { ATTRIBUTED_NOTE, type Reference } from '../../core/forecast/defaults';
import { useT, type Translate } from '../i18n/I18nProvider';
import { useFormats, type Formats } from '../i18n/format';
import { stepName } from '../nodes/step-name';
import { durationWords } from './forecast-words';

/** "Bluecore, 2018 Retail Email Benchmark Report (2018)", linked when it has an address. */
function ReferenceText({ reference }: { reference: Reference }) {
  const t = useT();
  const name =
    reference.year === undefined
      ? t('forecast.reference.undated', {
          publisher: reference.publisher,
          title: reference.title,
        })
      : t('forecast.reference.dated', {
          publisher: reference.publisher,
          title: reference.title,
          year: String(reference.year),
        });
  return (
    <>
      {reference.url ? (
        <a href={reference.url} target="_blank" rel="noreferrer">
          {name}
        </a>
      ) : (
        name
      )}
      {reference.via && <> {t('forecast.reference.via', { via: reference.via })}</>}
      {/* What the publisher measured, in the publisher's own (English) words. */}
      <span className="assumption-measures">
        {' '}
        {t('forecast.reference.measures')} <q lang="en">{reference.measures}</q>
      </span>
    </>
  );
}

/** Where a rate came from, in words, with what stands behind it. */
function SourceText({ assumption }: { assumption: RateAssumption }) {
  const t = useT();
  const f = useFormats();
  const { source, basis, reference } = assumption;
  return (
    <span className="assumption-source" data-testid="assumption-source">
      <strong>{t(`forecast.source.${source}`)}</strong>
      {basis && (
        <>
          {': '}
          {t(`forecast.basis.${assumption.outcome}`, {
            count: f.number(basis.count),
            of: f.number(basis.of),
          })}
        </>
      )}
      {reference && (
        <>
          {': '}
          <ReferenceText reference={reference} />
        </>
      )}
    </span>
  );
}

function noteText(t: Translate, note: string | undefined): string | undefined {
  if (note === ATTRIBUTED_NOTE) return t('forecast.note.attributed');
  if (note === DATA_ATTRIBUTED_NOTE) return t('forecast.note.dataAttributed');
  return note;
}

/** A rate as a share, to as many digits as it needs: `40.32%`, `0.012%`. */
export function rateText(f: Formats, rate: number): string {
  return f.percent(rate, 3);
}

function OtherAssumption({ assumption }: { assumption: Exclude<Assumption, RateAssumption> }) {
  const t = useT();
  const f = useFormats();
  if ('persona' in assumption)
    return (
      <li>
        {t('forecast.persona.row', {
          persona: t(`forecast.persona.${assumption.persona}`),
          outcome: t(`forecast.outcomeName.${assumption.outcome}`),
          multiplier: f.number(assumption.multiplier, 1),
        })}
      </li>
    );
  if (assumption.outcome === 'fatigue')
    return (
      <li>
        {t('forecast.fatigue', {
          per: durationWords(t, assumption.per),
          decay: f.percent(assumption.decay),
        })}{' '}
        <span className="assumption-source">{t(`forecast.fatigue.${assumption.source}`)}</span>
      </li>
    );
  return (
    <li>
      {assumption.value !== undefined && assumption.basis
        ? t('forecast.value.data', {
            value: f.number(assumption.value),
            count: f.number(assumption.basis.count),
          })
        : t('forecast.value.event')}
    </li>
  );
}

/**
 * Every assumption the forecast used, message by message in journey order: each rate with its
 * window, where it came from (the message, the journey, your data with its counts, or the
 * published source and year) and what to keep in mind; then personas, fatigue and order value.
 */
export function AssumptionList({ run }: { run: SimulationRun }) {
  const t = useT();
  const f = useFormats();
  const assumptions = run.report.assumptions ?? [];
  const rates = assumptions.filter(isRateAssumption);
  const others = assumptions.filter(
    (a): a is Exclude<Assumption, RateAssumption> => !isRateAssumption(a),
  );
  const personas = others.filter((a) => 'persona' in a);
  const rest = others.filter((a) => !('persona' in a));
  const messages = run.journey.nodes.filter((n) => rates.some((a) => a.node === n.id));
  return (
    <section className="sim-section" aria-labelledby="assumptions-title">
      <h3 className="section-title" id="assumptions-title">
        {t('forecast.assumptions.title')}
      </h3>
      <p className="sim-note">{t('forecast.assumptions.help')}</p>
      {rates.length === 0 && (
        <p className="sim-note" data-testid="no-assumptions">
          {t('forecast.assumptions.none')}
        </p>
      )}
      {messages.map((node) => (
        <div key={node.id} className="assumption-group" data-testid={`assumptions-${node.id}`}>
          <h4 className="forecast-message-name">{stepName(node)}</h4>
          <ul className="assumption-list">
            {rates
              .filter((a) => a.node === node.id)
              .map((a) => {
                const note = noteText(t, a.note);
                return (
                  <li key={a.outcome} data-testid={`assumption-${node.id}-${a.outcome}`}>
                    <span className="assumption-rate">
                      {t('forecast.assumptions.rate', {
                        outcome: t(`forecast.outcomeName.${a.outcome}`),
                        rate: rateText(f, a.rate),
                        within: durationWords(t, a.within),
                      })}
                    </span>
                    <SourceText assumption={a} />
                    {note && <span className="assumption-note">{note}</span>}
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
      {personas.length > 0 && (
        <div className="assumption-group">
          <h4 className="forecast-message-name">{t('forecast.persona.title')}</h4>
          <ul className="assumption-list is-compact">
            {personas.map((a, i) => (
              <OtherAssumption key={i} assumption={a} />
            ))}
          </ul>
          <p className="sim-note">{t('forecast.persona.source')}</p>
        </div>
      )}
      {rest.length > 0 && (
        <ul className="assumption-list is-compact">
          {rest.map((a, i) => (
            <OtherAssumption key={i} assumption={a} />
          ))}
        </ul>
      )}
    </section>
  );
}
