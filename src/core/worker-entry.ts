/**
 * Under tsx (tests, benchmarks) a worker's entry is TypeScript. On Node 20 a worker's
 * `--import tsx` does not reach its entry ("Unknown file extension .ts"), so the worker is started
 * from this snippet (with `eval: true`), which loads the entry through tsx's API.
 */
export function typescriptBootstrap(entry: URL): string {
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${tsx}).then((tsx) => tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`;
}
