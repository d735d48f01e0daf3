/**
 * The ES module entry for npm users: importing it registers `<pain-care-chat>`.
 * This is the only module with a side effect at import time (the registration), and it
 * does nothing outside a browser, so importing it during server-side rendering is safe.
 */
import { define } from './elements/define.js';
import { PainCareChat } from './elements/pain-care-chat.js';

export { PainCareChat };
export type { BookingClickEventDetail, ReplyEventDetail } from './elements/pain-care-chat.js';
export type { Reply, ReplyStatus } from './answer/reply.js';

if (typeof window !== 'undefined' && typeof customElements !== 'undefined') {
  define('pain-care-chat', PainCareChat);
}
