import { isRecord } from '../model/json-text';
import { parseEventTime, type JourneyEvent } from '../model/event';
import { TextPool, typeCellPooled } from './cell-value';
import type { ColumnMapping } from './column-mapping';
import { recordProfileId, resolveColumns, usableProfileId, type NeededColumn } from './csv-header';
import { describeJsonValue, isStorableKey, jsonText, pickField } from './json-fields';
import type { CsvHeader, CsvRow, RowConverter, RowSink } from './row-sink';

type EventTarget = 'profile_id' | 'name' | 'time';

/**
 * Without a mapping, each field is read from our own name, else from the Segment spec's
 * (`userId`, `event`, `timestamp`), so Segment exports import as they are.
 */
const CANDIDATES: Readonly<Record<EventTarget, readonly string[]>> = {
  profile_id: ['profile_id', 'userId'],
  name: ['name', 'event'],
  time: ['time', 'timestamp'],
};

/** The optional column of anonymous ids (DESIGN §8), by our name or the Segment spec's. */
const ANONYMOUS_CANDIDATES = ['anonymous_id', 'anonymousId'] as const;

const TIME_FORMATS =
  'use ISO 8601 (2019-10-01T09:30:00Z), "2019-10-01 09:30:00 UTC" or epoch milliseconds';

/**
 * Turns rows into events. Every column other than the ones read for profile_id, name and time
 * is a property under its own name; empty CSV cells are absent properties. In JSON, values keep
 * their types, a nested `properties` object is merged in (winning over a top-level field of the
 * same name, since it is the event's payload), and a text `messageId` becomes the event's
 * messageId, as in the Segment spec.
 */
export class EventRows implements RowConverter {
  /**
   * The last time text read and its value. Exports list events in time order at second
   * resolution, so in a busy file neighbours often share a time text, and parsing it once serves
   * them all.
   */
  /** JSON event names, pooled like CSV ones. */
  private readonly jsonNames = new TextPool();
  private lastTimeText = '';
  private lastTime: number | undefined;

  private readonly seen: Record<EventTarget, boolean> = {
    profile_id: false,
    name: false,
    time: false,
  };

  constructor(
    private readonly mapping: ColumnMapping,
    private readonly sink: RowSink<JourneyEvent>,
  ) {}

  private need(target: EventTarget): NeededColumn {
    const mapped = this.mapping[target];
    return mapped === undefined
      ? { target, candidates: CANDIDATES[target] }
      : { target, mapped, candidates: [mapped] };
  }

  csv(header: CsvHeader): CsvRow {
    const [idSource, nameSource, timeSource] = resolveColumns(header, [
      this.need('profile_id'),
      this.need('name'),
      this.need('time'),
    ]) as [string, string, string];
    const idIndex = header.indexOf(idSource);
    const nameIndex = header.indexOf(nameSource);
    const timeIndex = header.indexOf(timeSource);
    const anonymousSource = this.anonymousColumn((name) => header.indexOf(name) >= 0);
    const anonymousIndex = anonymousSource === undefined ? -1 : header.indexOf(anonymousSource);
    const indexes: number[] = [];
    const keys: string[] = [];
    header.names.forEach((name, index) => {
      if (name === '' || !isStorableKey(name)) return;
      if (index === idIndex || index === nameIndex || index === timeIndex) return;
      if (index === anonymousIndex) return;
      indexes.push(index);
      keys.push(name);
    });
    const width = header.names.length;
    const names = new TextPool();
    const pools = keys.map(() => new TextPool());
    const sink = this.sink;
    return (cells, line, endLine) => {
      const anonymous = anonymousIndex < 0 ? '' : (cells[anonymousIndex] ?? '').trim();
      // A row with only an anonymous id is the anonymous profile's.
      const onlyAnonymous = anonymous !== '' && (cells[idIndex] ?? '').trim() === '';
      const profileId = onlyAnonymous
        ? recordProfileId(cells, width, anonymousIndex, anonymousSource ?? '', line, endLine, sink)
        : recordProfileId(cells, width, idIndex, idSource, line, endLine, sink);
      if (profileId === undefined) return;
      const anonymousId =
        onlyAnonymous || anonymous === '' || anonymous === profileId
          ? undefined
          : usableProfileId(anonymous, anonymousSource ?? '', line, sink);
      if (
        anonymous !== '' &&
        !onlyAnonymous &&
        anonymous !== profileId &&
        anonymousId === undefined
      )
        return;
      const name = names.intern((cells[nameIndex] as string).trim());
      if (name === '') {
        sink.reject(
          line,
          'missing-name',
          `No event name: the "${nameSource}" column is empty.`,
          nameSource,
        );
        return;
      }
      const rawTime = cells[timeIndex] as string;
      const time = this.timeOf(rawTime);
      if (time === undefined) {
        if (rawTime.trim() === '') {
          sink.reject(
            line,
            'missing-time',
            `No event time: the "${timeSource}" column is empty.`,
            timeSource,
          );
        } else {
          sink.reject(
            line,
            'bad-time',
            `"${rawTime}" in "${timeSource}" is not a time we can read; ${TIME_FORMATS}.`,
            timeSource,
            { value: rawTime },
          );
        }
        return;
      }
      const properties: Record<string, unknown> = {};
      for (let k = 0; k < keys.length; k++) {
        const value = cells[indexes[k] as number];
        if (value === undefined || value === '') continue;
        properties[keys[k] as string] = typeCellPooled(value, pools[k] as TextPool);
      }
      sink.accept(
        anonymousId === undefined
          ? { profileId, name, time, properties }
          : { profileId, name, time, properties, anonymousId },
        line,
      );
    };
  }

  /** The column of anonymous ids: the mapped one, else the first candidate present. */
  private anonymousColumn(present: (name: string) => boolean): string | undefined {
    const mapped = this.mapping.anonymous_id;
    if (mapped !== undefined) return mapped;
    return ANONYMOUS_CANDIDATES.find(present);
  }

  private timeOf(text: string): number | undefined {
    if (text !== this.lastTimeText) {
      this.lastTimeText = text;
      this.lastTime = parseEventTime(text);
    }
    return this.lastTime;
  }

  private source(object: Readonly<Record<string, unknown>>, target: EventTarget): string {
    const name = this.mapping[target] ?? pickField(object, CANDIDATES[target]);
    if (object[name] !== undefined) this.seen[target] = true;
    return name;
  }

  json(object: Readonly<Record<string, unknown>>, line: number): void {
    const idSource = this.source(object, 'profile_id');
    const nameSource = this.source(object, 'name');
    const timeSource = this.source(object, 'time');
    const anonymousSource = this.anonymousColumn((name) => object[name] !== undefined);
    const anonymousText =
      anonymousSource === undefined ? undefined : jsonText(object[anonymousSource])?.trim();
    const anonymous = anonymousText === '' ? undefined : anonymousText;
    const known = jsonText(object[idSource]);
    // A call with only an anonymous id is the anonymous profile's (Segment exports have both fields).
    const onlyAnonymous = anonymous !== undefined && (known === undefined || known === '');
    const profileId = onlyAnonymous ? anonymous : known;
    if (profileId === undefined) {
      this.sink.reject(
        line,
        'bad-id',
        `The profile id in "${idSource}" is ${describeJsonValue(object[idSource])}; it must be text or a number.`,
        idSource,
      );
      return;
    }
    if (profileId === '') {
      this.sink.reject(
        line,
        'missing-id',
        `No profile id: "${idSource}" is missing or empty.`,
        idSource,
      );
      return;
    }
    if (usableProfileId(profileId, idSource, line, this.sink) === undefined) return;
    const anonymousId = onlyAnonymous || anonymous === profileId ? undefined : anonymous;
    if (
      anonymousId !== undefined &&
      usableProfileId(anonymousId, anonymousSource ?? '', line, this.sink) === undefined
    )
      return;
    const rawName = jsonText(object[nameSource]);
    const name = rawName === undefined ? undefined : this.jsonNames.intern(rawName);
    if (name === undefined) {
      this.sink.reject(
        line,
        'bad-name',
        `The event name in "${nameSource}" is ${describeJsonValue(object[nameSource])}; it must be text.`,
        nameSource,
      );
      return;
    }
    if (name === '') {
      this.sink.reject(
        line,
        'missing-name',
        `No event name: "${nameSource}" is missing or empty.`,
        nameSource,
      );
      return;
    }
    const rawTime = object[timeSource];
    const time = typeof rawTime === 'string' ? this.timeOf(rawTime) : parseEventTime(rawTime);
    if (time === undefined) {
      if (rawTime === undefined || rawTime === null || rawTime === '') {
        this.sink.reject(
          line,
          'missing-time',
          `No event time: "${timeSource}" is missing or empty.`,
          timeSource,
        );
      } else {
        const shown = typeof rawTime === 'string' ? `"${rawTime}"` : JSON.stringify(rawTime);
        this.sink.reject(
          line,
          'bad-time',
          `${shown} in "${timeSource}" is not a time we can read; ${TIME_FORMATS}.`,
          timeSource,
          { value: typeof rawTime === 'string' ? rawTime : JSON.stringify(rawTime) },
        );
      }
      return;
    }
    const nested = isRecord(object.properties) ? object.properties : undefined;
    const messageId =
      typeof object.messageId === 'string' && object.messageId !== ''
        ? object.messageId
        : undefined;
    const properties: Record<string, unknown> = {};
    for (const key of Object.keys(object)) {
      if (key === idSource || key === nameSource || key === timeSource) continue;
      if (key === anonymousSource) continue;
      if (key === 'properties' && nested) continue;
      if ((key === 'messageId' && messageId !== undefined) || !isStorableKey(key)) continue;
      properties[key] = object[key];
    }
    if (nested) {
      for (const key of Object.keys(nested)) {
        if (isStorableKey(key)) properties[key] = nested[key];
      }
    }
    const event: JourneyEvent =
      messageId === undefined
        ? { profileId, name, time, properties }
        : { profileId, name, time, properties, messageId };
    this.sink.accept(anonymousId === undefined ? event : { ...event, anonymousId }, line);
  }

  fieldsNeverSeen(): NeededColumn[] {
    return (Object.keys(this.seen) as EventTarget[])
      .filter((target) => !this.seen[target])
      .map((target) => this.need(target));
  }
}
