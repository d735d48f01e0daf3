/** How the CLI shows replies: as a visitor would read them, or as JSON lines for tools. */
import type { Reply } from '../answer/reply.js';
import { requireStrings } from '../i18n/strings.js';

/** One line of `--jsonl` output (`reason: "needs-clinic"` on a fallback for a request only staff can handle); other tools depend on exactly this shape. */
export function toJsonLine(question: string, reply: Reply): string {
  const reason = reply.status === 'fallback' && reply.reason ? { reason: reply.reason } : {};
  return JSON.stringify({ q: question, status: reply.status, ...reason, matches: reply.matches.map(({ id, score }) => ({ id, score })) });
}

/** The reply as plain text, the way a visitor would read it in the widget. */
export function formatReply(reply: Reply, locale = 'en'): string {
  const t = requireStrings(locale);
  switch (reply.status) {
    case 'urgent':
      return `⚠ ${t.urgentTitle}\n${reply.advice.text}`;
    case 'fallback':
      return reply.smallTalk ? t.smallTalk[reply.smallTalk] : reply.reason === 'needs-clinic' ? t.needsClinic : t.fallback;
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
