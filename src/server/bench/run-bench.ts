/**
 * Runs a benchmark's `main` and sets the exit code it returns (1 when it throws). The code is
 * set, not passed to exit(): a pipe takes the printed table asynchronously, and exit() would
 * cut it off.
 */
export function runBench(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
