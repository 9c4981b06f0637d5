import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The detection module the benchmark measures: the build that ships, or the sources through tsx. */
export type EngineSource = 'dist' | 'src';
export const ENGINE_SOURCES: readonly EngineSource[] = ['dist', 'src'];

export type DetectModule = typeof import('../../src/detect/index.js');

/**
 * The detection module named by a bench's `--engine` option, or the process exits with the reason:
 * 64 for an unknown engine name, 1 for a build that is missing or older than the sources.
 */
export async function loadDetectModuleOrExit(root: string, engine: string): Promise<DetectModule> {
  if (!(ENGINE_SOURCES as readonly string[]).includes(engine)) {
    console.error(`--engine must be one of ${ENGINE_SOURCES.join(', ')}`);
    process.exit(64);
  }
  try {
    return await loadDetectModule(root, engine as EngineSource);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

/** Newest modification time of any file under `dir`, in ms. */
function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Loads `dist/detect` (what `mcp-sentinel serve` runs; tsx, which runs the sources, keeps
 * function names and pays a call for every closure a hot path creates) or `src/detect`. A missing
 * or older build is an error, not a silent measurement of stale code.
 */
export async function loadDetectModule(root: string, source: EngineSource): Promise<DetectModule> {
  if (source === 'src') return import(pathToFileURL(join(root, 'src/detect/index.ts')).href);
  const entry = join(root, 'dist/detect/index.js');
  if (!existsSync(entry))
    throw new Error('dist/detect is missing: run `npm run build` (or pass --engine src)');
  if (newestIn(join(root, 'src/detect')) > statSync(entry).mtimeMs)
    throw new Error('dist/detect is older than src/detect: run `npm run build` (or pass --engine src)');
  return import(pathToFileURL(entry).href);
}
