/**
 * Words and paths naming data an attacker wants out of an agent. Secret nouns owned by the reader
 * ("your API key") are left out: API docs say that to the user all the time, while an injection
 * asks for someone else's ("the user's password", "all API keys").
 */

const HOME = String.raw`(?:(?:~|\$HOME|%USERPROFILE%|\/home\/[\w.-]+|\/Users\/[\w.-]+|\/root)[\/\\])?`;
const DOT_FILES = String.raw`\.ssh\/(?:id_[a-z0-9_]+|authorized_keys)\b|\.ssh(?=$|[\s'"\x60)|;,])|\.config\/gh\/hosts\.ya?ml|\.azure\/[\w.-]+|\.vault-token\b|\.terraformrc\b|\.cursor\/mcp\.json|\.aws\/credentials\b|\.docker\/config\.json|\.kube\/config\b|\.config\/gcloud\b|\.(?:npmrc|pypirc|netrc|git-credentials|pgpass|bash_history|zsh_history|gnupg)\b|\.env(?:\.[a-z]+)?\b`;

/** Files whose contents are credentials or agent configuration, with the home prefix when present. */
export const SENSITIVE_PATH = new RegExp(
  String.raw`(?<![\w.])${HOME}(?:${DOT_FILES})|\bid_(?:rsa|dsa|ecdsa|ed25519)\b|(?<![\w-])mcp\.json\b|claude_desktop_config\.json|\/etc\/(?:passwd|shadow|sudoers)\b|\bwallet\.dat\b|(?<![\w-])(?:credentials|secrets?)\.(?:json|ya?ml|toml)\b`,
  'i',
);

/** Global twin of SENSITIVE_PATH for finding every path. */
export const SENSITIVE_PATH_ALL = new RegExp(SENSITIVE_PATH.source, 'gi');

/** Conversation and secret nouns, case-insensitive. */
export const SENSITIVE_DATA =
  /\b(?:(?:entire|full|whole|previous|prior|this)\s+(?:conversation|chat|context)|conversation\s+(?:history|so\s+far|log|summary|contents?)|chat\s+(?:history|log|transcript)|message\s+history|previous\s+messages|system\s+prompt|(?<!\byour\s(?:\w+\s)?)(?:api[\s_-]?keys|(?:secret|private|ssh)\s+keys|secrets|passwords|credentials|(?:auth|access|session|bearer)\s+tokens|cookies)|(?:the\s+user'?s|user'?s|their|stored|saved)\s+(?:\w+\s+)?(?:[a-z0-9]+_)*(?:api[\s_-]?key|password|token|secret|(?:private|ssh)\s+key|credentials?)|(?:(?:every|all|each)\s+(?:of\s+the\s+)?)?env(?:ironment)?\s+var(?:iable)?s|(?:every|each)\s+env(?:ironment)?\s+var(?:iable)?|(?:database|db)\s+(?:connection\s+strings?|passwords?|credentials|urls?)|connection\s+strings?|credit\s+card\s+numbers?|social\s+security\s+numbers?)\b/i;

/** Bulk grabs ("all the files", "every email", "everything"). */
export const BULK_DATA =
  /\b(?:all|every|each)\s+(?:of\s+)?(?:the\s+|their\s+|his\s+|her\s+)?(?:user'?s?\s+)?(?:data|files?|emails?|messages?|documents?|information|contacts|records|notes|results?|contents?|chats?|conversations?|threads?)\b|\b(?:last|latest|recent|previous)\s+\d+\s+(?:messages|emails|chats|conversations|files|documents)\b|\beverything\s+(?:above|you\s+(?:know|have|see|found))\b/i;

/** True when the text names sensitive data, a sensitive file, or a bulk grab. */
export function mentionsSensitiveData(text: string): boolean {
  return SENSITIVE_DATA.test(text) || SENSITIVE_PATH.test(text) || BULK_DATA.test(text);
}
