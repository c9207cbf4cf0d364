/**
 * People and identity (issue 14): editing a person is the region secretariat's (or a
 * tenant administrator's) right and is audited in the person's forums and region; the
 * Entra object id and tenant come only from a validated sign-in token (the first
 * sign-in binds, an administrator releases with a reason), never from a form; PATCH
 * changes only what it sends, PUT refuses a partial record; reads show contact details
 * only to who shares a forum with the person or serves as their secretariat; dead
 * letters only to the secretariat of their forum.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { registryRepository } from '../../src/adapters/db/registry.repository.js';
import { DEAD_LETTER_QUEUE } from '../../src/adapters/queue/job-queue.js';
import { TENANT_ADMIN } from '../../src/domain/access/access.policy.js';
import { backends } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';

const REGION = 'Region Midtjylland';
const regionSecretary = 'camilla-holm'; // chair of the Fælles sekretariat (the region's joint secretariat)
const focusCoChair = 'jens-aa'; // co-chair of a focus group in the west cluster
const clusterSecretary = 'nina-hald'; // secretary of midt-ksg
const administrator = 'ada-admin';
const ATTACKER_OID = '0b6a5c8e-1111-4222-8333-944455556666';
const ATTACKER_TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

type Res = { status: number; body: any; type: string };

function caller(app: TestApp) {
  return async (method: string, path: string, as?: string | { bearer: string }, body?: unknown): Promise<Res> => {
    const auth = typeof as === 'string' ? app.as(as) : as ? { authorization: `Bearer ${as.bearer}` } : {};
    const r = await fetch(app.url + path, { method, headers: { ...auth, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await r.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { status: r.status, body: parsed, type: r.headers.get('content-type') ?? '' };
  };
}

describe.each(backends)('people and identity on $name', (backend) => {
  let app: TestApp;
  let call: ReturnType<typeof caller>;
  beforeAll(async () => {
    app = await startTestApp(backend);
    call = caller(app);
    await registryRepository(app.deps.database.db).insertPerson({ id: administrator, name: 'Ada Admin', email: 'ada.admin@rm.dk', hasTeams: true });
    await registryRepository(app.deps.database.db).grantPlatformRole(administrator, TENANT_ADMIN, 'test');
  });
  afterAll(async () => app?.close());

  const dorte = async () => registryRepository(app.deps.database.db).getPerson('dorte-bach');
  const audit = async (path: string, as: string) => {
    const r = await call('GET', path, as);
    expect(r.status).toBe(200);
    return r.body as { action: string; outcome: string; actorPersonId?: string; target?: string; forumId?: string; detail?: Record<string, unknown> }[];
  };

  it("refuses a co-chair's identity takeover of the region secretary with 403, writes nothing, and audits it in her forums and her region", async () => {
    const before = await dorte();
    const takeover = { name: 'Dorte Bach', email: 'attacker@example.com', entraObjectId: ATTACKER_OID, tenantId: ATTACKER_TENANT };
    for (const method of ['PUT', 'PATCH']) {
      const r = await call(method, '/api/people/dorte-bach', focusCoChair, method === 'PUT' ? { ...takeover, title: null, organisationId: 'rm', hasTeams: true } : takeover);
      expect(r.status).toBe(403);
      expect(r.type).toMatch(/^application\/problem\+json/);
      expect(r.body.detailDa).toBeTruthy();
    }
    // A forum secretariat (not the region's) is refused as well.
    expect((await call('PATCH', '/api/people/dorte-bach', clusterSecretary, { email: 'x@example.com' })).status).toBe(403);
    expect(await dorte()).toEqual(before);
    // Dorte's forums' audit views (she is secretary of skuu, so she reads its log) and the region's show the attempt.
    const skuu = await audit('/api/forums/skuu/audit', 'dorte-bach');
    expect(skuu).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'person.update', outcome: 'refused', actorPersonId: focusCoChair, target: 'dorte-bach', forumId: 'skuu' })]));
    const region = await audit(`/api/regions/${encodeURIComponent(REGION)}/audit`, regionSecretary);
    const attempts = region.filter((e) => e.target === 'dorte-bach' && e.outcome === 'refused');
    expect(attempts.map((e) => e.actorPersonId)).toEqual(expect.arrayContaining([focusCoChair, clusterSecretary]));
    expect(attempts[0]!.detail).toMatchObject({ region: REGION });
    // The region's audit is the region secretariat's.
    expect((await call('GET', `/api/regions/${encodeURIComponent(REGION)}/audit`, focusCoChair)).status).toBe(403);
  });

  it('refuses the Entra object id and tenant from any form, even from the region secretariat or an administrator (400 naming the field)', async () => {
    const before = await dorte();
    for (const [who, method, body, field] of [
      [regionSecretary, 'PATCH', { entraObjectId: ATTACKER_OID }, 'entraObjectId'],
      [administrator, 'PATCH', { tenantId: ATTACKER_TENANT }, 'tenantId'],
      [regionSecretary, 'PUT', { name: 'Dorte Bach', title: null, organisationId: 'rm', email: 'dorte.bach@rm.dk', hasTeams: true, entraObjectId: ATTACKER_OID }, 'entraObjectId'],
    ] as const) {
      const r = await call(method, '/api/people/dorte-bach', who, body);
      expect(r.status).toBe(400);
      expect(r.type).toMatch(/^application\/problem\+json/);
      expect(r.body.errors).toEqual([expect.objectContaining({ field })]);
      expect(r.body.detailDa).toContain(field);
    }
    expect(await dorte()).toEqual(before);
    const created = await call('POST', '/api/people', clusterSecretary, { id: 'ny-person', name: 'Ny Person', tenantId: ATTACKER_TENANT });
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([expect.objectContaining({ field: 'tenantId' })]);
    expect(await registryRepository(app.deps.database.db).getPerson('ny-person')).toBeUndefined();
  });

  it('PATCH keeps the fields it does not send; PUT refuses a partial record, naming each missing field', async () => {
    const before = (await dorte())!;
    const patched = await call('PATCH', '/api/people/dorte-bach', regionSecretary, { title: 'Chefkonsulent, Fælles sekretariat' });
    expect(patched.status).toBe(200);
    expect(await dorte()).toEqual({ ...before, title: 'Chefkonsulent, Fælles sekretariat' });
    expect(before.email).toBe('dorte.bach@rm.dk');
    expect(before.organisationId).toBe('rm');

    const partial = await call('PUT', '/api/people/dorte-bach', regionSecretary, { name: 'Dorte Bach' });
    expect(partial.status).toBe(400);
    expect(partial.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'hasTeams', 'organisationId', 'title']);
    expect(partial.body.errors[0].reason).toMatch(/required in a PUT/);
    expect((await dorte())!.email).toBe('dorte.bach@rm.dk');

    // A full PUT replaces; null clears an optional field. The Entra binding is never touched by either.
    const full = await call('PUT', '/api/people/dorte-bach', administrator, { name: 'Dorte Bach', title: null, organisationId: 'rm', email: 'dorte.bach@rm.dk', hasTeams: true });
    expect(full.status).toBe(200);
    const after = (await dorte())!;
    expect(after.title).toBeUndefined();
    expect(after.email).toBe('dorte.bach@rm.dk');
    expect(after.entraObjectId).toBe(before.entraObjectId);

    // The writes are audited in the forums she sits in and in the region, with what changed.
    const tg = await audit('/api/forums/tg-somatik-voksen/audit', 'dorte-bach');
    expect(tg).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'person.update', outcome: 'ok', actorPersonId: regionSecretary, target: 'dorte-bach', detail: expect.objectContaining({ how: 'patch', changed: ['title'] }) })]));
    const region = await audit(`/api/regions/${encodeURIComponent(REGION)}/audit`, administrator);
    expect(region).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'person.update', outcome: 'ok', actorPersonId: administrator, detail: expect.objectContaining({ how: 'replace', changed: ['title'], region: REGION }) })]));
  });

  it('shows contact details only to who shares a forum with the person or serves as their secretariat, and a forum\'s members only to its readers', async () => {
    const list = async (as: string) => {
      const r = await call('GET', '/api/people', as);
      expect(r.status).toBe(200);
      return new Map((r.body as { id: string; email?: string }[]).map((p) => [p.id, p]));
    };
    // hanne-eg sits in west-cluster forums only and in no secretariat.
    const hanne = await list('hanne-eg');
    expect(hanne.get('bente-vest')?.email).toBe('bente.vest@vest.rm.dk'); // shares vest-ksg
    expect(hanne.has('pia-strand')).toBe(false);
    expect(hanne.has('dorte-bach')).toBe(false);
    expect((await call('GET', '/api/people/pia-strand', 'hanne-eg')).status).toBe(403);
    // A forum secretariat of the region sees the region's people (to add members) without contact details it has no claim to.
    const nina = await list(clusterSecretary);
    expect(nina.get('pia-strand')?.email).toBe('pia.strand@plo.dk'); // shares midt-ksg
    expect(nina.get('hanne-eg')).toBeDefined();
    expect(nina.get('hanne-eg')).not.toHaveProperty('email');
    expect(nina.get('hanne-eg')).not.toHaveProperty('entraObjectId');
    // The region's secretariat and an administrator see everyone's.
    expect((await list(regionSecretary)).get('hanne-eg')?.email).toBe('hanne.eg@herning.dk');
    expect((await list(administrator)).get('hanne-eg')?.email).toBe('hanne.eg@herning.dk');
    // A forum's members: its members and the secretariat above it or of the region.
    expect((await call('GET', '/api/forums/vest-ksg/members', 'pia-strand')).status).toBe(403);
    expect((await call('GET', '/api/memberships?forumId=vest-ksg', 'pia-strand')).status).toBe(403);
    expect((await call('GET', '/api/forums/vest-ksg/members', 'hanne-eg')).status).toBe(200);
    expect((await call('GET', '/api/forums/vest-ksg/members', regionSecretary)).status).toBe(200);
    const unfiltered = (await call('GET', '/api/memberships', 'pia-strand')).body as { forumId: string }[];
    expect(unfiltered.some((m) => m.forumId === 'vest-ksg')).toBe(false);
    expect(unfiltered.some((m) => m.forumId === 'midt-ksg')).toBe(true);
    // Anonymous readers get only what is published (the public pages), not the registry.
    for (const path of ['/api/people', '/api/organisations', '/api/forums', '/api/forums/vest-ksg/terms']) expect((await call('GET', path)).status).toBe(401);
  });

  it('shows and retries dead letters only for the forums the secretariat serves', async () => {
    const boss = app.deps.queue.boss;
    const west = await boss.send(DEAD_LETTER_QUEUE, { forumId: 'vest-ksg' });
    const midt = await boss.send(DEAD_LETTER_QUEUE, { forumId: 'midt-ksg' });
    const ids = async (as: string) => ((await call('GET', '/api/jobs/dead-letters', as)).body as { id: string }[]).map((d) => d.id);
    expect(await ids('bente-vest')).toEqual(expect.arrayContaining([west]));
    expect(await ids('bente-vest')).not.toContain(midt);
    expect(await ids(clusterSecretary)).toEqual(expect.arrayContaining([midt]));
    expect(await ids(clusterSecretary)).not.toContain(west);
    expect(await ids(administrator)).toEqual(expect.arrayContaining([west, midt]));
    // Another forum's job is unknown to the caller: 404, and it stays.
    expect((await call('POST', `/api/jobs/dead-letters/${west}/retry`, clusterSecretary)).status).toBe(404);
    expect(await ids('bente-vest')).toContain(west);
    expect((await call('GET', '/api/jobs/dead-letters', 'pia-strand')).status).toBe(403);
  });
});

describe.each(backends)('Entra binding from the sign-in token on $name', (backend) => {
  const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const CLIENT_ID = '6c1f4b52-0d51-4c8e-a3a4-54b1e3f7d9a1';
  const APP_ID_URI = `api://samraad.example.dk/${CLIENT_ID}`;
  const TEAMS_DESKTOP = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
  const DORTE_OID = '0b6a5c8e-2222-4222-8333-944455556666';
  const NEW_OID = '0b6a5c8e-3333-4222-8333-944455556666';
  const ADMIN_OID = '0b6a5c8e-4444-4222-8333-944455556666';
  let app: TestApp;
  let call: ReturnType<typeof caller>;
  let key: { priv: CryptoKey; jwk: JWK };

  const token = async (oid: string, upn: string) =>
    new SignJWT({ aud: APP_ID_URI, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, tid: TENANT, oid, azp: TEAMS_DESKTOP, scp: 'access_as_user', name: upn, preferred_username: upn, ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', kid: key.jwk.kid!, typ: 'JWT' })
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime('1h')
      .sign(key.priv);
  const as = async (oid: string, upn: string) => ({ bearer: await token(oid, upn) });

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    key = { priv: privateKey, jwk: { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' } };
    app = await startTestApp(backend, {
      env: { NODE_ENV: 'development', AAD_APP_CLIENT_ID: CLIENT_ID, AAD_APP_ID_URI: APP_ID_URI, ALLOWED_TENANT_IDS: TENANT },
      // Entra's key endpoint is the edge: the test's own key stands in for it.
      fetchJwks: async () => ({ keys: [key.jwk] }),
    });
    call = caller(app);
    await registryRepository(app.deps.database.db).insertPerson({ id: 'ada-admin', name: 'Ada Admin', email: 'ada.admin@rm.dk', hasTeams: true });
    await registryRepository(app.deps.database.db).grantPlatformRole('ada-admin', TENANT_ADMIN, 'test');
  });
  afterAll(async () => app?.close());
  const person = async (id: string) => registryRepository(app.deps.database.db).getPerson(id);

  it('binds on the first sign-in (by the e-mail the token names), audits it, and finds the person by the binding afterwards', async () => {
    expect(app.config.devSignIn).toBe(false);
    expect((await person('dorte-bach'))?.entraObjectId).toBeUndefined();
    const me = await call('GET', '/api/me', await as(DORTE_OID, 'Dorte.Bach@rm.dk'));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ signedIn: true, via: 'sso', person: { id: 'dorte-bach' } });
    expect(await person('dorte-bach')).toMatchObject({ entraObjectId: DORTE_OID, tenantId: TENANT });
    // Found by the binding now, whatever the token's user name says.
    expect((await call('GET', '/api/me', await as(DORTE_OID, 'someone.else@rm.dk'))).body).toMatchObject({ person: { id: 'dorte-bach' } });
    const skuu = (await call('GET', '/api/forums/skuu/audit', await as(DORTE_OID, 'dorte.bach@rm.dk'))).body as { action: string; target: string }[];
    expect(skuu).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'person.identity.bind', target: 'dorte-bach' })]));
  });

  it('refuses a second account for a bound person and an unregistered user, with 403', async () => {
    const other = await call('GET', '/api/me', await as(NEW_OID, 'dorte.bach@rm.dk'));
    expect(other.status).toBe(403);
    expect(other.type).toMatch(/^application\/problem\+json/);
    expect(other.body.detail).toMatch(/already bound/);
    expect((await call('GET', '/api/me', await as(NEW_OID, 'nobody@example.com'))).status).toBe(403);
    expect((await person('dorte-bach'))?.entraObjectId).toBe(DORTE_OID);
  });

  it('lets an administrator release the binding with a reason; the next sign-in binds the new account', async () => {
    const admin = await as(ADMIN_OID, 'ada.admin@rm.dk');
    // Only an administrator, and only with a reason.
    expect((await call('POST', '/api/people/dorte-bach/identity/release', await as(DORTE_OID, 'dorte.bach@rm.dk'), { reason: 'Ny konto' })).status).toBe(403);
    const noReason = await call('POST', '/api/people/dorte-bach/identity/release', admin, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const released = await call('POST', '/api/people/dorte-bach/identity/release', admin, { reason: 'Ny Microsoft-konto efter fusion' });
    expect(released.status).toBe(200);
    expect(released.body.entraObjectId).toBeUndefined();
    expect((await person('dorte-bach'))?.entraObjectId).toBeUndefined();
    // The new account (the tenant's user with her e-mail as user name) signs in first and is bound; the old one is now refused.
    expect((await call('GET', '/api/me', await as(NEW_OID, 'dorte.bach@rm.dk'))).body).toMatchObject({ person: { id: 'dorte-bach' } });
    expect(await person('dorte-bach')).toMatchObject({ entraObjectId: NEW_OID, tenantId: TENANT });
    expect((await call('GET', '/api/me', await as(DORTE_OID, 'dorte.bach@rm.dk'))).status).toBe(403);
    const region = (await call('GET', `/api/regions/${encodeURIComponent(REGION)}/audit`, admin)).body as { action: string; detail?: Record<string, unknown> }[];
    expect(region).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'person.identity.release', detail: expect.objectContaining({ reason: 'Ny Microsoft-konto efter fusion', previous: { tenantId: TENANT, objectId: DORTE_OID } }) }),
    ]));
  });
});
