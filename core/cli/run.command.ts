import { parseArgs } from 'node:util';
import type { Journey } from '../model/journey';
import { validateJourney } from '../validation/validate';
import { openSession, runSession, SessionError, type SessionDeps } from './engine-session';
import { place, readJourneyFile } from './journey-input';
import type { CommandResult, Output } from './output';
import { usageError } from './output';

export const RUN_USAGE =
  'run <journey.json>... [--db <file>] [--profiles <file>] [--smtp <url>] [--port <n>] [--token <t>]';

/** Reads and checks every journey; prints the problems of those that cannot run. */
function readJourneys(files: string[], out: Output): Journey[] | undefined {
  const journeys: Journey[] = [];
  let failed = false;
  for (const file of files) {
    const input = readJourneyFile(file);
    if (!input.ok) {
      for (const p of input.problems)
        out.error(`${place(file, p)}  error  ${p.code}  ${p.message}`);
      failed = true;
      continue;
    }
    const result = validateJourney(input.journey);
    if (!result.valid) {
      for (const i of result.issues.filter((i) => i.severity === 'error'))
        out.error(
          `${place(file, i.path ? input.locate(i.path) : undefined)}  error  ${i.code}${i.nodeId ? `  [${i.nodeId}]` : ''}  ${i.message}`,
        );
      failed = true;
      continue;
    }
    if (journeys.some((j) => j.id === input.journey.id)) {
      out.error(`${file}: another file given also has the journey id "${input.journey.id}"`);
      failed = true;
      continue;
    }
    journeys.push(input.journey);
  }
  return failed ? undefined : journeys;
}

/**
 * `run`: publishes the journeys into the database (a new version only when one changed),
 * imports the profiles, and executes until stopped, with the event API on 127.0.0.1.
 * Restarting on the same database resumes where it stopped.
 */
export async function runCommand(
  args: string[],
  out: Output,
  deps: SessionDeps = {},
): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      profiles: { type: 'string' },
      smtp: { type: 'string' },
      port: { type: 'string' },
      token: { type: 'string' },
    },
  });
  if (positionals.length === 0) return usageError(out, `run needs a journey file: ${RUN_USAGE}`);
  const journeys = readJourneys(positionals, out);
  if (!journeys) {
    out.error('journey-studio: nothing was started; fix the journeys above first.');
    return { exitCode: 1 };
  }
  if (values.profiles !== undefined)
    return usageError(out, '--profiles is not available in this build yet');
  let session;
  try {
    session = openSession(values, deps, out);
  } catch (error) {
    if (error instanceof SessionError) {
      out.error(`journey-studio: ${error.message}`);
      return { exitCode: error.exitCode };
    }
    throw error;
  }
  const lines: string[] = [];
  try {
    for (const journey of journeys) {
      const published = session.host.publish(journey);
      const how = published.created ? 'published now' : 'unchanged';
      const starting = published.starting ? ', starting existing profiles' : '';
      lines.push(`  Journey    ${journey.id} v${published.version} (${how}${starting})`);
    }
    const others = session.host.live().filter((l) => !journeys.some((j) => j.id === l.journeyId));
    for (const l of others)
      lines.push(`  Journey    ${l.journeyId} v${l.version} (live from before)`);
    await runSession(session, lines, deps, out);
  } catch (error) {
    if (error instanceof SessionError) {
      out.error(`journey-studio: ${error.message}`);
      return { exitCode: error.exitCode };
    }
    throw error;
  }
  return { exitCode: 0 };
}
