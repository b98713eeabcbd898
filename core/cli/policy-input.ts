import { readFileSync, statSync } from 'node:fs';
import { channelDefinition } from '../channels/registry';
import { describeDuration, requireDuration } from '../model/duration';
import { parseSendingPolicy, POLICY_CHANNELS, type SendingPolicy } from '../policy/sending-policy';
import type { Output } from './output';

/** A policy file is a few lines; anything far larger is not one. */
const MAX_POLICY_FILE_BYTES = 64 * 1024;

/**
 * Reads a sending policy file (`--policy`, DESIGN §8): the policy, or undefined once every
 * problem has been said on `out` as `file  error  code  [where]  why`.
 */
export function readPolicyFile(file: string, out: Output): SendingPolicy | undefined {
  const fail = (code: string, message: string, where = ''): undefined => {
    out.error(`${file}  error  ${code}${where ? `  [${where}]` : ''}  ${message}`);
    return undefined;
  };
  let text: string;
  try {
    if (statSync(file).size > MAX_POLICY_FILE_BYTES)
      return fail('policy-invalid', 'This file is too large to be a sending policy.');
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (error as Error).message;
    return fail('policy-invalid', `Cannot read the file: ${why}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail('policy-invalid', `The file is not JSON: ${(error as Error).message}.`);
  }
  const parsed = parseSendingPolicy(value);
  if (parsed.ok) return parsed.policy;
  for (const problem of parsed.problems) fail(problem.code, problem.message, problem.path);
  return undefined;
}

/** "at most 1 email per 16 hours and 2 SMS per week per person, across all journeys". */
export function describePolicy(policy: SendingPolicy): string {
  const limits = POLICY_CHANNELS.flatMap((channel) => {
    const limit = policy[channel];
    if (!limit) return [];
    const length = describeDuration(requireDuration(limit.per));
    const per = /^1 \w+$/.test(length) ? length.slice(2) : length;
    // "email", "push notification"; an abbreviation as it is, without a plural: "SMS".
    const given = channelDefinition(channel).label;
    const short = given === given.toUpperCase();
    const label = short ? given : given.toLowerCase();
    const plural = limit.max === 1 || short ? label : `${label}s`;
    return [`${limit.max} ${plural} per ${per}`];
  });
  if (limits.length === 0) return 'none: journeys send as their own settings allow';
  const list =
    limits.length === 1 ? limits[0] : `${limits.slice(0, -1).join(', ')} and ${limits.at(-1)}`;
  return `at most ${list} per person, across all journeys`;
}
