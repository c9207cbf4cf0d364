/**
 * Who is calling. In a tenant: the tab's SSO token (Authorization: Bearer),
 * validated on every call, and the person found by tenant + object id from the
 * validated claims only. In the embedded mode (and only when no real identity is
 * configured): the dev sign-in, a demo person picked by id (cookie
 * `samraad_dev_person` set by POST /api/dev/sign-in, or header
 * `X-Samraad-Dev-Person`).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Person } from '../../domain/registry/registry.model.js';
import { UseCaseError } from '../../usecases/use-case.errors.js';

export type RequestIdentity =
  | { kind: 'anonymous' }
  | { kind: 'person'; person: Person; via: 'sso' | 'dev' };

export type IdentityDeps = {
  devSignIn: boolean;
  findPersonById(id: string): Promise<Person | undefined>;
  findPersonByEntra(tenantId: string, objectId: string): Promise<Person | undefined>;
  /** First sign-in: binds the validated token's ids to the unbound person with the token's user name as e-mail; throws a refusal otherwise. */
  bindOnFirstSignIn?: (claims: { tenantId: string; objectId: string; upn: string }) => Promise<Person>;
  /** Validates an SSO bearer token; throws on any refusal. Absent when no identity is configured. */
  validateSsoToken?: (token: string) => Promise<{ tenantId: string; objectId: string; upn?: string }>;
};

export const DEV_COOKIE = 'samraad_dev_person';

/** The connection's own peer address (never X-Forwarded-For) is this machine. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\./.test(a);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    identity: RequestIdentity;
  }
}

export async function resolveIdentity(request: FastifyRequest, deps: IdentityDeps): Promise<RequestIdentity> {
  const auth = request.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(.+)$/i.exec(auth);
    if (!m || !deps.validateSsoToken) {
      throw new UseCaseError('unauthenticated', 'The Authorization header is not a bearer token this server accepts', [{ field: 'authorization', reason: 'unsupported' }], 'Login-oplysningerne har et format, som serveren ikke accepterer');
    }
    let claims: { tenantId: string; objectId: string; upn?: string };
    try {
      claims = await deps.validateSsoToken(m[1]!);
    } catch (err) {
      throw new UseCaseError('unauthenticated', `The sign-in token was refused: ${err instanceof Error ? err.message : 'invalid'}`, [{ field: 'authorization', reason: 'token refused' }], 'Login blev afvist; log ind igen');
    }
    const person =
      (await deps.findPersonByEntra(claims.tenantId, claims.objectId)) ??
      (deps.bindOnFirstSignIn ? await deps.bindOnFirstSignIn({ tenantId: claims.tenantId, objectId: claims.objectId, upn: claims.upn ?? '' }) : undefined);
    if (!person) throw new UseCaseError('forbidden', 'You are signed in, but you are not registered in Samraad. Ask your secretariat to add you.', [], 'Du er logget ind, men er ikke registreret i Samraad. Bed sekretariatet om at tilføje dig.');
    return { kind: 'person', person, via: 'sso' };
  }
  if (deps.devSignIn) {
    const id = (request.headers['x-samraad-dev-person'] as string | undefined) ?? readCookie(request.headers.cookie, DEV_COOKIE);
    if (id && !isLoopback(request.socket?.remoteAddress)) {
      // A development server exposed by mistake must not let the network pick a person (issue 14).
      throw new UseCaseError('forbidden', 'The dev sign-in is accepted only from this machine (loopback)', [{ field: 'x-samraad-dev-person', reason: 'not from loopback' }], 'Demo-login accepteres kun fra denne maskine (loopback)');
    }
    if (id) {
      const person = await deps.findPersonById(id);
      if (!person) throw new UseCaseError('unauthenticated', `Dev sign-in: no person "${id}"`, [{ field: 'x-samraad-dev-person', reason: 'unknown person' }], `Udviklerlogin: personen "${id}" findes ikke`);
      return { kind: 'person', person, via: 'dev' };
    }
  }
  return { kind: 'anonymous' };
}

export function requirePerson(request: FastifyRequest): Person {
  if (request.identity.kind !== 'person') {
    throw new UseCaseError(
      'unauthenticated',
      'Sign in first (in Teams this happens by itself; in the embedded mode use the dev sign-in).',
      [],
      'Log ind først (i Teams sker det af sig selv; i den lokale udgave: vælg en demo-person).',
    );
  }
  return request.identity.person;
}

export function setDevCookie(reply: FastifyReply, personId: string | null) {
  const value = personId ? encodeURIComponent(personId) : '';
  const maxAge = personId ? 60 * 60 * 24 * 30 : 0;
  reply.header('set-cookie', `${DEV_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}`);
}
