/**
 * samraad/layers: the dependency rule of docs/architecture.md, checked on every
 * import, re-export and dynamic import by resolving relative paths against the
 * project root (so `../../adapters/x.js` is caught wherever it is written).
 *
 *  - src/domain imports nothing of ours outside src/domain;
 *  - src/usecases import no src/adapters, src/entry, src/tab, src/demo or bot/;
 *  - only src/adapters/graph imports @microsoft/microsoft-graph-client;
 *  - only bot/ imports botbuilder and botframework-*;
 *  - src/contracts (response schemas) imports only zod, src/domain and other contracts;
 *  - src/shared (small pure helpers) imports nothing of ours outside it and no package;
 *  - src/tab imports src/contracts for types only (import type): no zod in the tab bundle.
 *
 * Tests (*.spec.ts(x)) wire real adapters on purpose and are not a layer: the
 * config does not apply this rule to them.
 */
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const rel = (abs) => path.relative(root, abs).split(path.sep).join('/');
const inside = (p, dir) => p === dir || p.startsWith(`${dir}/`);

const layers = [
  {
    name: 'domain',
    dir: 'src/domain',
    allowed: (target) => inside(target, 'src/domain'),
    reason: 'src/domain is pure: it imports nothing of ours outside src/domain (move the type into the domain, or the code out of it)',
  },
  {
    name: 'usecases',
    dir: 'src/usecases',
    allowed: (target) => !['src/adapters', 'src/entry', 'src/tab', 'src/demo', 'bot'].some((d) => inside(target, d)),
    reason: 'use cases import no adapter, entry, tab or bot code: declare a port in src/usecases/ports and let the entry wire the adapter',
  },
  {
    name: 'shared',
    dir: 'src/shared',
    allowed: (target) => inside(target, 'src/shared'),
    reason: 'src/shared holds small pure helpers used by the emulator, the bench and the scripts: it imports nothing of ours outside src/shared',
  },
  {
    name: 'contracts',
    dir: 'src/contracts',
    allowed: (target) => inside(target, 'src/contracts') || inside(target, 'src/domain'),
    reason: 'response contracts (src/contracts) are built from zod and the domain only: the tab imports their types, so they must not pull in use cases, adapters or entry code',
  },
];

/** Packages a layer may import at all (when it is listed here): everything else is refused. */
const packageAllowlists = [
  { dir: 'src/shared', allowed: (spec) => spec.startsWith('node:'), reason: 'src/shared imports no package (node: built-ins only)' },
  { dir: 'src/contracts', allowed: (spec) => spec === 'zod' || spec.startsWith('zod/'), reason: 'response contracts import only zod (and the domain)' },
];

/** Where a layer's modules may only be imported for their types (no runtime code crosses). */
const typeOnlyImports = [
  { dir: 'src/tab', target: 'src/contracts', reason: 'the tab takes only the types of the response contracts (import type): zod stays out of its bundle' },
];

const packageRules = [
  {
    test: (spec) => spec === '@microsoft/microsoft-graph-client' || spec.startsWith('@microsoft/microsoft-graph-client/'),
    allowedIn: (file) => inside(file, 'src/adapters/graph'),
    reason: 'only the Graph adapter (src/adapters/graph) talks to the Graph SDK',
  },
  {
    test: (spec) => spec === 'botbuilder' || spec.startsWith('botbuilder/') || spec.startsWith('botbuilder-') || spec.startsWith('botframework-'),
    allowedIn: (file) => inside(file, 'bot'),
    reason: 'only bot/ imports the Bot Framework SDK (botbuilder, botframework-*)',
  },
];

/** An import or re-export that brings in types only (erased from the JavaScript). */
const typeOnly = (node) => {
  if (node.type === 'ImportExpression') return false;
  if (node.type === 'TSImportType') return true;
  // `import type { X }` only: `import { type X }` may stay as a bare import that loads the module.
  return node.importKind === 'type' || node.exportKind === 'type';
};

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps the layers of docs/architecture.md: domain pure, use cases free of adapters, SDKs in their one place' },
    schema: [],
    messages: { layer: '{{file}} may not import "{{spec}}": {{reason}}.' },
  },
  create(context) {
    const file = rel(context.filename);
    const layer = layers.find((l) => inside(file, l.dir));
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      for (const p of packageRules) {
        if (p.test(spec) && !p.allowedIn(file)) {
          context.report({ node, messageId: 'layer', data: { file, spec, reason: p.reason } });
        }
      }
      if (!spec.startsWith('.')) {
        for (const a of packageAllowlists) {
          if (inside(file, a.dir) && !spec.startsWith('node:') && !a.allowed(spec)) context.report({ node, messageId: 'layer', data: { file, spec, reason: a.reason } });
        }
        return;
      }
      const target = rel(path.resolve(path.dirname(context.filename), spec));
      for (const t of typeOnlyImports) {
        if (inside(file, t.dir) && inside(target, t.target) && !typeOnly(node)) context.report({ node, messageId: 'layer', data: { file, spec, reason: t.reason } });
      }
      if (layer && !layer.allowed(target)) context.report({ node, messageId: 'layer', data: { file, spec, reason: layer.reason } });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source),
      ExportNamedDeclaration: (n) => check(n, n.source),
      ExportAllDeclaration: (n) => check(n, n.source),
      ImportExpression: (n) => check(n, n.source),
      TSImportType: (n) => check(n, n.argument?.type === 'TSLiteralType' ? n.argument.literal : n.argument),
    };
  },
};
