import type { Application } from '../app/index.js';
import type { Principal } from '../core/index.js';

/**
 * Use cases that other parts of Sentinel add to the application (alert triage, posture,
 * compliance, activity, data subjects, hunting, saved queries), typed by their published
 * contracts. A tool that needs one is listed only when the running application has it, so this
 * surface works with whichever of them a build includes.
 */
export interface TriagePort {
  transition(principal: Principal, alertId: string, input: unknown): Promise<unknown>;
  assign(principal: Principal, alertId: string, assignee: string | null): Promise<unknown>;
  comment(principal: Principal, alertId: string, text: string): Promise<unknown>;
  history(...args: unknown[]): Promise<unknown>;
  bulk(principal: Principal, alertIds: readonly string[], input: unknown): Promise<unknown>;
}

export interface PosturePort {
  summary(options: { days?: number }): Promise<unknown>;
}

export interface CompliancePort {
  report(options: { framework?: 'owasp-llm' | 'mitre-atlas' }): Promise<unknown>;
}

export interface ActivityPort {
  user(user: string, options: { days?: number }): Promise<unknown>;
  server(serverId: string): Promise<unknown>;
  accessGraph(options: { days?: number }): Promise<unknown>;
  toolInventory(serverId?: string): Promise<unknown>;
  eventStatistics(options: {
    from?: string;
    to?: string;
    bucket: 'hour' | 'day';
    serverId?: string;
  }): Promise<unknown>;
  alertTrends(options: { days: number; by: 'severity' | 'status' | 'rule' | 'server' }): Promise<unknown>;
}

export interface DataSubjectPort {
  find(subject: string, page: { limit: number; cursor?: string }): Promise<unknown>;
  purge(
    principal: Principal,
    scope: { from?: string; to?: string; serverId?: string; subject?: string },
    confirm: string,
  ): Promise<unknown>;
}

export interface HuntPort {
  run(principal: Principal, input: { query: string; timespan?: unknown }): Promise<unknown>;
  validate(query: string): Promise<unknown>;
  schema(): unknown;
}

export interface SavedQueryView {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly query: string;
}

export interface SavedQueriesPort {
  list(principal: Principal): Promise<readonly SavedQueryView[]>;
  get(principal: Principal, id: string): Promise<SavedQueryView>;
}

export interface ToolPinsPort {
  list(principal: Principal, serverId: string): Promise<unknown>;
  approve(principal: Principal, serverId: string, tool: string): Promise<unknown>;
}

export interface ApprovalsPort {
  list(principal: Principal, query: unknown): Promise<unknown>;
  decide(principal: Principal, id: string, input: unknown): Promise<unknown>;
}

interface Ports {
  readonly triage: TriagePort;
  readonly posture: PosturePort;
  readonly compliance: CompliancePort;
  readonly activity: ActivityPort;
  readonly dataSubject: DataSubjectPort;
  readonly hunt: HuntPort;
  readonly savedQueries: SavedQueriesPort;
  readonly toolPins: ToolPinsPort;
  readonly approvals: ApprovalsPort;
}

export type PortName = keyof Ports;

/** The use case `name`, or undefined when this application does not include it. */
export function port<K extends PortName>(app: Application, name: K): Ports[K] | undefined {
  const value = (app as unknown as Partial<Ports>)[name];
  return value === undefined || value === null ? undefined : value;
}

/** The use case `name`; tools call this only when their `available` check passed. */
export function requirePort<K extends PortName>(app: Application, name: K): Ports[K] {
  const value = port(app, name);
  if (value === undefined) throw new Error(`this Sentinel build has no ${name} use case`);
  return value;
}

/** An `available` check for tools that need the use cases `names`. */
export const needs =
  (...names: PortName[]) =>
  (app: Application): boolean =>
    names.every((name) => port(app, name) !== undefined);

/** Results of other parts' use cases as plain JSON (dates become ISO strings, no class instances). */
export function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
