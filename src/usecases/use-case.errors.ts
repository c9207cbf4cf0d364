/**
 * Refusals a use case returns to its caller. The HTTP layer turns them into
 * application/problem+json; the bot and CLI into a message. Each names the field
 * and the reason, in English (detail) with a Danish text for the screen.
 */
export type FieldProblem = { field: string; reason: string };

export type ProblemKind =
  | 'validation' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'deadline_passed' // 409 (the action's window is closed)
  | 'invalid_state'; // 409

const statusOf: Record<ProblemKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  deadline_passed: 409,
  invalid_state: 409,
};

export class UseCaseError extends Error {
  readonly status: number;
  constructor(
    readonly kind: ProblemKind,
    message: string,
    readonly errors: FieldProblem[] = [],
    /** Danish text for the screen (the English `message` is the detail). */
    readonly messageDa?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = statusOf[kind];
  }
}

export const invalid = (field: string, reason: string, messageDa?: string) =>
  new UseCaseError('validation', `${field}: ${reason}`, [{ field, reason }], messageDa);
export const notFound = (what: string, id: string) => new UseCaseError('not_found', `${what} "${id}" does not exist`, [], `${what} "${id}" findes ikke`);
export const forbidden = (reason: string, messageDa?: string) => new UseCaseError('forbidden', reason, [], messageDa);
