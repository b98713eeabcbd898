import { readFileSync, statSync } from 'node:fs';
import { parseSendingPolicy, type SendingPolicy } from '../policy/sending-policy';
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
