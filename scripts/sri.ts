/**
 * `npm run sri` (the last step of `npm run build`): the Subresource Integrity hashes of the
 * files a clinic serves, and the snippet with them, ready to paste. The script tag's
 * `integrity` covers `pain-care-chat.js` itself (its chunks load by `import()`, which takes
 * no hash: for one hash over everything, use the standalone build); `data-integrity` makes
 * the chat check the knowledge file the same way.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const sri = (file: string) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
const files = ['dist/pain-care-chat.js', 'dist/knowledge.json', 'dist/knowledge.es.json', 'dist/standalone/pain-care-chat.js'].filter((file) => existsSync(file));
if (!files.includes('dist/pain-care-chat.js')) {
  console.error('sri: dist/ is not built; run "npm run build" first');
  process.exit(1);
}
console.log('Subresource Integrity (SRI) hashes:');
for (const file of files) console.log(`  ${file.padEnd(36)} ${sri(file)}`);
console.log(`
The snippet, with the script and the English knowledge checked (use knowledge.es.json's hash on a Spanish page):

<script
  type="module"
  src="/pain-care-chat/pain-care-chat.js"
  integrity="${sri('dist/pain-care-chat.js')}"
  crossorigin="anonymous"
  data-integrity="${sri('dist/knowledge.json')}"
  data-booking-url="https://www.example-clinic.com/book"
  data-phone="(555) 010-2000"
></script>`);
