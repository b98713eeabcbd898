// `npm start [-- --port <n> --data <dir> --token <t>]`: the desktop app where Electron can run;
// otherwise it says why and serves the app in the browser instead (the options are for that).
import { startApp } from './start-app.mjs';

const code = await startApp();
if (code !== undefined) process.exitCode = code;
