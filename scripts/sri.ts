/**
 * `npm run sri -- [DIR]` (the last step of `npm run build`): the Subresource Integrity
 * hashes of the files a clinic serves from DIR (default `dist/`), and the README's snippet
 * with them, ready to paste. The script tag's `integrity` covers `pain-care-chat.js` itself
 * (its chunks load by `import()`, which takes no hash: for one hash over everything, use
 * the standalone build); `data-integrity` makes the chat check the knowledge file the same
 * way. The knowledge's hash changes with every change to the knowledge:
 * `npm run publish-knowledge` says which line to replace then.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { knowledgeIntegrityLine, snippet, sri } from '../src/cli/snippet.js';

const USAGE = 'usage: npm run sri -- [DIR]';

function main(args: string[]): number {
  let dir: string;
  try {
    const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
    if (positionals.length > 1) throw new Error(`give one folder, got ${positionals.length}: ${positionals.join(' ')}`);
    dir = positionals[0] ?? 'dist';
  } catch (error) {
    console.error(`sri: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const hash = (file: string) => sri(readFileSync(join(dir, file)));
  const files = ['pain-care-chat.js', 'knowledge.json', 'knowledge.es.json', 'standalone/pain-care-chat.js'].filter((file) => existsSync(join(dir, file)));
  if (!files.includes('pain-care-chat.js') || !files.includes('knowledge.json')) {
    console.error(`sri: ${dir}/ is not built; run "npm run build" first`);
    return 1;
  }
  console.log('Subresource Integrity (SRI) hashes:');
  for (const file of files) console.log(`  ${join(dir, file).padEnd(36)} ${hash(file)}`);
  console.log('\nThe snippet, with the script and the English knowledge checked; put in your clinic\'s name, booking page and phone:\n');
  console.log(snippet({ script: hash('pain-care-chat.js'), knowledge: hash('knowledge.json') }));
  if (files.includes('knowledge.es.json')) {
    console.log(`\nOn a Spanish page, use the Spanish knowledge's hash instead:\n  ${knowledgeIntegrityLine(hash('knowledge.es.json'))}`);
  }
  console.log('\nThe data-integrity hash changes with every change to the knowledge: after one, run "npm run publish-knowledge" and replace that line.');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
