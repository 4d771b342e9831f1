// Ledgerflow's command line: `npm start` runs `serve`; the other commands serve operators and scripts.
import { runCli } from './cli-commands/run-cli';

void runCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line), env: process.env }).then((code) => {
  // Exit explicitly: a closed Temporal client or database pool may still hold a timer for a moment.
  process.exit(code);
});
