// `npm run cli -- <command>`: the journey engine on the command line.
import { pathToFileURL } from 'node:url';
import { bundleNode } from './node-bundle.mjs';

const bundle = await bundleNode('core/cli/bin.ts', 'cli');
await import(pathToFileURL(bundle).href);
