// Findings are domain types owned by core (ARCHITECTURE.md); detect re-exports them for its modules.
export {
  CATEGORIES,
  type Category,
  type Finding,
  RULE_ACTIONS,
  type RuleAction,
  type RuleMappings,
  type ScanResult,
  SEVERITIES,
  type Severity,
  type Verdict,
} from '../core/index.js';
