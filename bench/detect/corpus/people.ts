import type { Rng } from './rng.js';

/** Made-up people, companies and agents shared by the attack and benign generators. */

export const FIRST_NAMES: readonly string[] = (
  'Alice Bob Carlos Dana Elif Farah Gustav Hiro Ines Jamal Kenji Lena Mateo Nadia Omar Priya Quentin Rosa ' +
  'Sven Tomoko Uma Viktor Wei Ximena Yusuf Zoe Aoife Bjorn Chidi Delphine Emeka Freya Giulia Hamza Ingrid'
).split(' ');

export const LAST_NAMES: readonly string[] = (
  'Anders Brennan Castillo Dubois Eriksen Fischer Garcia Haddad Ivanova Jensen Kowalski Lindqvist Moreau ' +
  'Nakamura Okafor Petrov Quinn Rossi Schmidt Tanaka Ueda Varga Walsh Xu Yilmaz Zhang Oduya Marchetti Novak Ferreira'
).split(' ');

export const COMPANY_DOMAINS: readonly string[] =
  'acme.dev northwind.io contoso.com globex.net initech.co umbrella-labs.org'.split(' ');

export const AGENTS: readonly string[] = (
  'claude-sonnet-4-5 claude-opus-4-1 gpt-4.1 gpt-5 gemini-2.5-pro cursor-agent copilot-agent codex-cli ' +
  'llama-3.3-70b mistral-large-2'
).split(' ');

export const CLIENTS: readonly (string | { name: string; version: string })[] = [
  'claude-desktop/0.12.4',
  'claude-code/2.0.14',
  { name: 'cursor-vscode', version: '1.4.2' },
  { name: 'vscode-copilot', version: '1.104.0' },
  'windsurf/1.12.3',
  { name: 'mcp-inspector', version: '0.16.5' },
  'zed/0.201.4',
];

export interface Person {
  readonly first: string;
  readonly last: string;
  readonly email: string;
}

/** A random person with a work email. */
export function person(rng: Rng, domain?: string): Person {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const host = domain ?? rng.pick(COMPANY_DOMAINS);
  const local = rng.pick([`${first}.${last}`, `${first[0]}${last}`, first, `${first}_${last}`]);
  return { first, last, email: `${local.toLowerCase()}@${host}` };
}

/** What producers put in `user`: usually an email, sometimes an id or a login. */
export function userIdentity(rng: Rng): string {
  const someone = person(rng);
  return rng.pick([
    someone.email,
    someone.email,
    `u-${rng.int(1000, 99999)}`,
    `${someone.first.toLowerCase()}${rng.int(1, 99)}`,
    `svc-ci-runner`,
  ]);
}
