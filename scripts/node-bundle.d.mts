/** The repository's root folder. */
export const root: string;

/** Bundles a TypeScript entry (a path from the root) for Node into out/node/<name>.mjs. */
export function bundleNode(entry: string, name: string): Promise<string>;

/** Builds the command line and its simulation thread; returns the command line's path. */
export function bundleCli(): Promise<string>;
