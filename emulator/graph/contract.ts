/**
 * Contract checker for Microsoft Graph v1.0 requests (dev and test only).
 *
 * What it does: loads the official OpenAPI subset in ../shared/reference (or
 * GRAPH_REFERENCE_DIR), matches method + path template, validates JSON bodies with
 * ajv as the reference README describes, also reports body keys the schema does not
 * know (ajv alone lets typos through: no schema sets additionalProperties: false),
 * checks required query parameters and rejects `$` system query options the
 * operation does not list. Path-addressed drive items (`root:/a/b:/content`,
 * `items/{id}:/name:/createUploadSession`, `items/{id}:/name:`) are normalised to
 * their `items/{driveItem-id}` operation. `$batch` is checked per sub-request.
 * Every matched operation is recorded, so a test can list what it covered.
 *
 * What it does not do: validate response bodies, headers other than Content-Type,
 * or the opaque upload-session URLs (they are not Graph paths).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with a default export; under NodeNext its type is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => void;

type Json = Record<string, unknown>;
type OpenApi = {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; parameters: Record<string, Json> };
};

export type ContractRequest = {
  method: string;
  /** Path (with query) relative to the version root, or an absolute URL; `/v1.0` is stripped. */
  url: string;
  headers?: Record<string, string | undefined>;
  /** Parsed JSON body, or a Buffer/Uint8Array for binary bodies, or undefined. */
  body?: unknown;
  /** Set for batch sub-requests: query checks apply, but the Content-Type rule is the batch's. */
  inBatch?: boolean;
};

export type ContractMatch = {
  ok: true;
  /** "POST /users/{user-id}/events" */
  operation: string;
  template: string;
  params: Record<string, string>;
  /** For path-addressed drive items: the `:/{path}:` part (decoded), relative to the addressed item. */
  itemPath?: string;
  query: URLSearchParams;
};
export type ContractFailure = { ok: false; kind: 'unknown-route' | 'violation'; errors: string[]; operation?: string };
export type ContractResult = ContractMatch | ContractFailure;

export type ContractChecker = {
  check(req: ContractRequest): ContractResult;
  /** Checks the envelope of a `$batch` body and every sub-request; item results are in request order. */
  checkBatch(body: unknown): { ok: boolean; errors: string[]; items: ContractResult[] };
  /** Operations matched so far ("METHOD template"), sorted. */
  covered(): string[];
  /** Every operation of the reference subset. */
  operations(): string[];
  resetCoverage(): void;
};

const BASE = 'https://graph.reference.invalid/v1.0.json';
// OData open types: their instances carry dynamic properties (SharePoint columns), so any key is legitimate.
const OPEN_TYPES = new Set(['microsoft.graph.fieldValueSet']);
const SYSTEM_OPTIONS_ALWAYS_ALLOWED = new Set(['$skiptoken', '$deltatoken']);

export function referenceDir(): string {
  if (process.env.GRAPH_REFERENCE_DIR) return path.resolve(process.env.GRAPH_REFERENCE_DIR);
  const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
  return path.resolve(projectRoot, '../shared/reference');
}

type Route = { template: string; re: RegExp; names: string[] };
type Loaded = { spec: OpenApi; ajv: Ajv; routes: Route[]; validators: Map<string, ValidateFunction> };
const cache = new Map<string, Loaded>();

function load(dir: string): Loaded {
  const hit = cache.get(dir);
  if (hit) return hit;
  const spec = JSON.parse(readFileSync(path.join(dir, 'graph-v1.0-subset.openapi.json'), 'utf8')) as OpenApi;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const f of ['int8', 'int16', 'int32', 'int64', 'uint8', 'double', 'float', 'decimal', 'base64url']) ajv.addFormat(f, true);
  ajv.addSchema({ $id: BASE, components: prepare(spec.components) });
  const routes = Object.keys(spec.paths).map((template) => {
    const names: string[] = [];
    const src = template
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\\\(\\\)$/, '(?:\\(\\))?')
      .replace(/\{([^}]+)\}/g, (_m, n: string) => {
        names.push(n);
        return '([^/]+)';
      });
    return { template, re: new RegExp('^' + src + '$'), names };
  });
  // Literal segments must win over parameters (`/root/children` before `/items/{id}`).
  routes.sort((a, b) => a.names.length - b.names.length);
  const loaded = { spec, ajv, routes, validators: new Map() };
  cache.set(dir, loaded);
  return loaded;
}

// As in the reference README: '@odata.type' is not required on input, and "X or null" is strict.
function prepare(components: OpenApi['components']): OpenApi['components'] {
  const c = structuredClone(components);
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Json;
    if (Array.isArray(o.required)) {
      o.required = (o.required as string[]).filter((r) => r !== '@odata.type');
      if (!(o.required as string[]).length) delete o.required;
    }
    if (Array.isArray(o.anyOf)) {
      o.anyOf = (o.anyOf as Json[]).map((b) =>
        b.type === 'object' && b.nullable === true && Object.keys(b).length === 2 ? { type: 'null' } : b,
      );
    }
    Object.values(o).forEach(walk);
  };
  walk(c.schemas);
  return c;
}

/** `/drives/{d}/root:/a/b:/content` -> `/drives/{d}/items/root/content` with itemPath "a/b". */
export function normaliseDrivePath(p: string): { path: string; itemPath?: string } {
  const m = /^(\/drives\/[^/]+\/(?:root|items\/[^/:]+)):\/(.*?)(?::(\/.*)?)?$/.exec(p);
  if (!m) return { path: p };
  const base = m[1]!.replace(/\/root$/, '/items/root');
  const itemPath = m[2]!.split('/').map((s) => decodeURIComponent(s)).join('/');
  return { path: base + (m[3] ?? ''), itemPath };
}

export function createContractChecker(opts: { referenceDir?: string } = {}): ContractChecker {
  const dir = opts.referenceDir ?? referenceDir();
  const { spec, ajv, routes, validators } = load(dir);
  const coverage = new Set<string>();

  const resolveParam = (p: Json): Json =>
    typeof p.$ref === 'string' ? spec.components.parameters[p.$ref.split('/').pop()!]! : p;

  const resolveSchema = (s: Json | undefined): Json | undefined => {
    if (!s) return undefined;
    if (typeof s.$ref === 'string') return spec.components.schemas[s.$ref.split('/').pop()!];
    return s;
  };

  /** Property names a schema allows, through $ref, allOf and anyOf; undefined = open (unknown shape). */
  const knownProps = (s: Json | undefined, depth = 0): Map<string, Json> | undefined => {
    if (typeof s?.$ref === 'string' && OPEN_TYPES.has(s.$ref.split('/').pop()!)) return undefined;
    const r = resolveSchema(s);
    if (!r || depth > 12) return undefined;
    const out = new Map<string, Json>();
    let closed = false;
    if (r.properties && typeof r.properties === 'object') {
      closed = true;
      for (const [k, v] of Object.entries(r.properties as Json)) out.set(k, v as Json);
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      for (const b of (r[key] as Json[] | undefined) ?? []) {
        const sub = knownProps(b, depth + 1);
        if (sub) {
          closed = true;
          for (const [k, v] of sub) out.set(k, v);
        }
      }
    }
    return closed ? out : undefined;
  };

  /** The schema a discriminator maps `odataType` to, found on the schema or its allOf bases; undefined when none does. */
  const discriminated = (s: Json | undefined, odataType: unknown, depth = 0): Json | undefined => {
    if (typeof odataType !== 'string' || depth > 6) return undefined;
    const r = resolveSchema(s);
    if (!r) return undefined;
    const mapping = (r.discriminator as { mapping?: Record<string, string> } | undefined)?.mapping;
    if (mapping?.[odataType]) return { $ref: mapping[odataType] };
    for (const b of (r.allOf as Json[] | undefined) ?? []) {
      const found = discriminated(b, odataType, depth + 1);
      if (found) return found;
    }
    return undefined;
  };

  const unknownKeys = (value: unknown, schema: Json | undefined, at: string, errors: string[], depth = 0): void => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (typeof schema?.$ref === 'string' && OPEN_TYPES.has(schema.$ref.split('/').pop()!)) return;
    const r = resolveSchema(schema);
    if (!r) return;
    if (Array.isArray(value)) {
      const items = (r.items as Json | undefined) ?? undefined;
      value.forEach((v, i) => unknownKeys(v, items, `${at}/${i}`, errors, depth + 1));
      return;
    }
    // A derived type named by '@odata.type' (a fileAttachment posted to .../attachments): its own properties count.
    const derived = discriminated(r, (value as Json)['@odata.type']);
    const props = knownProps(derived ?? r);
    if (!props) return;
    for (const [k, v] of Object.entries(value as Json)) {
      if (k.includes('@')) continue; // OData annotations (user@odata.bind, @microsoft.graph.conflictBehavior)
      const p = props.get(k);
      if (!p) {
        errors.push(`${at}/${k}: property not in the schema`);
        continue;
      }
      const inner = (p.anyOf as Json[] | undefined)?.find((b) => b.$ref) ?? p;
      unknownKeys(v, inner, `${at}/${k}`, errors, depth + 1);
    }
  };

  const validatorFor = (key: string, schema: Json): ValidateFunction => {
    let v = validators.get(key);
    if (!v) {
      v = typeof schema.$ref === 'string'
        ? ajv.getSchema(BASE + schema.$ref)!
        : ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${BASE}#/components/`)));
      validators.set(key, v);
    }
    return v;
  };

  const check = (req: ContractRequest): ContractResult => {
    const method = req.method.toLowerCase();
    const u = new URL(req.url, 'https://graph.microsoft.com/v1.0/');
    let rawPath = u.pathname.replace(/^\/v1\.0(?=\/)/, '');
    if (!rawPath.startsWith('/')) rawPath = '/' + rawPath;
    const { path: p, itemPath } = normaliseDrivePath(rawPath);
    let match: { route: Route; m: RegExpExecArray } | undefined;
    let pathKnown = false;
    for (const route of routes) {
      const m = route.re.exec(p);
      if (!m) continue;
      pathKnown = true;
      if (spec.paths[route.template]![method]) {
        match = { route, m };
        break;
      }
    }
    if (!match) {
      return { ok: false, kind: 'unknown-route', errors: [`${req.method.toUpperCase()} ${rawPath}: ${pathKnown ? 'method not in the contract' : 'no path template matches'}`] };
    }
    const { route, m } = match;
    const operation = `${req.method.toUpperCase()} ${route.template}`;
    const op = spec.paths[route.template]![method]!;
    const errors: string[] = [];

    // Query options.
    const declared = ((op.parameters as Json[] | undefined) ?? []).map(resolveParam);
    const queryNames = new Set(declared.filter((d) => d.in === 'query').map((d) => String(d.name)));
    const followUp = u.searchParams.has('$skiptoken') || u.searchParams.has('$deltatoken');
    for (const key of new Set(u.searchParams.keys())) {
      if (key.startsWith('$') && !queryNames.has(key) && !SYSTEM_OPTIONS_ALWAYS_ALLOWED.has(key)) {
        errors.push(`query option ${key} is not allowed on ${operation}`);
      }
    }
    if (!followUp) {
      for (const d of declared) {
        if (d.in === 'query' && d.required === true && !u.searchParams.has(String(d.name))) {
          errors.push(`required query parameter ${String(d.name)} is missing`);
        }
      }
    }

    // Body.
    const rb = op.requestBody as Json | undefined;
    const content = (rb?.content ?? {}) as Record<string, { schema: Json }>;
    const contentType = Object.entries(req.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    const hasBody = req.body !== undefined && req.body !== null && !(req.body instanceof Uint8Array && req.body.length === 0 && method !== 'put');
    if (content['application/octet-stream']) {
      if (!req.inBatch && !/^application\/octet-stream|^[a-z]+\/[a-z0-9.+-]+/i.test(contentType ?? '')) {
        errors.push('binary upload needs a Content-Type header');
      }
      if (contentType && /^application\/json/i.test(contentType)) errors.push('binary upload sent as application/json');
    } else if (content['application/json']) {
      if (!hasBody) {
        if (rb?.required === true) errors.push('request body is required');
      } else {
        if (!req.inBatch && !/^application\/json/i.test(contentType ?? '')) errors.push(`Content-Type must be application/json, got ${contentType ?? 'none'}`);
        if (req.body instanceof Uint8Array || typeof req.body !== 'object') {
          errors.push('request body is not a JSON object');
        } else {
          const schema = content['application/json']!.schema;
          const validate = validatorFor(operation, schema);
          if (!validate(req.body)) {
            for (const e of validate.errors ?? []) errors.push(`${e.instancePath || '/'} ${e.message ?? ''}`.trim());
          }
          unknownKeys(req.body, schema, '', errors);
        }
      }
    } else if (hasBody && !(req.body instanceof Uint8Array && req.body.length === 0)) {
      errors.push(`${operation} takes no request body`);
    }

    if (errors.length) return { ok: false, kind: 'violation', errors, operation };
    coverage.add(operation);
    const params: Record<string, string> = {};
    route.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
    return { ok: true, operation, template: route.template, params, query: u.searchParams, ...(itemPath !== undefined ? { itemPath } : {}) };
  };

  const checkBatch = (body: unknown): { ok: boolean; errors: string[]; items: ContractResult[] } => {
    const errors: string[] = [];
    const items: ContractResult[] = [];
    const reqs = (body as { requests?: unknown } | null)?.requests;
    if (!Array.isArray(reqs)) return { ok: false, errors: ['$batch body needs a "requests" array'], items };
    if (reqs.length === 0) errors.push('$batch "requests" is empty');
    if (reqs.length > 20) errors.push(`$batch holds ${reqs.length} requests; the limit is 20`);
    const ids = new Set<string>();
    for (const [i, r] of (reqs as Json[]).entries()) {
      const id = typeof r.id === 'string' ? r.id : undefined;
      if (!id) errors.push(`requests[${i}].id must be a string`);
      else if (ids.has(id.toLowerCase())) errors.push(`requests[${i}].id "${id}" is not unique`);
      else ids.add(id.toLowerCase());
      if (typeof r.method !== 'string') errors.push(`requests[${i}].method is required`);
      if (typeof r.url !== 'string') errors.push(`requests[${i}].url is required`);
      else if (/^https?:/i.test(r.url)) errors.push(`requests[${i}].url must be relative to the version root`);
      const headers = (r.headers ?? undefined) as Record<string, string> | undefined;
      if (r.body !== undefined) {
        const ct = headers && Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
        if (!ct) errors.push(`requests[${i}] has a body but no Content-Type header`);
      }
      if (r.dependsOn !== undefined && !Array.isArray(r.dependsOn)) errors.push(`requests[${i}].dependsOn must be an array`);
      if (typeof r.method === 'string' && typeof r.url === 'string') {
        const url = r.url.startsWith('/') ? r.url : '/' + r.url;
        items.push(check({ method: r.method, url, body: r.body, inBatch: true, ...(headers ? { headers } : {}) }));
      } else {
        items.push({ ok: false, kind: 'violation', errors: ['malformed sub-request'] });
      }
    }
    return { ok: errors.length === 0, errors, items };
  };

  const operations = (): string[] =>
    Object.entries(spec.paths)
      .flatMap(([t, item]) => Object.keys(item).filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k)).map((k) => `${k.toUpperCase()} ${t}`))
      .sort();

  return {
    check,
    checkBatch,
    covered: () => [...coverage].sort(),
    operations,
    resetCoverage: () => coverage.clear(),
  };
}
