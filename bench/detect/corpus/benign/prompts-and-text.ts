import type { Draft } from '../corpus-line.js';
import { RESPONSE_SHAPES, shapeResponse, toolCall } from '../placement.js';
import type { Rng } from '../rng.js';

/**
 * What users ask agents to do, and text that is merely unusual: emoji ZWJ sequences, right-to-left
 * scripts, CJK, identifiers (UUIDs, hashes), non-English documents.
 */

const PROMPTS: readonly [string, string][] = [
  ['read_file', 'Summarize this file.'],
  ['fetch', 'Summarize this article in three bullet points.'],
  ['git_diff', 'Ignore whitespace differences in the diff and explain the real change.'],
  ['run_command', 'Run the tests and fix whatever fails.'],
  ['read_file', 'Explain what this function does, line by line.'],
  ['search_files', 'Find where we configure the database connection.'],
  ['query', 'How many orders did we get yesterday, broken down by country?'],
  ['create_issue', 'Open an issue for the dark mode bug with the screenshot description.'],
  ['write_file', 'Add a unit test for the retry helper covering the zero-attempts case.'],
  ['edit_file', 'Rename the variable `tmp` to `pendingItems` everywhere in this file.'],
  ['fetch', 'What changed in Node 20.19? Keep it short.'],
  ['gmail_read_message', 'Draft a polite reply saying I will be out until Monday.'],
  ['slack_post_message', 'Tell the team the deploy is done.'],
  ['run_command', 'Clean the build output and rebuild from scratch.'],
  ['read_file', 'Translate this README into German.'],
  ['query', 'Show me the slowest queries from pg_stat_statements.'],
  ['read_file', 'Is there anything in this config that looks insecure?'],
  ['git_log', 'Write release notes from the commits since the last tag.'],
  ['fetch', 'Compare these two pricing pages and make a table.'],
  ['calendar_list_events', 'When am I free tomorrow afternoon?'],
  ['run_command', 'Check why the docker container keeps restarting.'],
  ['read_file', 'Convert this JavaScript file to TypeScript with strict types.'],
  ['brave_web_search', 'Find the official docs for the satisfies operator.'],
  ['read_file', 'Act as a code reviewer: list bugs first, then style issues.'],
  ['fetch', 'Forget the last link, use this one instead and summarize it.'],
  ['read_file', 'Pretend you are explaining this to a new hire and keep the jargon down.'],
  ['run_command', 'You can skip the lint step this time, just run the unit tests.'],
  ['read_file', 'Resume este documento en español, por favor.'],
  ['read_file', 'このファイルの内容を日本語で要約してください。'],
  ['read_file', 'Fasse die wichtigsten Änderungen in diesem Changelog zusammen.'],
  ['read_file', 'Peux-tu expliquer ce que fait ce script ?'],
  ['read_file', 'لخص هذا المستند في ثلاث نقاط من فضلك.'],
  ['read_file', 'אנא סכם את הקובץ הזה בקצרה.'],
  ['read_file', '请帮我把这个函数改写成异步版本。'],
  ['fetch', 'Disregard formatting, I only need the raw numbers from the table.'],
  ['query', 'Drop the filters from the previous query and show all regions.'],
  ['read_file', 'Override the lint config only for the generated files folder.'],
  ['run_command', 'Kill the process on port 3000 and restart the dev server.'],
  ['read_file', 'New instructions for this task: keep answers under 100 words.'],
  ['read_file', 'From now on, answer in British English.'],
];

const TEXTS: readonly { note: string; tool: string; text: string }[] = [
  {
    note: 'emoji ZWJ sequences in a chat message',
    tool: 'slack_get_channel_history',
    text: '[11:02] rosa: family photo from the weekend 👨‍👩‍👧‍👦🏖️\n[11:03] omar: so cute 😍 the 🧑🏽‍💻 in the back is me working lol\n[11:03] dana: 🏳️‍🌈🏳️‍⚧️ parade is next Saturday btw, who is in? 🙋‍♀️🙋🏻‍♂️',
  },
  {
    note: 'Arabic document',
    tool: 'read_file',
    text: 'مرحباً بكم في دليل المستخدم.\nيشرح هذا القسم كيفية تثبيت التطبيق وتهيئته لأول مرة.\n١. قم بتنزيل المثبّت من الموقع الرسمي.\n٢. اتبع الخطوات على الشاشة.\n٣. سجّل الدخول باستخدام حساب العمل الخاص بك.',
  },
  {
    note: 'Hebrew with embedded English and numbers',
    tool: 'gmail_read_message',
    text: 'שלום צוות,\nהגרסה החדשה v2.8.1 עלתה לאוויר הבוקר בשעה 09:30. בבקשה לבדוק את דף ה-checkout ולדווח על בעיות ב-Jira.\nתודה, נדיה',
  },
  {
    note: 'mixed RTL/LTR with directional marks',
    tool: 'read_file',
    text: 'Product name: \u200fمنتج رقم 42\u200e (SKU: KTL-01)\nשם המוצר: קומקום חשמלי\u200e 1.7L\nPrice / السعر: 39.90 €',
  },
  {
    note: 'Japanese documentation',
    tool: 'fetch',
    text: '# インストール\n\nこのライブラリは npm からインストールできます。\n\n```sh\nnpm install left-pad-ng\n```\n\n## 使い方\n\n文字列の左側を指定した長さまで埋めます。絵文字や結合文字にも対応しています。',
  },
  {
    note: 'Chinese meeting notes',
    tool: 'notion_get_page',
    text: '会议纪要（11月2日）\n1. 数据库迁移计划按原定时间推进。\n2. 测试环境周四冻结。\n3. 下周一开始新员工培训。\n负责人：王伟',
  },
  {
    note: 'Korean and Thai mixed text',
    tool: 'read_file',
    text: '안녕하세요! 배포가 완료되었습니다.\nสวัสดีครับ การอัปเดตเสร็จสมบูรณ์แล้ว\nXin chào, bản cập nhật đã hoàn tất.',
  },
  {
    note: 'UUIDs and hashes in an API response',
    tool: 'http_get',
    text: '{"request_id":"3f1c9a2e-7b4d-4e8f-9a01-6c2d5e8f1b3a","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","etag":"W/\\"5e8f1b3a9c2d\\"","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","items":[{"id":"0b8e6f1c-2d4a-4c5e-8f7a-1b2c3d4e5f60"}]}',
  },
  {
    note: 'git object ids and semver',
    tool: 'run_command',
    text: 'refs/tags/v2.8.1 7c1e9a4f2b8d3e6a0f5c9b1d2e3f4a5b6c7d8e9f\nrefs/tags/v2.8.0 91aa2c3d4e5f60718293a4b5c6d7e8f901234567\nrefs/heads/main 7c1e9a4f2b8d3e6a0f5c9b1d2e3f4a5b6c7d8e9f',
  },
  {
    note: 'mathematical and typographic unicode',
    tool: 'read_file',
    text: '∀x ∈ ℝ: x² ≥ 0 — proof left to the reader…\n“Smart quotes”, ‘single’, «guillemets», „German“, ½ ¾ ™ © ®\nArrows: ← ↑ → ↓ ⇒ ⇔; Box drawing: ┌─┐ │ └─┘',
  },
  {
    note: 'non-breaking and thin spaces in French text',
    tool: 'fetch',
    text: 'Prix\u00a0: 39,90\u00a0€ — livraison offerte dès 50\u202f€\u00a0!\nQuestions\u00a0? Écrivez-nous.',
  },
  {
    note: 'Devanagari and Tamil',
    tool: 'read_file',
    text: 'नमस्ते! आपका ऑर्डर भेज दिया गया है।\nவணக்கம்! உங்கள் ஆர்டர் அனுப்பப்பட்டது.',
  },
  {
    note: 'soft hyphens and word joiners in typeset text',
    tool: 'pdf_extract_text',
    text: 'The inter\u00adnational\u00adization work\u00adstream ships in Q1.\nVersion\u20602.8.1 is the last release of the year.',
  },
  {
    note: 'Russian release notes',
    tool: 'fetch',
    text: 'Что нового в версии 3.0:\n- Новый интерфейс настроек\n- Поддержка тёмной темы\n- Исправлены ошибки синхронизации\nОбновление бесплатно для всех пользователей.',
  },
  {
    note: 'Greek and Turkish product copy',
    tool: 'fetch',
    text: 'Ηλεκτρικός βραστήρας 1,7 λίτρων με αυτόματη διακοπή.\nOtomatik kapanmalı 1,7 litrelik elektrikli su ısıtıcısı.',
  },
  { note: 'long base64 attachment in an email API response', tool: 'gmail_get_attachment', text: '' },
];

/** All benign prompts and unusual-text drafts. */
export function promptAndTextTraffic(rng: Rng): Draft[] {
  const prompts = PROMPTS.map(([tool, prompt], i) => ({
    note: `user prompt: ${prompt.slice(0, 40)}`,
    event: i % 3 === 0 ? { tool, prompt } : { ...toolCall(tool, { path: 'README.md' }, 'arguments'), prompt },
  }));
  const texts = TEXTS.map(({ note, tool, text }) => ({
    note,
    event: toolCall(
      tool,
      { id: rng.chars('0123456789abcdef', 12) },
      'arguments',
      shapeResponse(
        text === ''
          ? JSON.stringify({
              filename: 'report.pdf',
              mimeType: 'application/pdf',
              size: 1536,
              data: Buffer.from(
                `%PDF-1.7\n${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789 \n', 1100)}`,
              ).toString('base64'),
            })
          : text,
        rng.pick(RESPONSE_SHAPES),
      ),
    ),
  }));
  return [...prompts, ...texts];
}
