/**
 * One error boundary for every HTTP request: whatever goes wrong is answered as
 * application/problem+json (RFC 9457) with a clear `detail` and, for bad input,
 * `errors: [{ field, reason }]`. A client error never becomes a 500; a real
 * server fault is logged with its stack and answered without one.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { fallbackDanish, UseCaseError, type FieldProblem } from '../../usecases/use-case.errors.js';
import { sqlStateOf } from '../../adapters/db/transient.js';

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
  detailDa?: string;
  [k: string]: unknown;
};

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export type ProblemInput = { status: number; detail: string; type?: string; title?: string; instance?: string; errors?: FieldProblem[]; detailDa?: string; [k: string]: unknown };

export function sendProblem(reply: FastifyReply, problem: ProblemInput) {
  const body: Problem = {
    ...problem,
    type: problem.type ?? 'about:blank',
    title: problem.title ?? titles[problem.status] ?? 'Error',
  };
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(body);
}

function fieldOf(path: readonly PropertyKey[], base: string): string {
  const p = path.map(String).join('.');
  return p ? p : base;
}

export function zodProblems(err: ZodError, base = 'body'): FieldProblem[] {
  return err.issues.map((i) => ({ field: fieldOf(i.path, base), reason: i.message }));
}

/** Danish wording of Fastify's own client errors (the English is Fastify's message, which never holds the URL). */
const fastifyDanish: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Indholdet er for stort.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Indholdstypen (content-type) understøttes ikke her.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Indholdet er tomt, men angivet som JSON.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Indholdet er ikke gyldig JSON.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length passer ikke med indholdet.',
  FST_ERR_CTP_EMPTY_TYPE: 'Indholdstypen (content-type) er tom.',
  FST_ERR_CTP_INVALID_TYPE: 'Indholdstypen (content-type) er ugyldig.',
  FST_ERR_BAD_STATUS_CODE: 'Forespørgslen er ugyldig.',
};

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const instance = request.url.split('?')[0];
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as FastifyError).validationContext ?? 'body';
      const errors = error.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return { field: path || where, reason: v.message ?? 'is invalid' };
      });
      return sendProblem(reply, {
        status: 400,
        detail: errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
        detailDa: fallbackDanish('validation', errors),
        instance,
        errors,
      });
    }
    if (error instanceof ZodError) {
      const errors = zodProblems(error);
      return sendProblem(reply, { status: 400, detail: errors.map((e) => `${e.field}: ${e.reason}`).join('; '), detailDa: fallbackDanish('validation', errors), instance, errors });
    }
    if (error instanceof UseCaseError) {
      return sendProblem(reply, {
        status: error.status,
        type: `https://samraad.dk/problems/${error.kind.replaceAll('_', '-')}`,
        detail: error.message,
        detailDa: error.messageDa,
        instance,
        ...(error.errors.length ? { errors: error.errors } : {}),
        ...error.extra,
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(reply, { status: 500, detail: 'The server produced an invalid response; this is our fault and has been logged.', instance });
    }
    if (sqlStateOf(error) === '23505') {
      // A unique key taken by a parallel request that committed first: the client's request was fine, the timing was not.
      return sendProblem(reply, {
        status: 409,
        type: 'https://samraad.dk/problems/conflict',
        detail: 'Someone else made the same change at the same moment; reload and try again.',
        detailDa: 'En anden lavede den samme ændring i samme øjeblik; genindlæs og prøv igen.',
        instance,
      });
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large ...
      const code = (error as FastifyError).code;
      const field = code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'content-type' : 'body';
      const detailDa = (error as { detailDa?: string }).detailDa ?? fastifyDanish[code] ?? 'Forespørgslen er ugyldig.';
      return sendProblem(reply, { status, detail: error.message, detailDa, instance, errors: [{ field, reason: error.message }] });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, { status: 500, detail: 'Something went wrong on our side; it has been logged.', instance });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      status: 404,
      detail: `No route ${request.method} ${request.url.split('?')[0]}`,
      instance: request.url.split('?')[0],
    }),
  );
}
