import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { checkExpect, OUTCOMES, type Outcome } from '../../../core/forecast/expect';
import {
  DEFAULT_PURPOSE,
  PURPOSE_KEYS,
  type Purpose,
} from '../../../core/forecast/forecast-settings';
import { isRecord } from '../../../core/model/json-text';
import type { MessageId } from '../../i18n/messages';
import { useFormats } from '../../i18n/format';
import { useT, type Translate } from '../../i18n/I18nProvider';
import { useApp } from '../../store/app-store';
import { PercentInput, percentNumber } from '../widgets/PercentInput';
import { ExpectWithin } from './ExpectWithin';
import {
  dataEstimatesOf,
  fallbacks,
  fallbackWithin,
  personChannel,
  readExpect,
  withChange,
  type Fallback,
} from './expect-sources';
import { durationWords, ratePercent, referenceWords } from './forecast-words';

export interface ExpectEditorProps {
  id: string;
  /** The `expect` object, as the file has it. */
  value: unknown;
  onChange: (value: Record<string, unknown> | undefined) => void;
  /** The message's channel; absent in the journey's settings. */
  channel?: string;
  /** The validator's messages on `expect` (its shape); its values are checked here. */
  errors: readonly string[];
}

const LABEL: Record<Outcome, MessageId> = {
  open: 'expect.outcome.open',
  click: 'expect.outcome.click',
  convert: 'expect.outcome.convert',
  unsubscribe: 'expect.outcome.unsubscribe',
  complain: 'expect.outcome.complain',
};

const PART: Record<Outcome, MessageId> = {
  open: 'expect.part.open',
  click: 'expect.part.click',
  convert: 'expect.part.convert',
  unsubscribe: 'expect.part.unsubscribe',
  complain: 'expect.part.complain',
};

/** The problems of each rate, in words, from core's check (`checkExpect`). */
function problemsOf(
  value: unknown,
  t: Translate,
  rate: (share: number) => string,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const rates = readExpect(value).rates;
  for (const issue of checkExpect(value)) {
    const key = String(issue.path?.[0] ?? '');
    const words =
      issue.code === 'expect-click-above-open'
        ? t('expect.error.clickAboveOpen', {
            click: rate(rates.click ?? 0),
            open: rate(rates.open ?? 0),
          })
        : issue.code === 'expect-rate-invalid'
          ? t('expect.error.range')
          : issue.code === 'duration-invalid'
            ? t('expect.error.within')
            : issue.message;
    out.set(key, [...(out.get(key) ?? []), words]);
  }
  return out;
}

function sourceWords(t: Translate, rate: string, fallback: Fallback | undefined): string {
  if (!fallback) return t('expect.source.none');
  switch (fallback.source) {
    case 'journey':
      return t('expect.source.journey', { rate });
    case 'data':
      return t(fallback.note ? 'expect.source.dataAttributed' : 'expect.source.data', {
        rate,
        count: fallback.basis?.count ?? 0,
        of: fallback.basis?.of ?? 0,
      });
    default:
      return `${t('expect.source.assumed', { rate })} ${fallback.reference ? referenceWords(t, fallback.reference) : ''}${fallback.note ? ` ${t('expect.source.attributed')}` : ''}`.trim();
  }
}

/**
 * A message's (or the journey's) expected responses in words — "45% open · 4% click · 2.5% order
 * within 3 days" — with a percentage field for each. A rate left empty shows what a forecast
 * would assume instead, marked "assumed", and where that comes from: the journey, the data of the
 * last forecast, or a published benchmark for the channel and what the journey is for.
 */
export function ExpectEditor({ id, value, onChange, channel, errors }: ExpectEditorProps) {
  const t = useT();
  const formats = useFormats();
  const intl = useIntl();
  const journey = useApp((s) => s.journey);
  const run = useApp((s) => s.simulation.run);
  const [notNumber, setNotNumber] = useState<Partial<Record<Outcome, boolean>>>({});
  const level = channel === undefined ? 'journey' : 'message';
  const shownChannel =
    channel ??
    journey?.nodes.map(personChannel).find((c): c is string => c !== undefined) ??
    'email';
  const data = useMemo(() => dataEstimatesOf(run, journey?.id), [run, journey?.id]);
  const settings = journey?.settings;
  const assumed = useMemo(
    () => (journey ? fallbacks(journey, shownChannel, level, data) : {}),
    // Only the settings and the data decide what is assumed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [settings, shownChannel, level, data],
  );
  if (!journey) return null;
  const rate = (share: number) => ratePercent(formats, share);
  const { rates, within } = readExpect(value);
  const problems = problemsOf(value, t, rate);
  const purposeValue = isRecord(settings) ? settings.purpose : undefined;
  const purpose: Purpose = PURPOSE_KEYS.includes(purposeValue as Purpose)
    ? (purposeValue as Purpose)
    : DEFAULT_PURPOSE;
  const hasGoal = isRecord(settings) && isRecord(settings.goal);
  const windowText = durationWords(t, within ?? fallbackWithin(journey, level));
  const legendId = `${id}-legend`;

  const parts = OUTCOMES.flatMap((outcome) => {
    const own = rates[outcome];
    const fallback = assumed[outcome];
    // Unsubscribes and complaints join the sentence only where they are set here.
    if (own === undefined && (outcome === 'unsubscribe' || outcome === 'complain')) return [];
    const shown = own ?? fallback?.rate;
    if (shown === undefined) return [];
    // A rate the marketer set, here or on the journey, is theirs; the others are the app's guess.
    const tag =
      own !== undefined || fallback?.source === 'journey'
        ? undefined
        : fallback?.source === 'data'
          ? t('expect.estimatedTag')
          : t('expect.assumedTag');
    return [{ outcome, text: t(PART[outcome], { rate: rate(shown) }), tag }];
  });
  const shapeErrors = problems.size === 0 ? errors : [];
  const withinErrors = problems.get('within') ?? [];

  return (
    <fieldset className="field expect-editor" aria-labelledby={legendId}>
      <legend className="field-label" id={legendId}>
        {t(level === 'message' ? 'expect.title.message' : 'expect.title.journey')}
        <span className="field-optional">{t('expect.optional')}</span>
      </legend>
      <p className="expect-summary" data-testid={`${id}-summary`}>
        {parts.length === 0
          ? t('expect.summary.none')
          : parts.map((part, i) => (
              <span key={part.outcome}>
                {i > 0 && <span aria-hidden="true">{' · '}</span>}
                <span className={part.tag ? 'expect-part is-assumed' : 'expect-part'}>
                  {part.text}
                  {part.tag && (
                    <>
                      {' '}
                      <span className="expect-tag">{part.tag}</span>
                    </>
                  )}
                </span>
              </span>
            ))}{' '}
        {parts.length > 0 && t('expect.part.within', { duration: windowText })}
      </p>
      <div className="expect-rows">
        {OUTCOMES.map((outcome) => {
          const own = rates[outcome];
          const fallback = assumed[outcome];
          const fieldId = `${id}-${outcome}`;
          const noteId = `${fieldId}-note`;
          const messages = [
            ...(notNumber[outcome] ? [t('expect.error.notANumber')] : []),
            ...(problems.get(outcome) ?? []),
          ];
          const errorId = `${fieldId}-error`;
          const note =
            own !== undefined
              ? t(level === 'message' ? 'expect.source.ownMessage' : 'expect.source.ownJourney')
              : outcome === 'convert' && !hasGoal
                ? t('expect.source.noGoal')
                : sourceWords(t, fallback ? rate(fallback.rate) : '', fallback);
          return (
            <div
              key={outcome}
              className={`expect-row${messages.length ? ' has-error' : ''}`}
              data-testid={fieldId}
            >
              <label className="expect-label" htmlFor={fieldId}>
                {t(LABEL[outcome])}
              </label>
              <PercentInput
                id={fieldId}
                value={own}
                placeholder={fallback ? percentNumber(intl, fallback.rate) : undefined}
                describedBy={messages.length ? `${noteId} ${errorId}` : noteId}
                invalid={messages.length > 0}
                onValidity={(valid) => setNotNumber((s) => ({ ...s, [outcome]: !valid }))}
                // A rate out of range is written as typed: the check says what is wrong with it.
                onChange={(share) => onChange(withChange(value, outcome, share))}
              />
              <p className="expect-note" id={noteId}>
                {note}
              </p>
              {messages.length > 0 && (
                <p className="field-error" id={errorId} role="alert">
                  {messages.join(' ')}
                </p>
              )}
            </div>
          );
        })}
        <ExpectWithin
          id={`${id}-within`}
          value={within}
          fallback={fallbackWithin(journey, level)}
          level={level}
          errors={withinErrors}
          onChange={(next) => onChange(withChange(value, 'within', next))}
        />
      </div>
      <p className="field-help">
        {t(level === 'message' ? 'expect.help.message' : 'expect.help.journey', {
          channel: t('expect.channel', { channel: shownChannel }),
          purpose: t('expect.purpose', { purpose }),
        })}
      </p>
      {shapeErrors.map((message) => (
        <p className="field-error" key={message} role="alert">
          {message}
        </p>
      ))}
    </fieldset>
  );
}
