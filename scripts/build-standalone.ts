/**
 * `npm run build:standalone -- [--knowledge DIR]`: the whole chat in one file,
 * `dist/standalone/pain-care-chat.js`, with the knowledge of DIR (default `knowledge/`)
 * built in, so a clinic uploads one file and pastes one script tag. The knowledge is
 * checked first, as `npm run knowledge` does, and nothing is built when it has errors.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const USAGE = 'usage: npm run build:standalone -- [--knowledge DIR]';
const args = process.argv.slice(2);
let dir = 'knowledge';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--knowledge' && args[i + 1]) dir = args[++i]!;
  else {
    console.error(`unknown argument ${JSON.stringify(args[i])}\n${USAGE}`);
    process.exit(2);
  }
}
if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error(`no knowledge folder ${JSON.stringify(dir)}; give the folder that holds your entries and urgent.yaml\n${USAGE}`);
  process.exit(1);
}
process.env.PCC_KNOWLEDGE_DIR = resolve(dir);
try {
  await build({ configFile: resolve('vite.config.ts'), mode: 'standalone', logLevel: 'warn' });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const file = 'dist/standalone/pain-care-chat.js';
const code = readFileSync(file);
console.log(`${file}: the chat with the knowledge of ${dir} built in; ${(code.length / 1024).toFixed(1)} KB raw, ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
