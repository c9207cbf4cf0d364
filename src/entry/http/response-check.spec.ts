/**
 * The response check (response-check.ts): the JSON sent is what the route
 * returned; in strict mode a response its schema does not allow, or one with a
 * field the schema does not name (the zod serializer would have dropped it), is
 * a 500; in warn mode it is logged; off, it is not looked at.
 */
import { describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { firstDifference, responseProblem, responseSerializerCompiler } from './response-check.js';
import { installErrorHandling } from './problem.js';
import type { ResponseCheck } from '../../config/config.js';

const Item = z.object({ id: z.string(), tags: z.array(z.string()), note: z.string().optional() });

async function serve(mode: ResponseCheck, body: unknown) {
  const warnings: string[] = [];
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler(mode, { warn: (o) => warnings.push((o as { problem: string }).problem) }));
  installErrorHandling(app);
  app.get('/x', { schema: { response: { 200: Item } } }, async () => body as z.output<typeof Item>);
  const res = await app.inject({ method: 'GET', url: '/x' });
  await app.close();
  return { status: res.statusCode, body: res.body, warnings };
}

describe('the response check', () => {
  it('sends what the route returned when it matches its schema', async () => {
    for (const mode of ['off', 'warn', 'strict'] as const) {
      const r = await serve(mode, { id: 'a', tags: ['x'] });
      expect(r).toEqual({ status: 200, body: '{"id":"a","tags":["x"]}', warnings: [] });
    }
  });

  it('refuses in strict mode a field the schema does not name, and says where', async () => {
    const r = await serve('strict', { id: 'a', tags: [], secret: 1 });
    expect(r.status).toBe(500);
    expect(responseProblem(Item, { id: 'a', tags: [], secret: 1 })).toBe('$.secret: not in the response schema (it would be dropped)');
  });

  it('refuses in strict mode a response the schema does not allow', async () => {
    expect((await serve('strict', { id: 'a', tags: [7] })).status).toBe(500);
    expect((await serve('strict', { tags: [] })).status).toBe(500);
    expect(responseProblem(Item, { id: 'a', tags: [7] })).toMatch(/^\$\.tags\[0\]: /);
  });

  it('in warn mode logs the problem and still sends the whole response', async () => {
    const r = await serve('warn', { id: 'a', tags: [], secret: 1 });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ id: 'a', tags: [], secret: 1 });
    expect(r.warnings).toEqual(['$.secret: not in the response schema (it would be dropped)']);
  });

  it('off, sends the response unchecked, as the route returned it', async () => {
    expect(await serve('off', { id: 'a', tags: [7], secret: 1 })).toEqual({ status: 200, body: '{"id":"a","tags":[7],"secret":1}', warnings: [] });
  });

  it('finds the first difference deep inside', () => {
    expect(firstDifference({ a: [{ b: 1, c: 2 }] }, { a: [{ b: 1 }] })).toBe('$.a[0].c: not in the response schema (it would be dropped)');
    expect(firstDifference({ a: [1, 2] }, { a: [1] })).toBe('$.a: 2 elements, the schema keeps 1');
    expect(firstDifference({ a: ' x' }, { a: 'x' })).toBe('$.a: " x" becomes "x"');
    expect(firstDifference({ a: { b: null } }, { a: { b: null } })).toBeNull();
  });
});
