/**
 * Commands an operator runs after thinking twice and an agent should not run unasked: deleting
 * every object of a cluster or a namespace, destroying Terraform-managed infrastructure without
 * the plan prompt, rewriting a shared branch's history, emptying a bucket, deleting a cloud
 * project or resource group. `kubectl delete pod web-1`, `terraform plan` or `git push origin
 * feature` stay ordinary: only the sweeping, unprompted forms count.
 */

import type { ShellHit } from './shell-destructive.js';

/** Each pattern with lowercase words one of which every match holds (checked before the regex). */
const PATTERNS: readonly (readonly [RegExp, readonly string[], string])[] = [
  [
    /\bkubectl\b[^\n;&|]{0,120}?\bdelete\b(?=[^\n;&|]{0,200}?(?:\s--all\b|\s(?:namespaces?|ns)\s+\S))[^\n;&|]{0,200}/i,
    ['kubectl'],
    'every object of a cluster or namespace deleted',
  ],
  [
    /\bterraform\b[^\n;&|]{0,80}?\b(?:destroy\b[^\n;&|]{0,120}?-auto-approve\b|apply\b(?=[^\n;&|]{0,120}?\s-destroy\b)[^\n;&|]{0,120}?-auto-approve\b)/i,
    ['terraform'],
    'infrastructure destroyed without the plan prompt',
  ],
  [
    /\bgit\s+push\b(?=[^\n;&|]{0,160}?(?:\s--force(?:-with-lease)?\b|\s-f\b|\s\+(?:main|master)\b))(?=[^\n;&|]{0,160}?[\s:+/](?:main|master)\b)[^\n;&|]{0,160}/i,
    ['push'],
    'history of the main branch rewritten',
  ],
  [
    /\baws\s+s3\s+(?:rm\b[^\n;&|]{0,200}?\s--recursive\b|rb\b[^\n;&|]{0,200}?\s--force\b)|\bgsutil\b[^\n;&|]{0,40}?\s(?:rm\s+-r|rm\s+-[a-z]*r[a-z]*|rb\s+-f)\b/i,
    ['s3', 'gsutil'],
    'bucket emptied or removed',
  ],
  [
    /\bgcloud\s+projects\s+delete\b|\baz\s+group\s+delete\b|\baws\s+cloudformation\s+delete-stack\b/i,
    ['gcloud', 'az', 'cloudformation'],
    'cloud project, resource group or stack deleted',
  ],
  [
    /\b(?:ls|find)\s+(?:~|\$HOME|\/)\S*[^\n;&|]{0,80}?\|\s*xargs\s+(?:-\S+\s+)*rm\s+-[a-z]*r/i,
    ['xargs'],
    'listing of the home or root directory fed to rm -r',
  ],
];

/** Every irreversible change in a shell command. */
export function findIrreversible(text: string): ShellHit[] {
  const lower = text.toLowerCase();
  const hits: ShellHit[] = [];
  for (const [pattern, hints, detail] of PATTERNS) {
    if (!hints.some((hint) => lower.includes(hint))) continue;
    const m = pattern.exec(text);
    if (m) hits.push({ start: m.index, end: m.index + m[0].trimEnd().length, detail });
  }
  return hits;
}

/** Literals one of which every text with a match holds (the engine's prefilter; caseless). */
export const IRREVERSIBLE_HINTS: readonly string[] = [...new Set(PATTERNS.flatMap(([, hints]) => hints))];
