/**
 * Build: `dist/pain-care-chat.js` (the script-tag loader), `dist/index.js` (the ES module
 * for npm users) and the chunks they share, all in `dist/` beside `knowledge.json`.
 * Dev (`npm start`): serves the demo clinic pages from `demo/` on http://localhost:5173 with
 * the script tag's URL mapped to the source and the knowledge recompiled on every edit.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Plugin, defineConfig } from 'vite';
import { compileKnowledgeDir, formatProblem } from './src/cli/files.js';
import { bundleForBrowser } from './src/knowledge/compile.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Serves `/pain-care-chat.js` from source and `/knowledge.json` compiled fresh from `knowledge/`. */
function demoServer(): Plugin {
  return {
    name: 'pain-care-chat-demo',
    apply: 'serve',
    resolveId(id) {
      return id === '/pain-care-chat.js' ? resolve(root, 'src/loader.ts') : undefined;
    },
    configureServer(server) {
      // Compiled once up front and again after each edit, so opening the chat is instant.
      let compiled: { status: number; body: string } | undefined;
      const compile = () => {
        process.chdir(root);
        const result = compileKnowledgeDir('knowledge');
        for (const problem of result.problems) server.config.logger.warn(formatProblem(problem));
        compiled = result.bundle
          ? { status: 200, body: JSON.stringify(bundleForBrowser(result.bundle)) }
          : { status: 500, body: JSON.stringify({ error: result.problems.map(formatProblem) }) };
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
        if ((req.url ?? '').split('?')[0] !== '/knowledge.json') return next();
        const { status, body } = compiled ?? compile();
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

export default defineConfig({
  root: resolve(root, 'demo'),
  publicDir: false,
  server: { port: 5173, strictPort: true, fs: { allow: [root] } },
  plugins: [demoServer(), minifyStyles()],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: false,
    target: 'es2021',
    // terser, two passes: 3 KB gzip smaller than Vite's default minifier on the chat's code.
    minify: 'terser',
    terserOptions: { compress: { passes: 2 }, module: true },
    sourcemap: false,
    lib: {
      entry: { 'pain-care-chat': resolve(root, 'src/loader.ts'), index: resolve(root, 'src/index.ts') },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rollupOptions: {
      output: { chunkFileNames: 'pain-care-chat-[hash].js' },
    },
  },
});

