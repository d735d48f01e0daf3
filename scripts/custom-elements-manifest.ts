/**
 * Writes the Custom Elements Manifest (`dist/custom-elements.json`, named by package.json's
 * `customElements`) for `<pain-care-chat>`, from the element's source and JSDoc (`@fires`,
 * `@csspart`, `@cssprop`, the `static properties`, the public fields and methods), with
 * @custom-elements-manifest/analyzer and its Lit plugin. `npm run build` runs it last.
 *
 *   tsx scripts/custom-elements-manifest.ts [--out FILE]
 *
 * On top of the analyzer, for this element:
 * - the tag name comes from `define('pain-care-chat', PainCareChat)` in src/index.ts (the
 *   analyzer only knows `customElements.define`);
 * - `state: true` properties are internal, not attributes (the analyzer lists them);
 * - the attributes are checked against `ATTRIBUTES` (src/config/attributes.ts), the list the
 *   element and the script tag read: one missing from the element's properties is added
 *   from it, with a warning, so the manifest names every attribute the chat takes;
 * - events are those of `@fires`, typed from `GlobalEventHandlersEventMap` in the element's
 *   module (the analyzer also reports a nameless one from the private `emit` helper);
 * - private and protected members are left out: the manifest describes the public API;
 * - it describes the package as shipped: one module, `dist/index.js` (the ES module entry,
 *   which registers the element), not the TypeScript sources, which are not in the package.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as TS from 'typescript';
import { ATTRIBUTES } from '../src/config/attributes.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ELEMENT_SOURCE = 'src/elements/pain-care-chat.ts';
const ENTRY_SOURCE = 'src/index.ts';
/** The shipped module that exports the class and registers the tag (package.json `exports["."]`). */
const SHIPPED_MODULE = 'dist/npm/index.js';
const DEFAULT_OUT = 'dist/custom-elements.json';

interface Attribute {
  name: string;
  fieldName?: string;
  type?: { text: string };
  default?: string;
  description?: string;
}
interface Member {
  kind: 'field' | 'method';
  name: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  attribute?: string;
  reflects?: boolean;
}
interface Event {
  name: string;
  description?: string;
  type?: { text: string };
}
interface ClassDeclaration {
  kind: 'class';
  name: string;
  customElement?: boolean;
  tagName?: string;
  attributes?: Attribute[];
  members?: Member[];
  events?: Event[];
  [key: string]: unknown;
}
interface Module {
  kind: 'javascript-module';
  path: string;
  declarations?: ClassDeclaration[];
  exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
}
export interface Manifest {
  schemaVersion: string;
  readme?: string;
  modules: Module[];
}
interface AnalyzePhase {
  ts: typeof TS;
  node: TS.Node;
  moduleDoc: Partial<Module>;
}
interface Plugin {
  name: string;
  analyzePhase?(params: AnalyzePhase): void;
  packageLinkPhase?(params: { customElementsManifest: Manifest }): void;
}
interface Analyzer {
  create(options: { modules: TS.SourceFile[]; plugins: Plugin[]; context?: Record<string, unknown> }): Manifest;
  ts: typeof TS;
}

// The analyzer's typings declare its plugin interfaces only, not `create`, `ts` or the Lit plugin.
const LIT_PLUGIN = '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';

/** What the analyzer leaves out or gets wrong for this element, found in the sources' syntax. */
function painCareChatPlugin(warn: (message: string) => void): Plugin {
  const tags = new Map<string, string>(); // class name → tag
  const internal = new Set<string>(); // `state: true` / `attribute: false` properties
  const eventTypes = new Map<string, string>(); // event name → type of the event

  return {
    name: 'pain-care-chat',
    analyzePhase({ ts, node }) {
      // define('pain-care-chat', PainCareChat)
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'define') {
        const [tag, element] = node.arguments;
        if (tag && element && ts.isStringLiteral(tag) && ts.isIdentifier(element)) tags.set(element.text, tag.text);
      }
      // static properties = { name: { state: true }, … }
      if (ts.isPropertyDeclaration(node) && node.name.getText() === 'properties' && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
        for (const property of node.initializer.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
          const options = property.initializer.properties.filter(ts.isPropertyAssignment);
          const isInternal = options.some(
            (option) =>
              (option.name.getText() === 'state' && option.initializer.kind === ts.SyntaxKind.TrueKeyword) ||
              (option.name.getText() === 'attribute' && option.initializer.kind === ts.SyntaxKind.FalseKeyword),
          );
          if (isInternal) internal.add(property.name.getText());
        }
      }
      // interface GlobalEventHandlersEventMap { 'pcc-reply': CustomEvent<ReplyEventDetail>; … }
      if (ts.isInterfaceDeclaration(node) && node.name.text === 'GlobalEventHandlersEventMap') {
        for (const member of node.members) {
          if (ts.isPropertySignature(member) && member.type && ts.isStringLiteral(member.name)) eventTypes.set(member.name.text, member.type.getText());
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          const tag = tags.get(declaration.name);
          if (tag) {
            declaration.customElement = true;
            declaration.tagName = tag;
          }
          if (!declaration.customElement) continue;
          // The class's JSDoc has a @summary and no description of its own.
          if (declaration.description === '') delete declaration.description;

          declaration.members = (declaration.members ?? []).filter((member) => member.privacy !== 'private' && member.privacy !== 'protected');
          for (const member of declaration.members) {
            if (internal.has(member.name)) {
              delete member.attribute;
              delete member.reflects;
            }
          }
          const attributes = (declaration.attributes ?? []).filter((attribute) => !internal.has(attribute.fieldName ?? attribute.name));
          const named = new Set(attributes.map((attribute) => attribute.name));
          for (const name of ATTRIBUTES) {
            if (named.has(name)) continue;
            warn(`"${name}" is in ATTRIBUTES (src/config/attributes.ts) but not in ${declaration.name}'s static properties; added to the manifest from ATTRIBUTES`);
            attributes.push({ name, type: { text: 'string' }, description: `See the README's attributes table.` });
          }
          for (const name of named) {
            if (!(ATTRIBUTES as readonly string[]).includes(name)) warn(`"${name}" is an attribute of ${declaration.name} but not in ATTRIBUTES (src/config/attributes.ts): the script tag will not pass it on`);
          }
          declaration.attributes = attributes;

          // Events documented with @fires have a description; the analyzer also reports
          // `new CustomEvent(type, …)` in the private `emit` helper, as an event named "type".
          declaration.events = (declaration.events ?? [])
            .filter((event) => event.description !== undefined)
            .map((event) => {
              const type = eventTypes.get(event.name);
              return type ? { ...event, type: { text: type } } : event;
            });
          for (const name of eventTypes.keys()) {
            if (!declaration.events.some((event) => event.name === name)) warn(`event "${name}" is in GlobalEventHandlersEventMap but has no @fires tag on ${declaration.name}`);
          }
        }
      }
    },
  };
}

/** The manifest of the package as shipped: the element, exported and registered by `dist/index.js`. */
export async function buildManifest(root = ROOT, warn: (message: string) => void = (message) => console.warn(`custom-elements-manifest: ${message}`)): Promise<Manifest> {
  const { create, ts } = (await import('@custom-elements-manifest/analyzer')) as unknown as Analyzer;
  const { litPlugin } = (await import(LIT_PLUGIN)) as { litPlugin: () => Plugin[] };
  const modules = [ELEMENT_SOURCE, ENTRY_SOURCE].map((path) => ts.createSourceFile(path, readFileSync(resolve(root, path), 'utf8'), ts.ScriptTarget.ES2022, true));
  const analyzed = create({ modules, plugins: [...litPlugin(), painCareChatPlugin(warn)], context: { dev: false } });

  const elements = analyzed.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName);
  if (elements.length === 0) throw new Error(`no custom element with a tag name found in ${ELEMENT_SOURCE} and ${ENTRY_SOURCE}`);
  const declaration = { module: SHIPPED_MODULE };
  return {
    schemaVersion: analyzed.schemaVersion,
    modules: [
      {
        kind: 'javascript-module',
        path: SHIPPED_MODULE,
        declarations: elements,
        exports: elements.flatMap((element) => [
          { kind: 'js', name: element.name, declaration: { name: element.name, ...declaration } },
          { kind: 'custom-element-definition', name: element.tagName!, declaration: { name: element.name, ...declaration } },
        ]),
      },
    ],
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const out = resolve(at === -1 ? resolve(ROOT, DEFAULT_OUT) : process.argv[at + 1] ?? DEFAULT_OUT);
  const manifest = await buildManifest();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(manifest, null, 2)}\n`);
  const element = manifest.modules[0]!.declarations![0]!;
  console.log(
    `${relative(process.cwd(), out).startsWith('..') ? out : relative(process.cwd(), out)}: <${element.tagName}> with ${element.attributes?.length ?? 0} attributes, ${element.events?.length ?? 0} events, ` +
      `${(element.cssParts as unknown[] | undefined)?.length ?? 0} parts, ${(element.cssProperties as unknown[] | undefined)?.length ?? 0} CSS properties`,
  );
}
