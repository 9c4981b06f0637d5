import { type PhraseSet, phraseSet, words } from './find-phrases.js';

/**
 * Phrases that try to keep the user from seeing what the agent does. UX wording such as "don't
 * show the user a stack trace" or "without notifying the user" is common in code and docs, so
 * only telling/informing/revealing verbs count.
 */
export const CONCEALMENT_PHRASES: PhraseSet = phraseSet([
  {
    pattern:
      /\b(?:do\s+not|don'?t|never|must\s+not|should\s+not|shouldn'?t)\s+(?:ever\s+)?(?:tell|inform|(?:mention|reveal|disclose)\s+(?:this\s+|it\s+|that\s+|anything\s+)?to)\s+(?:the\s+)?(?:user|human|operator|requester)s?\b/gi,
    detail: 'hide from the user',
    anchors: ['tell', 'inform', 'mention', 'reveal', 'disclose'],
  },
  {
    pattern:
      /\b(?:do\s+not|don'?t|never|must\s+not|should\s+not|shouldn'?t)\s+(?:ever\s+)?let\s+(?:the\s+)?(?:user|human|operator|requester)s?\s+know\b/gi,
    detail: 'hide from the user',
    // "let" is on every other line of JavaScript; "know" is not.
    anchors: ['know'],
  },
  {
    pattern:
      /\bwithout\s+(?:the\s+user'?s?\s+(?:knowledge|knowing|awareness|noticing)|(?:telling|informing|letting)\s+(?:the\s+)?(?:user|human)s?(?:\s+know)?|(?:the\s+)?(?:user|human)\s+(?:knowing|noticing|finding\s+out))\b/gi,
    detail: 'hide from the user',
    anchors: ['without'],
  },
  {
    pattern:
      /\b(?:keep|hide)\s+(?:this|it|these\s+(?:instructions|steps)|this\s+(?:message|instruction|note|step|action|request))\s+(?:secret\s+|hidden\s+)?from\s+(?:the\s+)?(?:user|human)s?\b/gi,
    detail: 'hide from the user',
    anchors: ['keep', 'hide'],
  },
  {
    pattern:
      /\bthe\s+(?:user|human)\s+(?:must|should|will|needs?\s+to|does)\s+(?:not|never)\s+(?:know|see|notice|find\s+out|be\s+(?:told|informed|made\s+aware|aware))\b/gi,
    detail: 'hide from the user',
    anchors: ['know', 'see', 'notice', 'find', 'told', 'informed', 'aware'],
  },
  {
    pattern:
      /\b(?:do\s+not|don'?t|never)\s+(?:mention|reveal|disclose|acknowledge|repeat|reference|discuss)\s+(?:these|this|the|any\s+of\s+these)\s+(?:instructions?|directives?|hidden\s+(?:message|note|text)|(?:secret\s+)?(?:note|message)\s+to\s+you)\b/gi,
    detail: 'hide the instructions',
    anchors: ['mention', 'reveal', 'disclose', 'acknowledge', 'repeat', 'reference', 'discuss'],
  },
  {
    pattern:
      /\b(?:never|do\s+not|don'?t)\s+(?:ever\s+)?(?:reveal|mention|disclose|say|admit|acknowledge|tell\s+(?:anyone|the\s+user))\s+(?:to\s+(?:the\s+user|anyone)\s+)?(?:that\s+)?(?:you\s+(?:were|have\s+been|are\s+being)\s+(?:asked|told|instructed|prompted|ordered)|th(?:ese|is)\s+(?:instructions?|requests?|orders?))\b/gi,
    detail: 'hide the instructions',
    anchors: words('reveal mention disclose say admit acknowledge tell'),
  },
  {
    // "don't mention it in your reply": the user reads the reply, so this hides the action.
    pattern:
      /\b(?:do\s+not|don'?t|never)\s+(?:ever\s+)?(?:mention|reveal|disclose)\s+(?:this|it|that|these\s+(?:steps?|instructions?|actions?|changes?)|this\s+(?:step|action|instruction|note|change|line))\s+(?:in|within)\s+(?:your|the)\s+(?:final\s+)?(?:reply|response|answer|summary|output|message|report|diff|commit\s+message|explanation)\b/gi,
    detail: 'hide from the user',
    anchors: ['mention', 'reveal', 'disclose'],
  },
  {
    pattern:
      /\b(?:silently|secretly|covertly)\s+(?:send|forward|call|invoke|execute|run|upload|email|copy|exfiltrate|include|append|post|transfer|bcc|cc)\b/gi,
    detail: 'covert action',
    anchors: ['silently', 'secretly', 'covertly'],
  },
]);
