// `npm start`: the desktop app where Electron can run; otherwise, says why.
console.error(
  'Journey Studio: the desktop window is not available yet in this build. Use `npm run cli -- validate <journey.json>` meanwhile.',
);
process.exit(1);
