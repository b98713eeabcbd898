import { ApiError, type ApiHandlers } from '../api/contract';
import type { ApprovalView } from '../api/versions-contract';
import { readCasesFile } from '../cases/read-cases';
import { runCases } from '../cases/run-cases';
import type { Journey } from '../model/journey';
import { journeySha256 } from '../report/journey-hash';
import type { PackForecast } from '../report/pack-sections';
import { signOffPackHtml } from '../report/sign-off-pack';
import { starterCasesText } from '../templates/starter-cases';
import { PERSONAS } from '../templates/preview-personas';
import { validateJourney } from '../validation/validate';
import { approvalStale, type VersionApproval } from '../versions/approvals';
import { cohortDiff } from '../versions/cohort-diff';
import type {
  AppSettings,
  DatasetStore,
  JourneyLibrary,
  SimulationRunStore,
  VersionHistoryStore,
} from './ports';
import { journeyNotFound, versionNotFound } from './api-errors';
import { savedPolicy } from './policy.handlers';
import { dataFor, forecastAssumptions, refuseSimulation, windowOf } from './simulation-inputs';

type VersionMethod =
  | 'listJourneyVersions'
  | 'setVersionNote'
  | 'approveJourneyVersion'
  | 'getSignOffPack'
  | 'compareVersionsOnCohort';

export interface VersionDeps {
  journeys: JourneyLibrary;
  history: VersionHistoryStore;
  runs: SimulationRunStore;
  datasets: DatasetStore;
  /** Where the library's sending policy is kept. */
  settings: Pick<AppSettings, 'get'>;
  now: () => number;
}

/** Kept simulations looked through for the newest forecast: the list is newest first. */
const RUNS_LOOKED_AT = 20;

const iso = (at: number) => new Date(at).toISOString();

function view(approval: VersionApproval, current: string): ApprovalView {
  return {
    id: approval.id,
    version: approval.version,
    name: approval.name,
    role: approval.role,
    comment: approval.comment,
    approvedAt: iso(approval.approvedAt),
    sha256: approval.sha256,
    stale: approvalStale(approval, current),
  };
}

/** File names from a journey id: ids are already letters, digits and dashes. */
const packName = (id: string, version: number | undefined) =>
  `${id}${version === undefined ? '-draft' : `-v${version}`}-sign-off`;

/** The version history's methods: notes, approvals, the sign-off pack and the cohort diff. */
export function versionHandlers(deps: VersionDeps): Pick<ApiHandlers, VersionMethod> {
  const { journeys, history, runs, now } = deps;

  function saved(journeyId: string): Journey {
    const stored = journeys.get(journeyId);
    if (!stored) throw journeyNotFound(journeyId);
    return stored.journey;
  }

  function frozen(journeyId: string, version: number, field = 'version'): Journey {
    const journey = journeys.version(journeyId, version);
    if (!journey) throw versionNotFound(journeyId, version, field);
    return journey;
  }

  /** The newest kept forecast of the journey, and whether it was made on this very version. */
  async function newestForecast(journeyId: string, sha256: string) {
    for (const summary of runs.list(journeyId).slice(0, RUNS_LOOKED_AT)) {
      if (!summary.params.forecast) continue;
      const run = runs.get(summary.id);
      const forecast = run?.report.forecast;
      if (!run || !forecast) continue;
      const same = (await journeySha256(run.journey)) === sha256;
      const out: PackForecast = {
        forecast,
        assumptions: run.report.assumptions ?? [],
        madeAt: Date.parse(run.createdAt),
        otherVersion: !same,
      };
      return out;
    }
    return undefined;
  }

  function tests(journey: Journey) {
    const text = starterCasesText(journey.id);
    if (text === undefined || !validateJourney(journey).valid) return undefined;
    const read = readCasesFile(text, journey);
    // A starter's cases that no longer fit the journey (a step they name is gone) fail as a whole.
    return read.ok ? runCases(journey, read.cases) : undefined;
  }

  return {
    listJourneyVersions: async ({ journeyId }) => {
      const current = await journeySha256(saved(journeyId));
      const approvals = history.approvals(journeyId);
      const versions = [];
      for (const entry of history.versions(journeyId)) {
        const journey = journeys.version(journeyId, entry.version);
        versions.push({
          version: entry.version,
          publishedAt: iso(entry.publishedAt),
          ...(entry.note !== undefined && { note: entry.note }),
          ...(entry.noteBy !== undefined && { noteBy: entry.noteBy }),
          sha256: journey ? await journeySha256(journey) : '',
          approvals: approvals
            .filter((a) => a.version === entry.version)
            .map((a) => view(a, current)),
        });
      }
      return { versions, currentSha256: current };
    },
    setVersionNote: ({ journeyId, version, note, by }) => {
      saved(journeyId);
      if (!history.setNote(journeyId, version, note, by || undefined))
        throw versionNotFound(journeyId, version);
      return Promise.resolve({ ok: true as const });
    },
    approveJourneyVersion: async ({ journeyId, version, name, role, comment }) => {
      const current = await journeySha256(saved(journeyId));
      const sha256 = await journeySha256(frozen(journeyId, version));
      const approval = history.approve({
        journeyId,
        version,
        name,
        role,
        comment,
        sha256,
        approvedAt: now(),
      });
      return view(approval, current);
    },
    getSignOffPack: async ({ journeyId, version, labels, locale, timeZone }) => {
      const draft = saved(journeyId);
      const journey = version === undefined ? draft : frozen(journeyId, version);
      const [sha256, currentSha256] = await Promise.all([
        journeySha256(journey),
        journeySha256(draft),
      ]);
      const entry = history.versions(journeyId).find((v) => v.version === version);
      // A draft is approved by the approvals of the version it still is, byte for byte.
      const approvals = history
        .approvals(journeyId)
        .filter((a) => (version === undefined ? a.sha256 === sha256 : a.version === version));
      const forecast = await newestForecast(journeyId, sha256);
      const results = tests(journey);
      const html = signOffPackHtml({
        journey,
        sha256,
        currentSha256,
        ...(entry && {
          version: {
            number: entry.version,
            publishedAt: entry.publishedAt,
            ...(entry.noteBy !== undefined && { publishedBy: entry.noteBy }),
            ...(entry.note !== undefined && { note: entry.note }),
          },
        }),
        people: PERSONAS.slice(0, 3).map((p) => ({
          name: p.name,
          note: p.note,
          profile: p.profile,
          event: p.event,
        })),
        madeAt: now(),
        approvals,
        policy: savedPolicy(deps.settings),
        ...(forecast && { forecast }),
        ...(results && { tests: results }),
        ...(labels && { labels }),
        ...(locale && { locale }),
        ...(timeZone && { timeZone }),
      });
      return { html, sha256, fileName: packName(journeyId, version) };
    },
    compareVersionsOnCohort: async ({ journeyId, before, after }) => {
      const newest = runs.list(journeyId)[0];
      if (!newest)
        throw new ApiError(
          'invalid-request',
          'Simulate the journey first: versions are compared on the cohort, window and seed of its newest simulation.',
          'journeyId',
          { reason: 'simulate-first' },
        );
      const { params } = newest;
      const data = dataFor(deps.datasets, params);
      const window = windowOf(params);
      const old = frozen(journeyId, before, 'before');
      const now_ = after === undefined ? saved(journeyId) : frozen(journeyId, after, 'after');
      const runsCount = params.forecast?.runs ?? 1;
      try {
        const diff = cohortDiff({
          before: old,
          after: now_,
          profiles: data.profiles,
          events: data.events,
          ...(window.start !== undefined && { start: window.start }),
          ...(window.end !== undefined && { end: window.end }),
          seed: params.seed,
          runs: runsCount,
          ...(params.forecast && {
            assumptions: (journey: Journey) =>
              forecastAssumptions(journey, data, params.forecast?.defaults ?? true),
          }),
        });
        return await Promise.resolve({
          diff,
          runId: newest.id,
          seed: params.seed,
          runs: runsCount,
        });
      } catch (error) {
        return refuseSimulation(error);
      }
    },
  };
}
