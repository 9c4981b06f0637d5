import type { SqlDriver } from '../sql-driver.js';
import type { Store } from '../store.js';
import { SqlActivityRepository } from './activity-repository.js';
import { SqlAlertRepository } from './alert-repository.js';
import { SqlAlertTriageRepository } from './alert-triage-repository.js';
import { SqlAnalyticsRuleRepository } from './analytics-rule-repository.js';
import { SqlApiKeyRepository } from './api-key-repository.js';
import { SqlApprovalRepository } from './approval-repository.js';
import { SqlAuditRepository } from './audit-repository.js';
import { SqlDataSubjectRepository } from './data-subject-repository.js';
import { SqlEventRepository } from './event-repository.js';
import { SqlFindingRepository } from './finding-repository.js';
import { SqlGatewaySessionRepository } from './gateway-session-repository.js';
import { SqlPostureRepository } from './posture-repository.js';
import { SqlRetentionRunRepository } from './retention-run-repository.js';
import { SqlCustomRuleRepository, SqlRuleSettingRepository } from './rule-repositories.js';
import { SqlSavedQueryRepository } from './saved-query-repository.js';
import { SqlSchedulerLeaseRepository } from './scheduler-lease-repository.js';
import { SqlServerRepository } from './server-repository.js';
import { SqlToolDefinitionRepository } from './tool-definition-repository.js';
import { SqlToolPinRepository } from './tool-pin-repository.js';
import { SqlUpstreamCredentialRepository } from './upstream-credential-repository.js';

type Repositories = Omit<Store, 'backend' | 'rateLimits' | 'hunting' | 'schemaVersion' | 'ping' | 'close'>;

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
    toolDefinitions: new SqlToolDefinitionRepository(driver),
    audit: new SqlAuditRepository(driver),
    alertTriage: new SqlAlertTriageRepository(driver),
    posture: new SqlPostureRepository(driver),
    activity: new SqlActivityRepository(driver),
    dataSubjects: new SqlDataSubjectRepository(driver),
    gatewaySessions: new SqlGatewaySessionRepository(driver),
    upstreamCredentials: new SqlUpstreamCredentialRepository(driver),
    approvals: new SqlApprovalRepository(driver),
    savedQueries: new SqlSavedQueryRepository(driver),
    analyticsRules: new SqlAnalyticsRuleRepository(driver),
    schedulerLeases: new SqlSchedulerLeaseRepository(driver),
    retentionRuns: new SqlRetentionRunRepository(driver),
  };
}
