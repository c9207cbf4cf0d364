/**
 * The layer rules of eslint.config.js fail on a scratch file that breaks them
 * (and stay quiet on the same import where it is allowed). Uses the project's
 * real config, without type information so it runs in seconds: the layer and
 * swallowed-error rules are syntactic.
 */
import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';

const eslint = new ESLint({
  cache: false,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rules (scratch files)', () => {
  it('refuse the domain importing anything of ours outside src/domain', async () => {
    expect(await problems('src/domain/scratch.ts', "import type { Database } from '../adapters/db/database.js';\nexport type X = Database;\n")).toEqual([
      expect.stringContaining('samraad/layers: src/domain/scratch.ts may not import "../adapters/db/database.js"'),
    ]);
    expect(await problems('src/domain/meetings/scratch.ts', "export const load = () => import('../../usecases/ports/store.port.js');\n")).toHaveLength(1);
    expect(await problems('src/domain/meetings/scratch.ts', "export type { Meeting } from '../../entry/app.js';\n")).toHaveLength(1);
    expect(await problems('src/domain/meetings/scratch.ts', "import type { Meeting } from './meeting.model.js';\nimport { DateTime } from 'luxon';\nexport type X = Meeting;\nexport const d = DateTime;\n")).toEqual([]);
  });

  it('refuse use cases importing adapters, entry or bot/', async () => {
    for (const spec of ['../../adapters/db/workflow.repository.js', '../../entry/app.js', '../../../bot/bot.ports.js']) {
      expect(await problems('src/usecases/meetings/scratch.ts', `import type { X } from '${spec}';\nexport type Y = X;\n`)).toEqual([
        expect.stringContaining('samraad/layers'),
      ]);
    }
    expect(await problems('src/usecases/meetings/scratch.ts', "import type { WorkflowStore } from '../ports/workflow.port.js';\nexport type Y = WorkflowStore;\n")).toEqual([]);
  });

  it('keep the Graph SDK in the Graph adapter and botbuilder in bot/', async () => {
    const graph = "import { Client } from '@microsoft/microsoft-graph-client';\nexport const c = Client;\n";
    expect(await problems('src/entry/scratch.ts', graph)).toEqual([expect.stringContaining('only the Graph adapter')]);
    expect(await problems('src/usecases/scratch.ts', graph)).toHaveLength(1);
    expect(await problems('src/adapters/graph/scratch.ts', graph)).toEqual([]);
    const bot = "import { TeamsActivityHandler } from 'botbuilder';\nimport { ConnectorClient } from 'botframework-connector';\nexport const t = [TeamsActivityHandler, ConnectorClient];\n";
    expect(await problems('src/entry/scratch.ts', bot)).toHaveLength(2);
    expect(await problems('src/adapters/db/scratch.ts', bot)).toHaveLength(2);
    expect(await problems('bot/scratch.ts', bot)).toEqual([]);
  });

  it('let tests wire real adapters', async () => {
    expect(await problems('src/usecases/meetings/scratch.spec.ts', "import type { Database } from '../../adapters/db/database.js';\nexport type X = Database;\n")).toEqual([]);
  });

  it('refuse a .catch that drops the error', async () => {
    expect(await problems('src/entry/scratch.ts', 'export const f = (p: Promise<void>) => p.catch(() => undefined);\n')).toEqual([
      expect.stringContaining('samraad/no-swallowed-catch'),
    ]);
    expect(await problems('src/entry/scratch.ts', 'export const f = (p: Promise<void>) => p.catch((err) => undefined);\n')).toHaveLength(1);
    expect(await problems('src/entry/scratch.ts', 'export const f = (p: Promise<void>) => p.catch((err: unknown) => console.warn(err));\n')).toEqual([]);
  });
});
