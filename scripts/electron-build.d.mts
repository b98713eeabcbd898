export const ELECTRON_OUT: string;
export const RENDERER_OUT: string;
export const APP_SERVICE_SOURCE: string;
export function buildShell(options?: {
  production?: boolean;
  outDir?: string;
  appServiceSource?: string;
}): Promise<string[]>;
export function buildRenderer(): Promise<string>;
