// `npm run cli -- <command>`: the journey engine on the command line.
import { pathToFileURL } from 'node:url';
import { bundleCli } from './node-bundle.mjs';

const bundle = await bundleCli();
await import(pathToFileURL(bundle).href);
