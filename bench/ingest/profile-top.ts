/**
 * Summarises a V8 .cpuprofile (from `run.ts --profile`): the functions and the files with the most
 * self time. Run: `node --import tsx bench/ingest/profile-top.ts bench/ingest/profiles/sentinel-sqlite.cpuprofile [20]`
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
    readonly columnNumber: number;
  };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [file, topArg] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: profile-top.ts FILE.cpuprofile [N]');
  process.exit(64);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const inclusive = new Map<string, number>();
const shortUrl = (url: string) => url.replace(/^file:\/\/.*?\/(node_modules|src)\//, '$1/') || '(native)';
const label = (node: ProfileNode): string => {
  const { functionName, lineNumber, columnNumber } = node.callFrame;
  const caller = byId.get(parentOf.get(node.id) ?? -1)?.callFrame.functionName;
  const name = functionName || `(anonymous in ${caller || '?'})`;
  return `${name}  ${shortUrl(node.callFrame.url)}:${lineNumber + 1}:${columnNumber + 1}`;
};
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, index) => {
  const micros = profile.timeDeltas[index] ?? 0;
  const node = byId.get(id);
  if (node === undefined) return;
  total += micros;
  const where = shortUrl(node.callFrame.url);
  const name = label(node);
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  // Inclusive time of our own code (src/), each function once per sample; sync stacks only.
  const seen = new Set<string>();
  for (let at: ProfileNode | undefined = node; at; at = byId.get(parentOf.get(at.id) ?? -1)) {
    if (shortUrl(at.callFrame.url).startsWith('src/')) seen.add(label(at));
  }
  for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + micros);
  const module = where.startsWith('node_modules/') ? where.split('/').slice(0, 2).join('/') : where;
  byFile.set(module, (byFile.get(module) ?? 0) + micros);
});

function print(title: string, entries: Map<string, number>): void {
  console.log(`\n${title} (${(total / 1e6).toFixed(1)} s sampled)`);
  for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${name}`);
}
print('Top functions', byFunction);
print('Top src/ functions, inclusive of what they call synchronously', inclusive);
print('Top files / packages', byFile);
