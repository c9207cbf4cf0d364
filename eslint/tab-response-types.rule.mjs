/**
 * samraad/tab-response-types: the tab reads API responses with the types the server's
 * response schemas give (src/contracts/*, `import type`), never with shapes copied by hand
 * (issue 12: a hand copy is how the Møder tab came to read a field theme days lack).
 *
 * Checked without type information, on the type argument of every `api<T>(...)` call
 * (src/tab/api.ts): T may be built only from
 *  - names imported from a src/contracts module;
 *  - names imported from a tab `*.types.ts` module (in those files, every type alias
 *    must itself be built from contracts: the rule checks them too);
 *  - local type aliases built the same way (`type Me = MeResponse`);
 *  - arrays, unions, indexed access and NonNullable/Array/ReadonlyArray of those;
 *  - `unknown` or `void` (the caller reads nothing).
 * An object type literal (`api<{ moved: boolean }>`), an intersection that adds fields by
 * hand, or a name from anywhere else is reported.
 */
import path from 'node:path';

const fromContracts = (source) => /(^|\/)contracts\/[^/]+$/.test(source.replace(/\.js$/, ''));
const fromTypesModule = (source) => source.startsWith('.') && /\.types(\.js)?$/.test(source);
const wrappers = new Set(['NonNullable', 'Array', 'ReadonlyArray']);

export const tabResponseTypesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'The tab takes API response types from src/contracts, never copied by hand' },
    schema: [],
    messages: {
      handCopied: '{{what}} is not a response type from src/contracts: import the type from src/contracts/* (import type) instead of describing the response by hand.',
    },
  },
  create(context) {
    const imported = new Map(); // local name -> module specifier
    const aliases = new Map(); // local type alias name -> its type annotation
    const pending = []; // type arguments to check once the whole file is read
    const isTypesModule = /\.types\.tsx?$/.test(path.basename(context.filename));

    /** The first part of `t` not built from contracts, as words, or null. */
    const handMade = (t, seen = new Set()) => {
      if (!t) return 'a missing type';
      switch (t.type) {
        case 'TSUnknownKeyword':
        case 'TSVoidKeyword':
          return null;
        case 'TSArrayType':
          return handMade(t.elementType, seen);
        case 'TSUnionType':
          for (const m of t.types) {
            const w = handMade(m, seen);
            if (w) return w;
          }
          return null;
        case 'TSIndexedAccessType':
          return handMade(t.objectType, seen);
        case 'TSTypeReference': {
          if (t.typeName.type !== 'Identifier') return handMade({ type: 'TSTypeReference', typeName: t.typeName.left }, seen);
          const name = t.typeName.name;
          const args = t.typeArguments?.params ?? t.typeParameters?.params ?? [];
          if (wrappers.has(name) && args.length === 1) return handMade(args[0], seen);
          const source = imported.get(name);
          if (source !== undefined) return fromContracts(source) || fromTypesModule(source) ? null : `"${name}" (imported from ${source})`;
          if (aliases.has(name) && !seen.has(name)) return handMade(aliases.get(name), new Set([...seen, name]));
          return `"${name}"`;
        }
        case 'TSTypeLiteral':
          return 'an object type written by hand';
        case 'TSIntersectionType':
          return 'an intersection (fields added by hand)';
        default:
          return `a ${t.type.replace(/^TS/, '').replace(/Keyword$/, '').toLowerCase()} type`;
      }
    };

    return {
      ImportDeclaration(n) {
        for (const s of n.specifiers) imported.set(s.local.name, n.source.value);
      },
      TSTypeAliasDeclaration(n) {
        aliases.set(n.id.name, n.typeAnnotation);
      },
      CallExpression(n) {
        if (n.callee.type !== 'Identifier' || n.callee.name !== 'api') return;
        const arg = (n.typeArguments ?? n.typeParameters)?.params?.[0];
        if (!arg) return;
        // Aliases may be declared below their use: check when the whole file has been read.
        pending.push(arg);
      },
      'Program:exit'() {
        if (isTypesModule) pending.push(...aliases.values());
        for (const node of pending) {
          const what = handMade(node);
          if (what) context.report({ node, messageId: 'handCopied', data: { what } });
        }
      },
    };
  },
};
