/** Runs the Sentinel CLI from source (through tsx) so the benchmark measures the current src/, not a stale dist/. */
import { main } from '../../src/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
