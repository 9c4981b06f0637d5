import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Under tsx (tests, benchmarks) a worker's entry is TypeScript. On Node 20 a worker's
 * `--import tsx` does not reach its entry ("Unknown file extension .ts"), so the worker is started
 * from this snippet (with `eval: true`), which loads the entry through tsx's API.
 */
export function typescriptBootstrap(entry: URL): string {
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${tsx}).then((tsx) => tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`;
}

/**
 * The sibling module `name` (no extension) of the module at `from` (its `import.meta.url`): `.ts`
 * when the caller runs from the sources, `.js` when built. The path decides, not the URL's end:
 * a module tsx loaded through its API carries a query after `.ts`.
 */
export function siblingModule(from: string, name: string): URL {
  const extension = new URL(from).pathname.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, from);
}

/** A worker on `entry`, through typescriptBootstrap when it is TypeScript. */
export function startWorker(entry: URL, options: WorkerOptions = {}): Worker {
  return entry.pathname.endsWith('.ts')
    ? new Worker(typescriptBootstrap(entry), { ...options, eval: true })
    : new Worker(entry, options);
}
