import type { SqlDriver } from '../sql-driver.js';
import type { Store } from '../store.js';
import { SqlAlertRepository } from './alert-repository.js';
import { SqlApiKeyRepository } from './api-key-repository.js';
import { SqlAuditRepository } from './audit-repository.js';
import { SqlEventRepository } from './event-repository.js';
import { SqlFindingRepository } from './finding-repository.js';
import { SqlCustomRuleRepository, SqlRuleSettingRepository } from './rule-repositories.js';
import { SqlServerRepository } from './server-repository.js';
import { SqlToolPinRepository } from './tool-pin-repository.js';

type Repositories = Omit<Store, 'backend' | 'rateLimits' | 'schemaVersion' | 'ping' | 'close'>;

/** Every repository over one driver: the dialects share all of them. */
export function createRepositories(driver: SqlDriver): Repositories {
  return {
    apiKeys: new SqlApiKeyRepository(driver),
    servers: new SqlServerRepository(driver),
    events: new SqlEventRepository(driver),
    findings: new SqlFindingRepository(driver),
    alerts: new SqlAlertRepository(driver),
    ruleSettings: new SqlRuleSettingRepository(driver),
    customRules: new SqlCustomRuleRepository(driver),
    toolPins: new SqlToolPinRepository(driver),
    audit: new SqlAuditRepository(driver),
  };
}
