import type { Located } from './electron-launch.mjs';

export type Prepared = { ok: true; nativeBinding: string } | { ok: false; reason: string };

export function prepareDesktop(options?: { log?: (message: string) => void }): Promise<Prepared>;
export function runElectron(
  electronPath: string,
  options: { nativeBinding: string; env?: NodeJS.ProcessEnv },
): Promise<number>;
export function startApp(options?: {
  argv?: string[];
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  log?: (message: string) => void;
  warn?: (message: string) => void;
  locate?: () => Promise<Located>;
  prepare?: () => Promise<Prepared>;
  launch?: (
    electronPath: string,
    options: { nativeBinding: string; env: NodeJS.ProcessEnv },
  ) => Promise<number>;
  loadWeb?: () => Promise<{
    startWeb(options: object): Promise<{ url?: string; close?: () => Promise<void> } | undefined>;
  }>;
}): Promise<number | undefined>;
