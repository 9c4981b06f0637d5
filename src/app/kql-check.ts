import { KqlError } from '../query/index.js';
import type { HuntResult, HuntService } from './hunt-service.js';

/** The slice of the hunt use case that saved queries and analytics rules call. */
export type HuntEngine = Pick<HuntService, 'run' | 'validate'>;
export type HuntOutcome = Pick<HuntResult, 'columns' | 'rows' | 'statistics'>;

export interface HuntTimespan {
  readonly from: string;
  readonly to: string;
}

/**
 * Throws the same positioned error `POST /api/hunt` gives (`kql_invalid`, each error with its line
 * and column) when the query has KQL errors; warnings pass.
 */
export async function requireValidKql(hunt: HuntEngine, query: string): Promise<void> {
  const errors = (await hunt.validate(query)).filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new KqlError('kql_invalid', errors);
}
