import { ApiError, type ApiHandlers, type JourneyRecord } from '../api/contract';
import type { Journey } from '../model/journey';
import { emptyJourney, parseJourneyFile, serializeJourney } from '../model/journey-file';
import { findStarter } from '../templates/starters';
import { validateJourney } from '../validation/validate';
import { journeyNotFound } from './api-errors';
import { journeyFromRequest } from './journey-from-request';
import type { EventHub } from './event-hub';
import { RevisionConflictError, type JourneyLibrary, type StoredJourney } from './ports';
import { slugify, uniqueId } from './journey-ids';

export type LibraryHandlers = Pick<
  ApiHandlers,
  | 'listJourneys'
  | 'getJourney'
  | 'createJourney'
  | 'saveJourney'
  | 'renameJourney'
  | 'duplicateJourney'
  | 'deleteJourney'
  | 'importJourney'
  | 'exportJourney'
>;

export interface LibraryContext {
  journeys: JourneyLibrary;
  events: EventHub;
  now: () => number;
  /** Dresses a new journey from a starter in the library's brand kit (its designed emails). */
  dressStarter?: (journey: Journey) => Promise<Journey>;
  /**
   * The version taking entries now, if any. A published version is not live once the journey
   * is stopped or paused, so the list must not read the latest version as the live one.
   */
  liveVersion: (id: string) => number | undefined;
}

function record(stored: StoredJourney, liveVersion: number | undefined): JourneyRecord {
  return {
    journey: stored.journey,
    revision: stored.revision,
    updatedAt: new Date(stored.updatedAt).toISOString(),
    ...(liveVersion !== undefined && { liveVersion }),
  };
}

/** The journey library: list, open, create, save (with revision checks), import and export. */
export function libraryHandlers({
  journeys,
  events,
  now,
  dressStarter,
  liveVersion: liveVersionOf,
}: LibraryContext): LibraryHandlers {
  const find = (id: string): StoredJourney => {
    const stored = journeys.get(id);
    if (!stored) throw journeyNotFound(id, 'id', `There is no journey "${id}" in the library.`);
    return stored;
  };
  const toRecord = (stored: StoredJourney) => record(stored, liveVersionOf(stored.journey.id));
  const newId = (name: string) => uniqueId(slugify(name), (id) => journeys.exists(id));
  const changed = (id: string) => events.emit('journeysChanged', { id });
  // Errors per journey as last listed: checking every journey on every list call is what made
  // the list slow; a revision changes whenever the journey does.
  const errorCounts = new Map<string, { revision: number; errors: number }>();
  const errorsOf = ({ journey, revision }: StoredJourney): number => {
    const known = errorCounts.get(journey.id);
    if (known?.revision === revision) return known.errors;
    const errors = validateJourney(journey).errors;
    errorCounts.set(journey.id, { revision, errors });
    return errors;
  };

  return {
    listJourneys() {
      return Promise.resolve(
        journeys.list().map((stored) => {
          const { journey } = stored;
          const liveVersion = liveVersionOf(journey.id);
          return {
            id: journey.id,
            name: journey.name,
            ...(journey.description !== undefined && { description: journey.description }),
            updatedAt: new Date(stored.updatedAt).toISOString(),
            nodeCount: journey.nodes.length,
            errors: errorsOf(stored),
            ...(liveVersion !== undefined && { liveVersion }),
          };
        }),
      );
    },

    getJourney({ id }) {
      return Promise.resolve(toRecord(find(id)));
    },

    async createJourney({ name, templateId }) {
      let journey: Journey;
      const id = newId(name);
      if (templateId !== undefined) {
        const starter = findStarter(templateId);
        if (!starter) {
          throw new ApiError('not-found', `There is no template "${templateId}".`, 'templateId', {
            reason: 'template-not-found',
            values: { templateId },
          });
        }
        journey = { ...structuredClone(starter.journey), id, name };
        if (dressStarter) journey = await dressStarter(journey);
      } else {
        journey = emptyJourney(id, name);
      }
      const stored = journeys.save(journeyFromRequest(journey), now());
      changed(id);
      return toRecord(stored);
    },

    saveJourney({ journey: document, revision }) {
      const journey = journeyFromRequest(document);
      if (revision !== undefined && !journeys.exists(journey.id)) {
        throw journeyNotFound(
          journey.id,
          'journey.id',
          `Journey "${journey.id}" is no longer in the library (deleted in another window?).`,
        );
      }
      try {
        const stored = journeys.save(journey, now(), revision);
        changed(journey.id);
        return Promise.resolve({
          revision: stored.revision,
          updatedAt: new Date(stored.updatedAt).toISOString(),
        });
      } catch (error) {
        if (error instanceof RevisionConflictError) {
          throw new ApiError(
            'conflict',
            `“${journey.name}” was saved in another window after you opened it (now at revision ${error.current}). Reload it, or save yours over it.`,
            'revision',
            { reason: 'save-conflict', values: { name: journey.name, revision: error.current } },
          );
        }
        throw error;
      }
    },

    renameJourney({ id, name }) {
      const stored = find(id);
      const saved = journeys.save({ ...stored.journey, name }, now());
      changed(id);
      return Promise.resolve(toRecord(saved));
    },

    duplicateJourney({ id, name }) {
      const { journey } = find(id);
      const copyName = name ?? `${journey.name} (copy)`;
      const copyId = newId(copyName);
      const saved = journeys.save(
        { ...structuredClone(journey), id: copyId, name: copyName },
        now(),
      );
      changed(copyId);
      return Promise.resolve(toRecord(saved));
    },

    deleteJourney({ id }) {
      if (!journeys.delete(id)) {
        throw journeyNotFound(id, 'id', `There is no journey "${id}" in the library.`);
      }
      changed(id);
      return Promise.resolve({ deleted: true as const });
    },

    importJourney({ text, replace }) {
      const parsed = parseJourneyFile(text);
      if (!parsed.ok) {
        return Promise.resolve({
          ok: false as const,
          problems: parsed.problems.map((p) => ({
            code: p.code,
            message: p.message,
            values: p.values,
            ...(p.line !== undefined && { line: p.line }),
            ...(p.column !== undefined && { column: p.column }),
            ...(p.nodeId !== undefined && { nodeId: p.nodeId }),
          })),
        });
      }
      const { journey } = parsed;
      if (!replace && journeys.exists(journey.id)) {
        throw new ApiError(
          'conflict',
          `The library already has a journey with the id "${journey.id}". Import it with replace, or change its id.`,
          'text',
          { reason: 'journey-exists', values: { journeyId: journey.id } },
        );
      }
      const stored = journeys.save(journey, now());
      changed(journey.id);
      return Promise.resolve({ ok: true as const, record: toRecord(stored) });
    },

    exportJourney({ id }) {
      const { journey } = find(id);
      return Promise.resolve({ fileName: `${id}.journey.json`, text: serializeJourney(journey) });
    },
  };
}
