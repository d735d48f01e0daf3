/** The widget itself, inline, in the studio: the same element and styles visitors get. */
import { useEffect, useRef } from 'preact/hooks';
import type { PainCareChat } from '../elements/pain-care-chat.js';
import type { KnowledgeBundle } from '../knowledge/schema.js';
import { useLatest } from './app.js';

/**
 * The widget itself, inline, answering from `bundle`; `show` puts replies in it once it is
 * ready, again whenever the bundle or `showing` (what `show` shows) changes.
 */
export function Preview({ bundle, show, showing, label }: { bundle: KnowledgeBundle | null; show: (chat: PainCareChat) => void; showing: string; label: string }) {
  const holder = useRef<HTMLElement>(null);
  const chatRef = useRef<PainCareChat | null>(null);
  const latest = useLatest(show);
  useEffect(() => {
    if (!holder.current || !bundle) return;
    let chat = chatRef.current;
    if (!chat) {
      // Made here, with its knowledge set before it is on the page, so it never looks for a knowledge file.
      chat = document.createElement('pain-care-chat');
      chat.setAttribute('mode', 'inline');
      chat.setAttribute('clinic-name', 'your clinic');
      chat.setAttribute('booking-url', '#book-a-consultation');
      chat.setAttribute('phone', '555-0100');
      chat.bundle = bundle;
      holder.current.append(chat);
      chatRef.current = chat;
    } else {
      chat.bundle = bundle;
    }
    const current = chat;
    void current.updateComplete
      .then(() => latest.current(current))
      .then(() => current.updateComplete)
      // Show the first of what was put in, not the last.
      .then(() => current.renderRoot.querySelector('[role="log"]')?.scrollTo(0, 0));
  }, [bundle, showing]);
  return <section class="preview" aria-label={label} ref={holder} />;
}
