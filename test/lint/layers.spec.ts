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

  it('keep src/shared to itself: no module of ours outside it, no package', async () => {
    expect(await problems('src/shared/scratch.ts', "import type { Meeting } from '../domain/meetings/meeting.model.js';\nexport type X = Meeting;\n")).toEqual([
      expect.stringContaining('samraad/layers: src/shared/scratch.ts may not import "../domain/meetings/meeting.model.js"'),
    ]);
    expect(await problems('src/shared/scratch.ts', "import { DateTime } from 'luxon';\nexport const d = DateTime;\n")).toEqual([expect.stringContaining('src/shared imports no package')]);
    expect(await problems('src/shared/scratch.ts', "import { mulberry32 } from './seeded-random.js';\nimport { createHash } from 'node:crypto';\nexport const x = [mulberry32, createHash];\n")).toEqual([]);
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

  it('keep the response contracts to zod and the domain, and the domain off them', async () => {
    expect(await problems('src/contracts/scratch.contract.ts', "import { listForums } from '../usecases/registry/registry.usecases.js';\nexport const x = listForums;\n")).toEqual([
      expect.stringContaining('samraad/layers: src/contracts/scratch.contract.ts may not import "../usecases/registry/registry.usecases.js"'),
    ]);
    expect(await problems('src/contracts/scratch.contract.ts', "import type { HttpContext } from '../entry/http/http-context.js';\nexport type X = HttpContext;\n")).toHaveLength(1);
    expect(await problems('src/contracts/scratch.contract.ts', "import { Type } from 'fastify';\nexport const t = Type;\n")).toEqual([expect.stringContaining('response contracts import only zod')]);
    expect(await problems('src/contracts/scratch.contract.ts', "import { z } from 'zod';\nimport { id } from '../domain/registry/registry.model.js';\nimport { ForumResponse } from './registry.contract.js';\nexport const X = z.object({ id, forum: ForumResponse });\n")).toEqual([]);
    expect(await problems('src/domain/registry/scratch.ts', "import type { ForumResponse } from '../../contracts/registry.contract.js';\nexport type X = ForumResponse;\n")).toEqual([
      expect.stringContaining('src/domain is pure'),
    ]);
  });

  it('let the tab take only types from the contracts, and no response type written by hand', async () => {
    const head = "import { api } from '../api.js';\n";
    expect(await problems('src/tab/screens/Scratch.tsx', `${head}import { ForumResponse } from '../../contracts/registry.contract.js';\nexport const f = () => api<typeof ForumResponse>('/api/forums/x');\n`)).toEqual([
      expect.stringContaining('the tab takes only the types of the response contracts'),
      expect.stringContaining('samraad/tab-response-types'),
    ]);
    expect(await problems('src/tab/screens/Scratch.tsx', `${head}export const f = () => api<{ moved: boolean }>('/api/meetings/x');\n`)).toEqual([
      expect.stringContaining('samraad/tab-response-types: an object type written by hand'),
    ]);
    // A local alias written by hand, declared after its use, is caught too; so is adding fields to a contract type.
    expect(await problems('src/tab/screens/Scratch.tsx', `${head}export const f = () => api<Forum[]>('/api/forums');\ntype Forum = { id: string; name: string };\n`)).toHaveLength(1);
    expect(await problems('src/tab/screens/Scratch.tsx', `${head}import type { ForumResponse } from '../../contracts/registry.contract.js';\nexport const f = () => api<ForumResponse & { extra: string }>('/api/forums/x');\n`)).toEqual([
      expect.stringContaining('an intersection'),
    ]);
    // A *.types.ts module of the tab must itself be built from contracts.
    expect(await problems('src/tab/screens/scratch.types.ts', 'export type Forum = { id: string };\n')).toHaveLength(1);
    expect(
      await problems(
        'src/tab/screens/Scratch.tsx',
        `${head}import type { ForumResponse, ForumViewResponse } from '../../contracts/registry.contract.js';\nimport type { MeetingView } from './meeting.types.js';\ntype View = ForumViewResponse;\nexport const f = () => [api<View>('/a'), api<ForumResponse[]>('/b'), api<MeetingView>('/c'), api<NonNullable<ForumViewResponse['parent']>>('/d'), api<unknown>('/e')];\n`,
      ),
    ).toEqual([]);
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
