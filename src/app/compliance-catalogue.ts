/** OWASP Top 10 for LLM Applications (2025). */
export const OWASP_LLM_ITEMS: ReadonlyArray<{ readonly id: string; readonly title: string }> = [
  { id: 'LLM01', title: 'Prompt Injection' },
  { id: 'LLM02', title: 'Sensitive Information Disclosure' },
  { id: 'LLM03', title: 'Supply Chain' },
  { id: 'LLM04', title: 'Data and Model Poisoning' },
  { id: 'LLM05', title: 'Improper Output Handling' },
  { id: 'LLM06', title: 'Excessive Agency' },
  { id: 'LLM07', title: 'System Prompt Leakage' },
  { id: 'LLM08', title: 'Vector and Embedding Weaknesses' },
  { id: 'LLM09', title: 'Misinformation' },
  { id: 'LLM10', title: 'Unbounded Consumption' },
];

/** MITRE ATLAS tactics, in kill-chain order. */
export const ATLAS_TACTICS: ReadonlyArray<{ readonly id: string; readonly name: string }> = [
  { id: 'AML.TA0004', name: 'Initial Access' },
  { id: 'AML.TA0005', name: 'Execution' },
  { id: 'AML.TA0006', name: 'Persistence' },
  { id: 'AML.TA0012', name: 'Privilege Escalation' },
  { id: 'AML.TA0007', name: 'Defense Evasion' },
  { id: 'AML.TA0013', name: 'Credential Access' },
  { id: 'AML.TA0009', name: 'Collection' },
  { id: 'AML.TA0010', name: 'Exfiltration' },
  { id: 'AML.TA0011', name: 'Impact' },
];

/**
 * The ATLAS techniques Sentinel's rules map to, each under its primary tactic (some techniques
 * serve several tactics in ATLAS; each is counted once here so tactic totals add up). A rule may
 * name a technique missing here: it is reported under "Other" with its id as its title.
 */
export const ATLAS_TECHNIQUES: Readonly<Record<string, { readonly title: string; readonly tactic: string }>> =
  {
    'AML.T0010': { title: 'AI Supply Chain Compromise', tactic: 'AML.TA0004' },
    'AML.T0049': { title: 'Exploit Public-Facing Application', tactic: 'AML.TA0004' },
    'AML.T0050': { title: 'Command and Scripting Interpreter', tactic: 'AML.TA0005' },
    'AML.T0051': { title: 'LLM Prompt Injection', tactic: 'AML.TA0005' },
    'AML.T0051.000': { title: 'LLM Prompt Injection: Direct', tactic: 'AML.TA0005' },
    'AML.T0051.001': { title: 'LLM Prompt Injection: Indirect', tactic: 'AML.TA0005' },
    'AML.T0053': { title: 'AI Agent Tool Invocation', tactic: 'AML.TA0005' },
    'AML.T0110': { title: 'AI Agent Tool Poisoning', tactic: 'AML.TA0006' },
    'AML.T0110.000': { title: 'AI Agent Tool Poisoning: Definition and Instructions', tactic: 'AML.TA0006' },
    'AML.T0054': { title: 'LLM Jailbreak', tactic: 'AML.TA0012' },
    'AML.T0068': { title: 'LLM Prompt Obfuscation', tactic: 'AML.TA0007' },
    'AML.T0055': { title: 'Unsecured Credentials', tactic: 'AML.TA0013' },
    'AML.T0083': { title: 'Credentials from AI Agent Configuration', tactic: 'AML.TA0013' },
    'AML.T0098': { title: 'AI Agent Tool Credential Harvesting', tactic: 'AML.TA0013' },
    'AML.T0037': { title: 'Data from Local System', tactic: 'AML.TA0009' },
    'AML.T0025': { title: 'Exfiltration via Cyber Means', tactic: 'AML.TA0010' },
    'AML.T0056': { title: 'Extract LLM System Prompt', tactic: 'AML.TA0010' },
    'AML.T0057': { title: 'LLM Data Leakage', tactic: 'AML.TA0010' },
    'AML.T0077': { title: 'LLM Response Rendering', tactic: 'AML.TA0010' },
    'AML.T0086': { title: 'Exfiltration via AI Agent Tool Invocation', tactic: 'AML.TA0010' },
    'AML.T0029': { title: 'Denial of AI Service', tactic: 'AML.TA0011' },
    'AML.T0101': { title: 'Data Destruction via AI Agent Tool Invocation', tactic: 'AML.TA0011' },
  };
