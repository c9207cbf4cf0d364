/**
 * Readers for the deployment files, shared by the ship tests. Bicep cannot be
 * compiled on this machine, so it is read structurally: `param`/`output`
 * declarations, module blocks and their params (simple, line-based parsing that
 * fits the style of infra/*.bicep; a construct it does not understand makes the
 * tests fail rather than pass).
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { parseDocument } from 'yaml';

export const root = resolve(import.meta.dirname, '../..');
export const read = (rel: string) => readFileSync(join(root, rel), 'utf8');
export const exists = (rel: string) => existsSync(join(root, rel));

export function parseEnv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(t);
    if (!m) throw new Error(`bad env line: ${line}`);
    out.set(m[1]!, m[2]!);
  }
  return out;
}

export const placeholders = (text: string) => [...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!);

export type BicepParam = { name: string; type: string; hasDefault: boolean; secure: boolean };
export type BicepFile = { params: BicepParam[]; outputs: { name: string; type: string; expr: string }[]; modules: { name: string; path: string; paramKeys: string[] }[]; text: string };

export function parseBicep(rel: string): BicepFile {
  const text = read(rel);
  const lines = text.split(/\r?\n/);
  const params: BicepParam[] = [];
  const outputs: BicepFile['outputs'] = [];
  const modules: BicepFile['modules'] = [];
  lines.forEach((line, i) => {
    const p = /^param\s+(\w+)\s+(\w+)(\s*=.*)?$/.exec(line);
    if (p) {
      // Decorators sit on the lines just above.
      let j = i - 1;
      let secure = false;
      while (j >= 0 && lines[j]!.startsWith('@')) secure ||= lines[j--]!.startsWith('@secure()');
      params.push({ name: p[1]!, type: p[2]!, hasDefault: Boolean(p[3]), secure });
    }
    const o = /^output\s+(\w+)\s+(\w+)\s*=\s*(.*)$/.exec(line);
    if (o) outputs.push({ name: o[1]!, type: o[2]!, expr: o[3]! });
    const m = /^module\s+(\w+)\s+'([^']+)'\s*=\s*\{/.exec(line);
    if (m) {
      // The module's params block: keys indented exactly 4 spaces until the block closes.
      const keys: string[] = [];
      let inParams = false;
      for (let k = i + 1; k < lines.length && lines[k] !== '}'; k++) {
        const l = lines[k]!;
        if (/^ {2}params:\s*\{\s*$/.test(l)) inParams = true;
        else if (/^ {2}params:\s*\{(.*)\}\s*$/.test(l)) {
          for (const kv of /^ {2}params:\s*\{(.*)\}\s*$/.exec(l)![1]!.split(',')) keys.push(kv.split(':')[0]!.trim());
        } else if (inParams && /^ {2}\}/.test(l)) inParams = false;
        else if (inParams) {
          const key = /^ {4}(\w+):/.exec(l);
          if (key) keys.push(key[1]!);
        }
      }
      modules.push({ name: m[1]!, path: join(dirname(rel), m[2]!), paramKeys: keys });
    }
  });
  return { params, outputs, modules, text };
}

export type Step = { stage: string; index: number; uses: string; with: Record<string, unknown>; writeToEnvironmentFile: Record<string, string>; comment: string };

export function teamsappSteps(rel = 'teamsapp.yml'): { steps: Step[]; doc: ReturnType<typeof parseDocument> } {
  const doc = parseDocument(read(rel));
  if (doc.errors.length) throw new Error(doc.errors.map((e) => e.message).join('; '));
  const steps: Step[] = [];
  for (const stage of ['provision', 'deploy', 'publish']) {
    const seq = doc.get(stage) as { items: any[]; commentBefore?: string } | undefined;
    if (!seq) continue;
    seq.items.forEach((item, index) => {
      const js = item.toJSON();
      // yaml attaches the comment above the first item to the sequence itself.
      const comment = (item.commentBefore ?? (index === 0 ? seq.commentBefore : '') ?? '').trim();
      steps.push({ stage, index, uses: js.uses, with: js.with ?? {}, writeToEnvironmentFile: js.writeToEnvironmentFile ?? {}, comment });
    });
  }
  return { steps, doc };
}
