import { parseArgs } from 'node:util';
import { fileSource } from '../adapters/import/file-source';
import { ImportError } from '../import/import-problems';
import { importProfiles, type ImportSummary } from '../import/importer';
import { SENDING_POLICY_KEY } from '../policy/sending-policy';
import { SettingsRepository } from '../adapters/sqlite/settings';
import {
  abandonSession,
  openSession,
  runSession,
  SessionError,
  type Session,
  type SessionDeps,
} from './engine-session';
import { readValidJourneys } from './journey-input';
import { describePolicy, readPolicyFile } from './policy-input';
import { describeImport } from './import-report';
import type { CommandResult, Output } from './output';
import { SHEET_OPTION, sheetChoice } from './sheet-option';
import { plural, usageError } from './output';

export const RUN_USAGE =
  'run <journey.json>... [--db <file> | --db postgres://…] [--profiles <file>] [--profile-map <mapping>] [--sheet <name|number>] [--smtp <url>] [--public-url <url>] [--port <n, default 8787>] [--token <t>] [--policy <policy.json>]';

/** Imports the profile file into the session's database; returns a banner line. */
async function importProfileFile(
  session: Session,
  file: string,
  mapping: string | undefined,
  sheet: string | undefined,
  out: Output,
): Promise<string> {
  const writer = session.engine.profileWriter();
  let summary: ImportSummary;
  try {
    summary = await importProfiles(fileSource(file), {
      mapping,
      ...sheetChoice(sheet),
      onRow: (profile) => writer.add(profile),
    });
  } catch (error) {
    writer.close();
    if (error instanceof ImportError) throw new SessionError(`${file}: ${error.message}`, 1);
    throw error;
  }
  writer.close();
  describeImport(file, summary, out);
  // Rows repeating an id update the same profile.
  const profiles = summary.imported - summary.duplicateIds;
  return `  Profiles   ${profiles.toLocaleString('en')} imported from ${file}${summary.rejected ? ` (${plural(summary.rejected, 'row')} left out)` : ''}`;
}

/**
 * `run`: imports the profiles, publishes the journeys into the database (a new version only
 * when one changed), and executes until stopped, with the event API on 127.0.0.1. Restarting
 * on the same database resumes where it stopped.
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
      'profile-map': { type: 'string' },
      ...SHEET_OPTION,
      smtp: { type: 'string' },
      'public-url': { type: 'string' },
      port: { type: 'string' },
      token: { type: 'string' },
      policy: { type: 'string' },
      host: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'behind-proxy': { type: 'boolean' },
    },
  });
  if (positionals.length === 0) return usageError(out, `run needs a journey file: ${RUN_USAGE}`);
  if (values['profile-map'] !== undefined && values.profiles === undefined)
    return usageError(out, '--profile-map needs --profiles');
  if (values.sheet !== undefined && values.profiles === undefined)
    return usageError(out, '--sheet needs --profiles');
  const journeys = readValidJourneys(positionals, out);
  const policy = values.policy === undefined ? undefined : readPolicyFile(values.policy, out);
  if (!journeys || (values.policy !== undefined && !policy)) {
    const what = journeys ? 'the policy file' : 'the journeys';
    out.error(`journey-studio: nothing was started; fix ${what} above first.`);
    return { exitCode: 1 };
  }
  let session: Session | undefined;
  try {
    session = openSession(values, deps, out);
    const lines: string[] = [];
    // The library's sending policy, from now on: the engine reads it at every step.
    if (policy) {
      new SettingsRepository(session.db).set(SENDING_POLICY_KEY, JSON.stringify(policy));
      lines.push(`  Policy     ${describePolicy(policy)}`);
    }
    // Profiles first: a journey published next starts them all.
    if (values.profiles !== undefined)
      lines.push(
        await importProfileFile(session, values.profiles, values['profile-map'], values.sheet, out),
      );
    const started = new Set<string>();
    for (const journey of journeys) {
      const published = session.engine.publish(journey);
      if (published.starting) started.add(journey.id);
      const how = published.created ? 'published now' : 'unchanged';
      const starting = published.starting ? ', starting existing profiles' : '';
      lines.push(`  Journey    ${journey.id} v${published.version} (${how}${starting})`);
    }
    const live = session.engine.live();
    for (const l of live.filter((l) => !journeys.some((j) => j.id === l.journeyId)))
      lines.push(`  Journey    ${l.journeyId} v${l.version} (live from before)`);
    // Imported profiles may now match segments, or have birthdays, of journeys already live.
    if (values.profiles !== undefined)
      session.engine.startJourneys(live.map((l) => l.journeyId).filter((id) => !started.has(id)));
    const running = session;
    session = undefined;
    await runSession(running, lines, deps, out);
  } catch (error) {
    if (session) await abandonSession(session);
    if (error instanceof SessionError) {
      out.error(`journey-studio: ${error.message}`);
      return { exitCode: error.exitCode };
    }
    throw error;
  }
  return { exitCode: 0 };
}
