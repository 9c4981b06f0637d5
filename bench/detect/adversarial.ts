/**
 * Worst-case cost of each built-in detector on hostile input: long values made of one short unit
 * repeated (a run of dots, of `|`, of `sk-`, of `<|im_start|>` on one line, ...), the shapes that
 * make a backtracking regex or a per-match look-back re-read the text. Every detector is called
 * directly on every unit, at two sizes, so the figures show both its cost per character and how
 * that cost grows: about 4x time for 4x text is linear; much more is a quadratic path an attacker
 * who controls a tool result could use to stall the proxy (a field is read up to 1,000,000
 * characters).
 *
 *   node --import tsx bench/detect/adversarial.ts [--small 8000] [--large 32000] [--top 25]
 *                                                 [--engine dist|src]
 *
 * Prints the slowest cases and every case whose growth exceeds --max-growth (default 6). Exits 0
 * whatever the figures, 1 only when the detectors cannot be loaded.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { DetectorTriggers, FieldRole, ScanContext, ScanField } from '../../src/detect/index.js';
import { loadDetectModuleOrExit } from './engine-source.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Units that stress quantifiers, look-backs and the detectors' own scanners. */
const UNITS: readonly string[] = [
  ...'a A 1 0 / . - _ : = \' " \\ ` ; | & < > [ ] ( ) { } # * ~ % @ + , ! ?'.split(' '),
  ' ',
  '\n',
  '\t',
  '\n\n',
  ...['a ', 'a.', 'a-', 'a_', 'a/', 'a@', 'a=', '1.', '1-', '1 ', 'ab1', 'Ab1+', 'a*b*', 'a-b-'],
  ...['../', '..\\', '%2e', '%2', '%41', '\\x4', '\\x41', '&#', '&#65;', '&#x41;', '\\u00', '0x', 'ff'],
  ...['](', '![', '![a', '[a](', '<!--', '-->', '<a', '<style>', '```', '**', '__', '|-', '--', '/*'],
  ...['$(', '|sh', '| ', '&&', '||', ';', '&a=', 'a=b ', 'sudo ', 'sudo -a', '-a ', '|sudo -a'],
  ...['curl ', '|curl', 'nc ', 'wget http://', 'bash -i', 'rm -rf ', '/dev/tcp/', '2>&1'],
  ...["' or '", 'or 1=1 ', 'union select ', "'; drop table t;--", 'select * from ', 'where '],
  ...['http://', 'https://a.b/', 'http://a@', '?q=', '&q=', 'file://', 'gopher://', '169.254.169.254 '],
  ...['127.0.0.1 ', '0x7f.', '[::ffff:', 'user:pass@', 'a@b.co ', '<a@b.co>', 'a@b.co,'],
  ...['+1 555 123 4567 ', '(555) 123-4567 ', '4111 1111 1111 1111 ', '123-45-6789 ', 'DE89 3704 '],
  ...['sk-', 'sk-proj-', 'ghp_', 'AKIA', 'xox', 'eyJ', 'eyJhbGciOi.', '-----BEGIN ', 'password=', 'token: '],
  ...['ignore ', 'ignore previous ', 'system: ', '[system]', '<|im_start|>', '<system>', 'you must '],
  ...['DOB ', 'dob: 01/02/1990 ', 'ssn ', 'iban ', 'patient ', 'MRN ', 'passport ', 'pesel '],
  ...['4155550132\n', '4155550132 ', 'K8734521 ', 'D1234567,', 'phone | ', 'name,phone\n', '| a | b |\n'],
  ...['\u200b', '\u202e', '\u{e0041}', 'е', 'ｉ', 'Ⓘ', '1gn0r3 ', 'i g n o r e ', 'rot13 ', 'base64 '],
];

/**
 * Detectors that read a result by the query that asked for it (`triggers.context`) run with a
 * query selecting every column they name, so their query-driven readers are measured too.
 */
const PLAIN_CONTEXT: ScanContext = { tool: 'bench', method: 'tools/call' };
const QUERY_CONTEXT: ScanContext = {
  ...PLAIN_CONTEXT,
  query: 'select name, phone, mobile, passport_no, drivers_license, pesel, cpf, ssn, dob from people',
};

function contextFor(triggers: DetectorTriggers | undefined): ScanContext {
  return triggers?.context === undefined ? PLAIN_CONTEXT : QUERY_CONTEXT;
}

/** Argument detectors read a value by its key: the keys that select their parsers. */
const ARGUMENT_KEYS = ['command', 'path', 'url', 'query', 'text'];

/** Literals a detector's own gate opens on (sampled), bare and with a space or a letter after. */
const OWN_LITERALS = 40;

function ownUnits(triggers: DetectorTriggers | undefined): string[] {
  if (triggers === undefined) return [];
  const all = [...(triggers.literals ?? []), ...(triggers.caseless ?? []), ...(triggers.words ?? [])];
  const step = Math.max(1, Math.ceil(all.length / OWN_LITERALS));
  const sampled = all.filter((_, index) => index % step === 0);
  return sampled
    .flatMap((literal) => [literal, `${literal} `, `${literal}a`])
    .filter((u) => !UNITS.includes(u));
}

interface Case {
  readonly detector: string;
  readonly role: FieldRole;
  readonly key: string;
  readonly unit: string;
  /** Milliseconds, best of two calls. */
  readonly small: number;
  readonly large: number;
}

function repeatedValue(unit: string, length: number): string {
  return `x ${unit.repeat(Math.ceil(length / unit.length))}`.slice(0, length);
}

function timed(run: () => unknown, attempts = 2): number {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const start = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      small: { type: 'string', default: '8000' },
      large: { type: 'string', default: '32000' },
      top: { type: 'string', default: '25' },
      'max-growth': { type: 'string', default: '6' },
      engine: { type: 'string', default: 'dist' },
    },
  });
  const detect = await loadDetectModuleOrExit(ROOT, values.engine);
  const small = Number(values.small);
  const large = Number(values.large);
  const maxGrowth = Number(values['max-growth']);
  const cases: Case[] = [];
  const began = process.hrtime.bigint();
  for (const [id, detector] of detect.builtinDetectors) {
    if (detector.stateful) continue;
    const context = contextFor(detector.triggers);
    for (const role of detector.roles) {
      const keys = role === 'argument' ? ARGUMENT_KEYS : ['text'];
      for (const key of keys) {
        for (const unit of [...UNITS, ...ownUnits(detector.triggers)]) {
          const field = (length: number): ScanField => ({
            path: key,
            key,
            role,
            value: repeatedValue(unit, length),
          });
          const smallField = field(small);
          const largeField = field(large);
          cases.push({
            detector: id,
            role,
            key,
            unit,
            small: timed(() => detector.detect(smallField, context)),
            large: timed(() => detector.detect(largeField, context)),
          });
        }
      }
    }
  }
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  const show = (c: Case, length: number) =>
    `${c.detector.padEnd(42)} ${`${c.role}.${c.key}`.padEnd(22)} ${JSON.stringify(c.unit).padEnd(22)} ` +
    `${((c.large * 1e6) / length).toFixed(0).padStart(7)} ns/char  ${(c.large / Math.max(c.small, 0.01)).toFixed(1).padStart(5)}x`;
  console.log(
    `${cases.length} cases (${detect.builtinDetectors.size} detectors x roles x keys x ${UNITS.length} shared ` +
      `units and up to ${OWN_LITERALS * 3} of each detector's own literals), ` +
      `${small} and ${large} characters, ${seconds.toFixed(1)} s`,
  );
  // One call of a few milliseconds is noisy (a collection, a recompile): the slowest cases and
  // those that grew too fast are measured again, best of three, before they are reported.
  const remeasure = (c: Case, from: number, to: number): Case => {
    const detector = detect.builtinDetectors.get(c.detector)!;
    const context = contextFor(detector.triggers);
    const field = (length: number): ScanField => ({
      path: c.key,
      key: c.key,
      role: c.role,
      value: repeatedValue(c.unit, length),
    });
    const a = field(from);
    const b = field(to);
    return {
      ...c,
      small: timed(() => detector.detect(a, context), 3),
      large: timed(() => detector.detect(b, context), 3),
    };
  };
  const slowest = [...cases]
    .sort((a, b) => b.large - a.large)
    .slice(0, Number(values.top) * 2)
    .map((c) => remeasure(c, small, large))
    .sort((a, b) => b.large - a.large)
    .slice(0, Number(values.top));
  console.log(`\nslowest at ${large} characters (growth = time at ${large} / time at ${small}):`);
  for (const c of slowest) console.log(show(c, large));
  const suspects = cases.filter((c) => c.large > 1 && c.large / Math.max(c.small, 0.01) > maxGrowth);
  const confirmed = suspects
    .map((c) => remeasure(c, large, large * 4))
    .filter((c) => c.large / Math.max(c.small, 0.01) > maxGrowth);
  console.log(
    `\ngrowth above ${maxGrowth}x for ${large / small}x the text: ${suspects.length} cases; measured again at ` +
      `${large} and ${large * 4} characters, still above (likely quadratic; a low ns/char one can be a collection, time it at 1 MB): ${confirmed.length}`,
  );
  for (const c of confirmed.sort((a, b) => b.large - a.large)) console.log(show(c, large * 4));
  const worst = slowest[0];
  if (worst !== undefined) {
    const nsPerChar = (worst.large * 1e6) / large;
    console.log(
      `\nworst case: ${nsPerChar.toFixed(0)} ns/char (${worst.detector} on ${JSON.stringify(worst.unit)}), ` +
        `so a 1,000,000-character field of it costs ~${(nsPerChar / 1e3).toFixed(1)} s if linear`,
    );
  }
}

await main();
