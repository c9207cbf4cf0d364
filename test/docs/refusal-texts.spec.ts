/**
 * The Danish text of every refusal is Danish (issue 15: "Du har ikke ret til at
 * create this forum"). Scans every refusal the code can raise (src/ and bot/,
 * with the TypeScript parser): `forbidden`, `invalid`, `stateError`, `new
 * UseCaseError` and the HTTP guard's Danish action; the fixed parts of each
 * Danish text must hold no English words. A refusal without its own Danish text
 * gets the Danish fallback (checked below), and `notFound` names the thing in
 * Danish.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { danishNoun, fallbackDanish, forbidden, invalid, notFound, type ProblemKind } from '../../src/usecases/use-case.errors.js';

const root = join(import.meta.dirname, '..', '..');

/** Words that are English and not Danish (a Danish sentence has none of them). */
const english = /\b(you|may|not|the|must|does|exist|exists|only|this|that|create|change|edit|register|administer|already|cannot|please|of|with|is|are|has|which|from|sign|meeting|item|should|been|was|were|your|could|would)\b/i;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (/\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

/** The fixed text of a string literal or template (substitutions left out). */
function fixedText(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … ');
  if (ts.isConditionalExpression(node)) {
    const a = fixedText(node.whenTrue);
    const b = fixedText(node.whenFalse);
    return a !== undefined && b !== undefined ? `${a} / ${b}` : undefined;
  }
  return undefined;
}

/** Which argument of each refusal-making call is the Danish text. */
const danishArg: Record<string, number | 'last'> = { forbidden: 1, invalid: 2, stateError: 1, guard: 3, requireSecretariat: 'last', requireMember: 'last' };

type Found = { where: string; text: string };

function danishTexts(): Found[] {
  const found: Found[] = [];
  for (const file of [...filesUnder(join(root, 'src')), ...filesUnder(join(root, 'bot'))]) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      let arg: ts.Expression | undefined;
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        const at = name ? danishArg[name] : undefined;
        if (at !== undefined) arg = node.arguments[at === 'last' ? node.arguments.length - 1 : at];
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'UseCaseError') {
        arg = node.arguments?.[3];
      }
      const text = arg && fixedText(arg);
      if (text !== undefined) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push({ where: `${relative(root, file)}:${line + 1}`, text });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('refusal texts', () => {
  it('finds the refusals in the code (the scan itself works)', () => {
    const texts = danishTexts();
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.map((t) => t.text)).toContain('Kun regionens sekretariat må ændre regionens lukkedage');
    // The HTTP guard's Danish action, e.g. "Du har ikke ret til at oprette dette forum".
    expect(texts.map((t) => t.text)).toContain('oprette dette forum');
    // The Danish action given to the meeting workflow's secretariat check.
    expect(texts.filter((t) => t.where.startsWith('src/usecases/meetings/')).length).toBeGreaterThan(10);
  });

  it('has no English words in the Danish text of any refusal', () => {
    const offenders = danishTexts().filter((t) => english.test(t.text));
    expect(offenders).toEqual([]);
  });

  it.each<ProblemKind>(['validation', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'deadline_passed', 'invalid_state'])(
    'gives a %s refusal without its own Danish text a Danish one',
    (kind) => {
      const text = fallbackDanish(kind, [{ field: 'name', reason: 'must not be empty' }]);
      expect(text).not.toMatch(english);
      expect(text).not.toContain('must not be empty');
    },
  );

  it('says in Danish what does not exist, and falls back to Danish for refusals given in English only', () => {
    expect(notFound('forum', 'x').messageDa).toBe('Forummet "x" findes ikke');
    expect(notFound('meeting', 'm1').messageDa).toBe('Mødet "m1" findes ikke');
    for (const what of ['agenda item', 'attachment', 'closed day', 'dead letter', 'document version', 'forum kind', 'membership', 'organisation', 'person', 'proposal', 'region']) {
      expect(danishNoun(what)).not.toBe('det ønskede');
      expect(notFound(what, 'x').messageDa).not.toMatch(english);
    }
    expect(invalid('kind', 'is unknown').messageDa).toBe('Feltet "kind" har en ugyldig værdi');
    expect(forbidden('You may not do that').messageDa).toBe('Du har ikke ret til at gøre dette');
  });
});
