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
  | 'invalid_state' // 409
  | 'withheld'; // 403 (the file exists but is not handed out: SharePoint flagged it as malware)

const statusOf: Record<ProblemKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  deadline_passed: 409,
  invalid_state: 409,
  withheld: 403,
};

/**
 * Danish for the English reasons that schemas give (zod messages written as
 * reasons), so a refusal found by the route's schema, before the use case, still
 * reads as the use case would have said it.
 */
const danishReasons: Record<string, string> = {
  'say why the meeting is cancelled': 'Skriv hvorfor mødet aflyses',
  'say why the meeting moves': 'Skriv hvorfor mødet flyttes',
  'must be after start': 'Sluttidspunktet skal ligge efter starten',
  'the note is at most 500 characters': 'Kommentaren til afbuddet må højst være på 500 tegn',
  'a note only with the answer "apologies" or "substitute"': 'En kommentar gives kun med afbud eller stedfortræder',
};

/**
 * The Danish text of a refusal that was given none: a plain Danish sentence for
 * the kind of refusal, naming the field (never the English reason inside Danish).
 */
export function fallbackDanish(kind: ProblemKind, errors: readonly FieldProblem[]): string {
  const fields = [...new Set(errors.map((e) => e.field))];
  if (kind === 'validation' && errors.length === 1 && danishReasons[errors[0]!.reason]) return danishReasons[errors[0]!.reason]!;
  const named = fields.length ? ` (${fields.map((f) => `"${f}"`).join(', ')})` : '';
  switch (kind) {
    case 'validation':
      return fields.length === 1 ? `Feltet "${fields[0]}" har en ugyldig værdi` : `Oplysningerne er ugyldige${named}`;
    case 'unauthenticated':
      return 'Du skal logge ind først';
    case 'forbidden':
      return 'Du har ikke ret til at gøre dette';
    case 'not_found':
      return `Det findes ikke${named}`;
    case 'conflict':
      return `Handlingen er i konflikt med de gemte oplysninger${named}`;
    case 'deadline_passed':
      return 'Fristen for handlingen er overskredet';
    case 'invalid_state':
      return `Handlingen kan ikke udføres i den nuværende tilstand${named}`;
    case 'withheld':
      return 'Dokumentet er tilbageholdt og kan ikke hentes';
  }
}

export class UseCaseError extends Error {
  readonly status: number;
  /** Danish text for the screen (the English `message` is the detail); always Danish, see `fallbackDanish`. */
  readonly messageDa: string;
  constructor(
    readonly kind: ProblemKind,
    message: string,
    readonly errors: FieldProblem[] = [],
    messageDa?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = statusOf[kind];
    this.messageDa = messageDa ?? fallbackDanish(kind, errors);
  }
}

/** Danish names of the things a refusal says do not exist. */
const danishNouns: Record<string, string> = {
  'agenda item': 'dagsordenspunktet',
  attachment: 'bilaget',
  'closed day': 'lukkedagen',
  'dead letter': 'det fejlede job',
  'document version': 'dokumentversionen',
  'forum kind': 'forumtypen',
  forum: 'forummet',
  meeting: 'mødet',
  membership: 'medlemskabet',
  organisation: 'organisationen',
  person: 'personen',
  proposal: 'forslaget',
  region: 'regionen',
  task: 'opgaven',
  transition: 'omstillingen',
  'report-back suggestion for task': 'forslaget om tilbagerapportering for opgaven',
};
/** "forum" -> "forummet" (unknown nouns: "det ønskede"). */
export const danishNoun = (what: string): string => danishNouns[what] ?? 'det ønskede';

export const invalid = (field: string, reason: string, messageDa?: string) =>
  new UseCaseError('validation', `${field}: ${reason}`, [{ field, reason }], messageDa);
export const notFound = (what: string, id: string) => new UseCaseError('not_found', `${what} "${id}" does not exist`, [], `${capitalise(danishNoun(what))} "${id}" findes ikke`);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const forbidden = (reason: string, messageDa?: string) => new UseCaseError('forbidden', reason, [], messageDa);

/**
 * A document withheld because SharePoint flagged it as malware: 403, not 451 (that
 * is for a legal demand), not 410 (the secretariat can replace the document, so it
 * is not gone for good) and not 404 (the reader should know it exists and why).
 * Graph itself answers a download of a flagged file with 403 `malwareDetected`.
 */
export function withheldAsMalware(what: string, path: string): UseCaseError {
  return new UseCaseError(
    'withheld',
    `The ${what} is withheld: SharePoint flagged the file as malware. The forum's secretariat has been told.`,
    [{ field: 'document', reason: 'malware_detected' }],
    `Dokumentet (${what === 'agenda' ? 'dagsordenen' : what === 'minutes' ? 'referatet' : 'bilaget'}) er tilbageholdt: SharePoint har fundet malware i filen. Forummets sekretariat har fået besked.`,
    { code: 'malware_detected', document: path },
  );
}
