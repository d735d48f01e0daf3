/**
 * Build: `dist/pain-care-chat.js` (the script-tag loader), `dist/index.js` (the ES module
 * for npm users) and the chunks they share, all in `dist/` beside `knowledge.json`; with
 * `--mode standalone`, one self-contained `dist/standalone/pain-care-chat.js`; with
 * `--mode npm`, `dist/npm/index.js` for bundlers, its dependencies left external.
 * Dev (`npm start`): serves the demo clinic pages from `demo/` on http://localhost:5173 with
 * the script tag's URL mapped to the source and the knowledge recompiled on every edit.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Plugin, defineConfig } from 'vite';
import { compileKnowledgeDirLocales, formatProblem, knowledgeFileText } from './src/cli/files.js';
import { builtinUrgentRules } from './src/cli/urgent-rules-plugin.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Serves `/pain-care-chat.js` from source and `/knowledge.json` (and `/knowledge.es.json`) compiled fresh from `knowledge/`. */
function demoServer(): Plugin {
  return {
    name: 'pain-care-chat-demo',
    apply: 'serve',
    resolveId(id) {
      return id === '/pain-care-chat.js' ? resolve(root, 'src/loader.ts') : undefined;
    },
    configureServer(server) {
      // Compiled once up front and again after each edit, so opening the chat is instant.
      // `/knowledge.json` is English; `/knowledge.es.json` the Spanish entries of `knowledge/es/`.
      // Every language at once, from one read of the folder; nothing is read per request.
      let compiled: Map<string, { status: number; body: string }> | undefined;
      const compile = () => {
        process.chdir(root);
        compiled = new Map();
        for (const { locale, result } of compileKnowledgeDirLocales('knowledge')) {
          for (const problem of result.problems) server.config.logger.warn(formatProblem(problem));
          compiled.set(
            locale,
            result.bundle ? { status: 200, body: knowledgeFileText(result.bundle) } : { status: 500, body: JSON.stringify({ error: result.problems.map(formatProblem) }) },
          );
        }
        return compiled;
      };
      compile();
      server.watcher.add(resolve(root, 'knowledge'));
      server.watcher.on('change', (file) => {
        if (!file.startsWith(resolve(root, 'knowledge'))) return;
        compiled = undefined;
        server.ws.send({ type: 'full-reload' });
      });
      server.middlewares.use((req, res, next) => {
        const match = /^\/knowledge(?:\.([a-z]{2}))?\.json$/.exec((req.url ?? '').split('?')[0] ?? '');
        const built = match ? (compiled ?? compile()).get(match[1] ?? 'en') : undefined;
        if (!built) return next();
        const { status, body } = built;
        res.statusCode = status;
        res.setHeader('Content-Type', 'application/json');
        res.end(body);
      });
    },
  };
}

/**
 * Minifies the CSS in the chat's `*.styles.ts` template literals at build time (comments
 * and spacing; the text between `${…}` only), so the shipped CSS is as small as the code.
 */
function minifyStyles(): Plugin {
  const TEMPLATE = /`(?:[^`\\$]|\\.|\$(?!\{)|\$\{[^}]*\})*`/g;
  const EXPRESSION = /(\$\{[^}]*\})/;
  const squeeze = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,]) ?/g, '$1')
      // A colon followed by a space only ends a property name (selectors never have one).
      .replace(/: /g, ':')
      .replace(/ !important/g, '!important')
      .replace(/;}/g, '}');
  return {
    name: 'pain-care-chat-minify-styles',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return undefined;
      return code.replace(TEMPLATE, (literal) =>
        literal
          .split(EXPRESSION)
          .map((part) => (EXPRESSION.test(part) ? part : squeeze(part)))
          .join(''),
      );
    },
  };
}

/**
 * `vite build --mode standalone` (run by `npm run build:standalone`): one file,
 * `dist/standalone/pain-care-chat.js`, with every chunk inlined and the knowledge of
 * `PCC_KNOWLEDGE_DIR` (default `knowledge/`) built in, compiled and checked first.
 */
function standaloneKnowledge(): Record<string, string> {
  const dir = process.env.PCC_KNOWLEDGE_DIR || resolve(root, 'knowledge');
  const texts: Record<string, string> = {};
  for (const { locale, result } of compileKnowledgeDirLocales(dir)) {
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (!result.bundle) throw new Error(`the knowledge in ${dir} has errors; nothing built:\n${errors.map(formatProblem).join('\n')}`);
    texts[locale] = knowledgeFileText(result.bundle);
  }
  return texts;
}

export default defineConfig(({ mode }) => {
  const standalone = mode === 'standalone';
  // `--mode npm`: the ES module entry for npm users, `dist/npm/index.js`, with Lit, DOMPurify
  // and fuse.js left to the app's own install (one copy of Lit, and Lit's Node build for
  // server-side rendering) instead of bundled as the script tag needs them.
  const npm = mode === 'npm';
  const entries: Record<string, string> = npm
    ? { index: resolve(root, 'src/index.ts') }
    : standalone
      ? { 'pain-care-chat': resolve(root, 'src/loader.ts') }
      : { 'pain-care-chat': resolve(root, 'src/loader.ts'), index: resolve(root, 'src/index.ts') };
  return {
    root: resolve(root, 'demo'),
    publicDir: false,
    server: { port: 5173, strictPort: true, fs: { allow: [root] } },
    plugins: [demoServer(), minifyStyles(), builtinUrgentRules({ standalone })],
    define: { __PCC_KNOWLEDGE__: standalone ? JSON.stringify(standaloneKnowledge()) : 'null' },
    build: {
      outDir: resolve(root, standalone ? 'dist/standalone' : npm ? 'dist/npm' : 'dist'),
      emptyOutDir: standalone || npm,
      target: 'es2021',
      // terser, two passes: 3 KB gzip smaller than Vite's default minifier on the chat's code.
      minify: npm ? false : 'terser',
      terserOptions: { compress: { passes: 2 }, module: true },
      sourcemap: false,
      lib: {
        entry: entries,
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rollupOptions: {
        external: npm ? [/^lit($|\/)/, /^@lit\//, /^dompurify($|\/)/, /^fuse\.js($|\/)/] : [],
        output: standalone ? { codeSplitting: false } : { chunkFileNames: npm ? 'chunk-[hash].js' : 'pain-care-chat-[hash].js' },
      },
    },
  };
});
