import { prepareWeb } from '../../scripts/web.mjs';

/** Builds the renderer and the server once, before the test files start their own servers. */
export default async function setup(): Promise<void> {
  await prepareWeb({ quiet: true });
}
