// The engine process's entry imports the app service through this name; the build resolves it to
// core/adapters/local-app.ts (scripts/electron-build.mjs), so the shell's modules and tests
// depend only on the signature below.
declare module 'virtual:journey-studio/app-service' {
  // An ambient module may not import a relative path; an import type may name one.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  export const createAppService: import('./engine-process').CreateAppService;
}
