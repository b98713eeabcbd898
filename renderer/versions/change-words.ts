import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { DiffValue, DurationUnit } from '../../core/versions/diff-values';
import type {
  JourneyChange,
  NodeRef,
  PortRef,
  VariantChange,
} from '../../core/versions/journey-diff';
import { useT, type Translate } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import { useFormats, type Formats } from '../i18n/format';

const UNITS: Record<DurationUnit, MessageId> = {
  year: 'versions.unit.year',
  month: 'versions.unit.month',
  week: 'versions.unit.week',
  day: 'versions.unit.day',
  hour: 'versions.unit.hour',
  minute: 'versions.unit.minute',
  second: 'versions.unit.second',
};

/** 2024-01-01 was a Monday: weekday names come from the locale's own calendar. */
const MONDAY = Date.UTC(2024, 0, 1);
const WEEKDAY_INDEX: Record<string, number> = {
  mon: 0,
  tue: 1,
  wed: 2,
  thu: 3,
  fri: 4,
  sat: 5,
  sun: 6,
};

interface Words {
  t: Translate;
  formats: Formats;
  list: (items: string[]) => string;
  weekday: (day: string) => string;
}

function quote(w: Words, text: string): string {
  return w.t('versions.quote', { text });
}

function value(w: Words, v: DiffValue): string {
  switch (v.type) {
    case 'absent':
      return w.t('versions.value.none');
    case 'text':
      return quote(w, v.text);
    case 'long-text':
      return w.t('versions.value.edited');
    case 'plain':
    case 'time':
      return v.text;
    case 'number':
      return w.formats.number(v.value, undefined);
    case 'boolean':
      return w.t(v.value ? 'versions.value.yes' : 'versions.value.no');
    case 'duration': {
      const text = v.parts.length
        ? v.parts.map((p) => w.t(UNITS[p.unit], { count: p.count })).join(' ')
        : w.t(UNITS.minute, { count: 0 });
      return v.negative ? w.t('versions.value.before', { duration: text }) : text;
    }
    case 'weekdays':
      return v.days.length ? w.list(v.days.map(w.weekday)) : w.t('versions.value.everyDay');
    case 'choice':
      return v.title;
    case 'on':
      return w.t('versions.value.on');
  }
}

function valueChange(w: Words, before: DiffValue, after: DiffValue): string {
  if (after.type === 'on') return w.t('versions.value.on');
  if (before.type === 'on') return w.t('versions.value.off');
  if (before.type === 'long-text' || after.type === 'long-text')
    return w.t('versions.value.edited');
  return w.t('versions.value.change', { before: value(w, before), after: value(w, after) });
}

const step = (w: Words, node: NodeRef) => quote(w, node.title);

function exit(w: Words, from: NodeRef, port: PortRef | undefined): string {
  return port ? w.t('versions.exit', { step: step(w, from), port: port.label }) : step(w, from);
}

function share(w: Words, s: number): string {
  return w.formats.percent(s, 1);
}

function variant(w: Words, v: VariantChange): string {
  const name = (label: string | undefined) => (label?.trim() ? label : v.key);
  if (!v.before && v.after)
    return w.t('versions.variant.added', {
      name: name(v.after.label),
      share: share(w, v.after.share),
    });
  if (v.before && !v.after)
    return w.t('versions.variant.removed', {
      name: name(v.before.label),
      share: share(w, v.before.share),
    });
  if (!v.before || !v.after) return v.key;
  const shares = { before: share(w, v.before.share), after: share(w, v.after.share) };
  if (name(v.before.label) === name(v.after.label))
    return w.t('versions.variant.share', { name: name(v.after.label), ...shares });
  const names = { from: name(v.before.label), to: name(v.after.label) };
  return shares.before === shares.after
    ? w.t('versions.variant.renamed', names)
    : w.t('versions.variant.renamedShare', { ...names, ...shares });
}

function describe(w: Words, change: JourneyChange): string {
  switch (change.type) {
    case 'journey-renamed':
      return w.t('versions.change.journeyRenamed', {
        before: quote(w, change.before),
        after: quote(w, change.after),
      });
    case 'description-changed':
      return w.t('versions.change.description', {
        change: valueChange(w, change.before, change.after),
      });
    case 'setting-changed':
      return w.t('versions.change.setting', {
        field: change.titles.join(' › '),
        change: valueChange(w, change.before, change.after),
      });
    case 'node-added': {
      const values = {
        step: step(w, change.node),
        kind: change.node.kindTitle,
        from: w.list(change.from.map((n) => step(w, n))),
        to: w.list(change.to.map((n) => step(w, n))),
      };
      if (change.from.length && change.to.length)
        return w.t('versions.change.nodeAddedBetween', values);
      if (change.from.length) return w.t('versions.change.nodeAddedAfter', values);
      if (change.to.length) return w.t('versions.change.nodeAddedBefore', values);
      return w.t('versions.change.nodeAdded', values);
    }
    case 'node-removed':
      return w.t('versions.change.nodeRemoved', {
        step: step(w, change.node),
        kind: change.node.kindTitle,
      });
    case 'node-renamed':
      return w.t('versions.change.nodeRenamed', {
        before: quote(w, change.before),
        after: quote(w, change.after),
      });
    case 'node-changed':
      return change.titles.length
        ? w.t('versions.change.nodeChanged', {
            step: step(w, change.node),
            field: change.titles.join(' › '),
            change: valueChange(w, change.before, change.after),
          })
        : w.t('versions.change.nodeEdited', { step: step(w, change.node) });
    case 'variants-changed':
      return w.t('versions.change.variants', {
        step: step(w, change.node),
        variants: change.variants.map((v) => variant(w, v)).join('; '),
      });
    case 'edge-added':
      return w.t('versions.change.edgeAdded', {
        from: exit(w, change.from, change.port),
        to: step(w, change.to),
      });
    case 'edge-removed':
      return w.t('versions.change.edgeRemoved', {
        from: exit(w, change.from, change.port),
        to: step(w, change.to),
      });
    case 'edge-moved':
      return w.t('versions.change.edgeMoved', {
        from: exit(w, change.from, change.port),
        before: step(w, change.before),
        after: step(w, change.after),
      });
    case 'layout-changed':
      return w.t('versions.change.layout', { count: change.steps });
  }
}

/**
 * The changes of `diffJourneys` in the app's language: the sentence, durations, weekdays, shares
 * and quotes are the language's own; names from the journey (steps, subjects, field titles from
 * the inspector) are shown as written.
 */
export function useChangeWords(): (change: JourneyChange) => string {
  const t = useT();
  const formats = useFormats();
  const intl = useIntl();
  return useCallback(
    (change: JourneyChange) =>
      describe(
        {
          t,
          formats,
          list: (items) => intl.formatList(items, { type: 'conjunction' }),
          weekday: (day) =>
            intl.formatDate(MONDAY + (WEEKDAY_INDEX[day] ?? 0) * 86_400_000, {
              weekday: 'short',
              timeZone: 'UTC',
            }),
        },
        change,
      ),
    [t, formats, intl],
  );
}
