import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatCasesProblem } from '../cases/case-report';
import { readCasesFile } from '../cases/read-cases';
import { runCases, type CaseResult } from '../cases/run-cases';
import { ImportError } from '../import/import-problems';
import type { Journey } from '../model/journey';
import { journeySha256 } from '../report/journey-hash';
import type { ProofPerson } from '../report/message-proofs';
import { signOffPackHtml } from '../report/sign-off-pack';
import { JourneyNotRunnableError } from '../runtime/compiled-journey';
import { SimulationInputError, simulate } from '../simulator/simulate';
import { PERSONAS } from '../templates/preview-personas';
import { validateJourney } from '../validation/validate';
import { COHORT_OPTIONS, cohortSettings, readCohort, type Cohort } from './cohort-input';
import { place, readJourneyFile } from './journey-input';
import { readPolicyFile } from './policy-input';
import { usageError, type CommandResult, type Output } from './output';
import { defaultCasesFile, readText } from './test.command';

export const REPORT_USAGE =
  'report <journey.json> [--out <file.html>] [--cases <cases.json>] [--policy <policy.json>] [--profiles <file>] [--events <file>] [--sheet <name|number>]\n' +
  '           [--start <time>] [--end <time>] [--seed <n>] [--runs <n>]   # the sign-off pack as one HTML page';

/** Runs a pack's forecast makes by default: enough for a steady P10–P90. */
const PACK_RUNS = 100;

/** `welcome.json` → `welcome.sign-off.html`, beside it. */
export function defaultPackFile(journeyFile: string): string {
  const name = basename(journeyFile).replace(/\.json$/, '');
  return join(dirname(journeyFile), `${name}.sign-off.html`);
}

/** The 2–3 people the proofs are for: the first profiles given, else the preview's sample people. */
function proofPeople(cohort: Cohort): ProofPerson[] {
  if (cohort.profiles.length === 0)
    return PERSONAS.slice(0, 3).map((p) => ({
      name: p.name,
      note: p.note,
      profile: p.profile,
      event: p.event,
    }));
  return cohort.profiles.slice(0, 3).map((p) => {
    const first = cohort.events.find((e) => e.profileId === p.id);
    const name = [p.attributes.first_name, p.attributes.last_name]
      .filter((s) => typeof s === 'string' && s)
      .join(' ');
    return { name: name || p.id, profile: p.attributes, event: first?.properties ?? {} };
  });
}

function forecastOf(journey: Journey, cohort: Cohort, out: Output) {
  if (cohort.profiles.length === 0 && cohort.events.length === 0) return undefined;
  try {
    const assumptions = cohort.assumptions(journey);
    const { report } = simulate({
      journey,
      profiles: cohort.profiles,
      events: cohort.events,
      ...(cohort.start !== undefined && { start: cohort.start }),
      ...(cohort.end !== undefined && { end: cohort.end }),
      seed: cohort.seed,
      runs: cohort.runs,
      assumptions,
    });
    return report.forecast && { forecast: report.forecast, assumptions: report.assumptions ?? [] };
  } catch (error) {
    if (error instanceof JourneyNotRunnableError || error instanceof SimulationInputError) {
      out.error(`journey-studio: no forecast in the pack: ${error.message}`);
      return undefined;
    }
    throw error;
  }
}

function testResults(
  journeyFile: string,
  journey: Journey,
  given: string | undefined,
  out: Output,
): CaseResult[] | undefined | Error {
  const file = given ?? defaultCasesFile(journeyFile);
  const text = readText(file);
  if (!text.ok) {
    if (given === undefined) return undefined;
    return new Error(`${file}  error  cases-unreadable  Cannot read the cases file: ${text.why}.`);
  }
  const read = readCasesFile(text.text, journey);
  if (!read.ok) {
    for (const problem of read.problems) out.error(formatCasesProblem(file, problem));
    return new Error(`${file}: the cases file has problems; fix them to include the test results`);
  }
  return validateJourney(journey).valid ? runCases(journey, read.cases) : undefined;
}

/**
 * `report`: the sign-off pack of a journey file as one HTML page (print it to PDF from a
 * browser): the canvas, every step, the checks, message proofs, the forecast over the sample
 * data given, the test results and the SHA-256 of the file's journey. Exit 0 when written.
 */
export async function reportCommand(args: string[], out: Output): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...COHORT_OPTIONS,
      out: { type: 'string' },
      cases: { type: 'string' },
      policy: { type: 'string' },
    },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length)
    return usageError(out, `report takes one journey file: ${REPORT_USAGE}`);
  const settings = cohortSettings(values, PACK_RUNS);
  if (!settings.ok) return usageError(out, settings.message);
  const policy = values.policy === undefined ? undefined : readPolicyFile(values.policy, out);
  if (values.policy !== undefined && !policy) return { exitCode: 1 };
  const input = readJourneyFile(file);
  if (!input.ok) {
    for (const p of input.problems) out.error(`${place(file, p)}  error  ${p.code}  ${p.message}`);
    return { exitCode: 1 };
  }
  const { journey } = input;
  let cohort: Cohort;
  try {
    cohort = await readCohort(values, settings, [journey], out);
  } catch (error) {
    if (error instanceof ImportError) {
      out.error(`journey-studio: ${error.message}`);
      return { exitCode: 1 };
    }
    throw error;
  }
  const tests = testResults(file, journey, values.cases, out);
  if (tests instanceof Error) {
    out.error(tests.message);
    return { exitCode: 1 };
  }
  const sha256 = await journeySha256(journey);
  const forecast = forecastOf(journey, cohort, out);
  const html = signOffPackHtml({
    journey,
    sha256,
    people: proofPeople(cohort),
    madeAt: Date.now(),
    ...(forecast && { forecast }),
    ...(policy && { policy }),
    ...(tests && { tests }),
  });
  const target = values.out ?? defaultPackFile(file);
  writeFileSync(target, html);
  out.print(`Sign-off pack written to ${target}`);
  out.print(`SHA-256 of the journey: ${sha256}`);
  return { exitCode: 0 };
}
