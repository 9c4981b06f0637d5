/**
 * Writes the labelled detection corpus to test/fixtures/corpus/*.jsonl: the generated lines, then
 * the hand-written red-team lines of `red-team/<file>.jsonl`.
 * Run: node --import tsx bench/detect/corpus/generate.ts
 * Output is deterministic (seeded), so regenerating without code changes gives identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collaborationTraffic } from './benign/collaboration.js';
import { databaseTraffic } from './benign/database.js';
import { filesystemTraffic } from './benign/filesystem.js';
import { gitTraffic } from './benign/git-github.js';
import { promptAndTextTraffic } from './benign/prompts-and-text.js';
import { protocolTraffic } from './benign/protocol.js';
import { shellTraffic } from './benign/shell.js';
import { webTraffic } from './benign/web.js';
import { CARRIERS } from './carriers.js';
import { commandInjectionAttacks } from './categories/command-injection.js';
import { exfiltrationAttacks } from './categories/exfiltration.js';
import { pathTraversalAttacks } from './categories/path-traversal.js';
import { piiAttacks } from './categories/pii.js';
import { promptInjectionAttacks } from './categories/prompt-injection.js';
import { secretsAttacks } from './categories/secrets.js';
import { sqlInjectionAttacks } from './categories/sql-injection.js';
import { ssrfAttacks } from './categories/ssrf.js';
import { toolPoisoningAttacks } from './categories/tool-poisoning.js';
import { type CorpusCategory, type CorpusLine, type Draft, toLines } from './corpus-line.js';
import { commandInjectionNearMisses } from './near-misses/command-injection.js';
import { exfiltrationNearMisses } from './near-misses/exfiltration.js';
import { pathTraversalNearMisses } from './near-misses/path-traversal.js';
import { piiNearMisses } from './near-misses/pii.js';
import { promptInjectionNearMisses } from './near-misses/prompt-injection.js';
import { secretsNearMisses } from './near-misses/secrets.js';
import { sqlInjectionNearMisses } from './near-misses/sql-injection.js';
import { ssrfNearMisses } from './near-misses/ssrf.js';
import { toolPoisoningNearMisses } from './near-misses/tool-poisoning.js';
import { RESPONSE_SHAPES, shapeResponse } from './placement.js';
import { readRedTeamLines } from './red-team-lines.js';
import { createRng, type Rng } from './rng.js';

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/corpus');
const MAX_FILE_BYTES = 1_000_000;

const ATTACKS: Record<CorpusCategory, { prefix: string; make: (rng: Rng) => Draft[] }> = {
  prompt_injection: { prefix: 'pi', make: promptInjectionAttacks },
  tool_poisoning: { prefix: 'tp', make: toolPoisoningAttacks },
  secrets: { prefix: 'sec', make: secretsAttacks },
  pii: { prefix: 'pii', make: piiAttacks },
  path_traversal: { prefix: 'path', make: pathTraversalAttacks },
  sql_injection: { prefix: 'sqli', make: sqlInjectionAttacks },
  command_injection: { prefix: 'cmdi', make: commandInjectionAttacks },
  ssrf: { prefix: 'ssrf', make: ssrfAttacks },
  exfiltration: { prefix: 'exfil', make: exfiltrationAttacks },
};

/** Each source gets its own seed so that editing one does not reshuffle the others. */
const BENIGN_SOURCES: readonly [string, (rng: Rng) => Draft[]][] = [
  ['filesystem', filesystemTraffic],
  ['git', gitTraffic],
  ['database', databaseTraffic],
  ['shell', shellTraffic],
  ['web', webTraffic],
  ['collaboration', collaborationTraffic],
  ['prompts', promptAndTextTraffic],
  ['protocol', protocolTraffic],
  ['carriers', carrierTraffic],
  ['near:prompt_injection', promptInjectionNearMisses],
  ['near:tool_poisoning', toolPoisoningNearMisses],
  ['near:secrets', secretsNearMisses],
  ['near:pii', piiNearMisses],
  ['near:path_traversal', pathTraversalNearMisses],
  ['near:sql_injection', sqlInjectionNearMisses],
  ['near:command_injection', commandInjectionNearMisses],
  ['near:ssrf', ssrfNearMisses],
  ['near:exfiltration', exfiltrationNearMisses],
];

/** The carriers attacks hide in, untouched: the same context without a payload is benign. */
function carrierTraffic(rng: Rng): Draft[] {
  return CARRIERS.map((carrier) => ({
    note: `ordinary ${carrier.kind}`,
    event: {
      tool: carrier.tool,
      method: carrier.method ?? 'tools/call',
      arguments: carrier.args,
      response: shapeResponse(carrier.text, rng.pick(RESPONSE_SHAPES)),
    },
  }));
}

function writeJsonl(name: string, lines: readonly CorpusLine[]): void {
  const text = lines.map((line) => JSON.stringify(line)).join('\n') + '\n';
  const bytes = Buffer.byteLength(text);
  if (bytes >= MAX_FILE_BYTES) throw new Error(`${name} is ${bytes} bytes, over the ${MAX_FILE_BYTES} limit`);
  writeFileSync(join(OUT_DIR, name), text);
  console.log(
    `${name.padEnd(24)} ${String(lines.length).padStart(4)} lines ${String(Math.round(bytes / 1024)).padStart(5)} KiB`,
  );
}

function main(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [category, { prefix, make }] of Object.entries(ATTACKS) as [
    CorpusCategory,
    (typeof ATTACKS)[CorpusCategory],
  ][]) {
    const drafts = make(createRng(`attack:${category}`));
    const generated = toLines(createRng(`envelope:${category}`), drafts, 'attack', category, prefix);
    writeJsonl(`${category}.jsonl`, [...generated, ...readRedTeamLines(category, generated)]);
  }
  const benign = BENIGN_SOURCES.flatMap(([seed, make]) => make(createRng(`benign:${seed}`)));
  const generated = toLines(createRng('envelope:benign'), benign, 'benign', null, 'benign');
  writeJsonl('benign.jsonl', [...generated, ...readRedTeamLines(null, generated)]);
}

main();
