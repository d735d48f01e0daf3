/** How the CLI shows replies: as a visitor would read them, or as JSON lines for tools. */
import type { Reply } from '../answer/reply.js';
import { requireStrings } from '../i18n/strings.js';

/** One line of `--jsonl` output; other tools depend on exactly this shape. */
export function toJsonLine(question: string, reply: Reply): string {
  return JSON.stringify({ q: question, status: reply.status, matches: reply.matches.map(({ id, score }) => ({ id, score })) });
}

/** The reply as plain text, the way a visitor would read it in the widget. */
export function formatReply(reply: Reply, locale = 'en'): string {
  const t = requireStrings(locale);
  switch (reply.status) {
    case 'urgent':
      return `⚠ ${t.urgentTitle}\n${reply.advice.text}`;
    case 'fallback':
      return reply.smallTalk ? t.smallTalk[reply.smallTalk] : t.fallback;
    case 'clarify':
      return [t.clarifyIntro, ...reply.choices.map((c) => `  • ${c.title}`)].join('\n');
    case 'answer': {
      const lines = [reply.title + (reply.passage.heading ? ` — ${reply.passage.heading}` : ''), '', reply.passage.text, ''];
      lines.push(`${t.sourcesLabel}: ${reply.sources.map((s) => s.title + (s.url ? ` <${s.url}>` : '')).join('; ')}`);
      lines.push(t.reviewed(reply.reviewed));
      if (reply.related.length > 0) lines.push('', `${t.relatedLabel}:`, ...reply.related.map((r) => `  • ${r.question}`));
      lines.push('', `${t.bookPrompt} → ${t.book}`);
      return lines.join('\n');
    }
  }
}
