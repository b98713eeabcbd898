export type Located = { ok: true; path: string } | { ok: false; reason: string };

export function electronPackageDir(): string;
export function electronVersion(electronDir?: string): string;
export function electronBinaryPath(
  electronDir?: string,
  env?: NodeJS.ProcessEnv,
): string | undefined;
export function downloadElectron(options?: {
  electronDir?: string;
  timeoutMs?: number;
}): Promise<{ ok: true } | { ok: false; reason: string }>;
export function locateElectron(options?: {
  electronDir?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  download?: typeof downloadElectron;
  log?: (message: string) => void;
}): Promise<Located>;
export function displayProblem(
  platform?: NodeJS.Platform,
  env?: NodeJS.ProcessEnv,
): string | undefined;
