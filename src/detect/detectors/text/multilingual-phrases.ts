import type { DetectorMatch } from '../../detector.js';
import { MAX_MATCHES, type Phrase, words } from './find-phrases.js';
import { matchesIn } from './regex-matches.js';

/**
 * "Ignore all previous instructions" and its kin in the languages injections most often use
 * besides English. Latin-script phrases join the English phrase set (one anchor pass); the others
 * are one regex with a named group per language, run only on text in those scripts.
 */

/**
 * After a bare article ("las", "les", "le", "as"), the instructions must not belong to something
 * named next: "Ignora las instrucciones del manual" is advice about a manual, while "ignora tus
 * instrucciones" and "todas las instrucciones anteriores" address the model. "de arriba",
 * "ci-dessus" and "sopra" (the ones above) still address it.
 */
const NOT_OF = String.raw`(?!\s+\S+\s+(?:del|della|dello|dei|delle|du|des|do|da|dos|das|de(?!\s+(?:arriba|cima))|para|pour|per|sobre|sur))`;

/** Languages in Latin script: phrases with anchor words, checked with the English ones in one pass. */
const LATIN: readonly (readonly [string, string, string])[] = [
  [
    'French',
    `\\b(?:ignore[zr]?|oublie[zr]?|ne\\s+tiens?\\s+pas\\s+compte\\s+d)\\w*\\s+(?:(?:toutes\\s+|tous\\s+)?(?:vos|tes)|(?:toutes\\s+|tous\\s+)(?:les|des)|(?:les|des)${NOT_OF})\\s+(?:instructions|consignes|directives|ordres)(?:\\s+(?:pr[ée]c[ée]dent(?:es|e)?|ant[ée]rieures))?|\\br[ée]v[ée]le[zr]?\\s+(?:votre|ton|le)\\s+prompt\\s+syst[èe]me|\\bvotre\\s+nouvelle\\s+t[âa]che\\s+est`,
    'ignorez ignorer oubliez oublier oublie compte votre',
  ],
  [
    'Spanish',
    `\\b(?:ignor[ae]d?|olvid[ae]d?)\\s+(?:(?:todas\\s+)?(?:tus|sus)|todas\\s+las|las${NOT_OF})\\s+(?:instrucciones|indicaciones|[óo]rdenes)(?:\\s+(?:anteriores|previas))?|\\ba\\s+partir\\s+de\\s+ahora\\s+eres\\b|\\brevela\\s+tu\\s+prompt\\s+del\\s+sistema`,
    'ignora ignore ignorad olvida olvide olvidad eres revela',
  ],
  [
    'German',
    '\\b(?:ignoriere|ignorieren\\s+sie|vergiss|vergessen\\s+sie|missachte)\\s+(?:alle\\s+)?(?:deine\\s+|ihre\\s+|die\\s+)?(?:bisherigen\\s+|vorherigen\\s+|vorigen\\s+|fr[üu]heren\\s+)?(?:anweisungen|instruktionen|befehle|vorgaben)|\\bdeine\\s+neue\\s+aufgabe\\s+ist\\b',
    'ignoriere ignorieren vergiss vergessen missachte aufgabe',
  ],
  [
    'Italian',
    `\\b(?:ignora|ignorate|dimentica|dimenticate)\\s+(?:tutte\\s+(?:le\\s+)?|le${NOT_OF}\\s+)?(?:tue\\s+|sue\\s+)?(?:istruzioni|indicazioni)(?:\\s+precedenti)?`,
    'ignora ignorate dimentica dimenticate',
  ],
  [
    'Portuguese',
    `\\b(?:ignore|ignora|ignorem|esque[çc]a|esque[çc]am)\\s+(?:todas\\s+(?:as\\s+)?|as${NOT_OF}\\s+)?(?:suas\\s+|tuas\\s+)?(?:instru[çc][õo]es|orienta[çc][õo]es)(?:\\s+anteriores)?`,
    'ignore ignora ignorem todas suas',
  ],
  [
    'Dutch',
    '\\b(?:negeer|vergeet)\\s+(?:alle\\s+)?(?:je\\s+|uw\\s+|de\\s+)?(?:vorige\\s+|eerdere\\s+|voorgaande\\s+)?(?:instructies|aanwijzingen|opdrachten)',
    'negeer vergeet',
  ],
  [
    'Polish',
    '\\b(?:zignoruj|ignoruj|zapomnij)\\s+(?:o\\s+)?(?:wszystkie\\s+|wszystkich\\s+)?(?:poprzednie\\s+|wcze[śs]niejsze\\s+|twoje\\s+)?(?:instrukcje|instrukcjach|polecenia)',
    'zignoruj ignoruj zapomnij',
  ],
  [
    'Turkish',
    '(?:[öo]nceki\\s+)?(?:t[üu]m\\s+)?talimatlar[ıi]\\s+(?:yok\\s+say|g[öo]rmezden\\s+gel|unut)',
    'talimatlar',
  ],
];

export const MULTILINGUAL_PHRASES: readonly Phrase[] = LATIN.map(([language, source, anchors]) => ({
  pattern: new RegExp(source, 'gi'),
  detail: `instruction override (${language})`,
  anchors: words(anchors),
}));

/** Languages in other scripts, where word anchors do not apply. */
const SCRIPTS: Readonly<Record<string, string>> = {
  Russian:
    '(?:игнорируй(?:те)?|проигнорируй(?:те)?|забудь(?:те)?)\\s+(?:все\\s+)?(?:предыдущие\\s+|прошлые\\s+|свои\\s+)?(?:инструкции|указания|команды)',
  Chinese: '(?:忽略|无视|忘记|忽視|無視|忘記)[^。\\n]{0,8}?(?:指令|指示|说明|說明|规则|規則|提示)',
  Japanese: '(?:指示|命令|指令)[^。\\n]{0,8}?無視',
  Korean: '(?:지시|지침|명령)[^.\\n]{0,8}?무시',
  Arabic: 'تجاهل\\s+(?:جميع\\s+|كل\\s+)?(?:التعليمات|الأوامر|التوجيهات)',
  Hindi: '(?:निर्देशों|निर्देश)\\s+(?:को\\s+)?(?:अनदेखा|नज़रअंदाज़|नजरअंदाज)',
};

const COMBINED = new RegExp(
  Object.entries(SCRIPTS)
    .map(([language, source]) => `(?<${language}>${source})`)
    .join('|'),
  // No `u` flag: every pattern is in the Basic Multilingual Plane, and the flag slows the scan.
  'gi',
);

/** The scripts above; text in none of them (most traffic) skips the big regex with one class test. */
const HINT = /[\u0400-\u04FF\u0600-\u06FF\u0900-\u097F\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]/;

/**
 * Prefilter literals (caseless): one of them is in every match of SCRIPTS above (a verb stem, or
 * the "ignore" word that ends the Japanese and Korean patterns). Keep in step with SCRIPTS.
 */
export const SCRIPT_OVERRIDE_LITERALS: readonly string[] = [
  'игнорируй',
  'забудь',
  '忽略',
  '无视',
  '忘记',
  '忽視',
  '無視',
  '忘記',
  '무시',
  'تجاهل',
  'निर्देश',
];

/** Instruction overrides in Cyrillic, Arabic, Devanagari, Chinese, Japanese and Korean script. */
export function findScriptOverrides(text: string): DetectorMatch[] {
  if (!HINT.test(text)) return [];
  const out: DetectorMatch[] = [];
  for (const m of matchesIn(COMBINED, text)) {
    const language = Object.keys(m.groups ?? {}).find((name) => m.groups?.[name] !== undefined) ?? 'other';
    out.push({ start: m.index, end: m.index + m[0].length, detail: `instruction override (${language})` });
    if (out.length >= MAX_MATCHES) break;
  }
  return out;
}
