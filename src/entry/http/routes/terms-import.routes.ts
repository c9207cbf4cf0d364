/**
 * REST API of the kommissorium import (issue 8).
 *
 * POST /api/terms-import reads a Word document (.docx), a PDF, a text file (raw body,
 * ?fileName=) or pasted text (JSON {text}) and answers the drafts with every
 * finding's span and confidence, each rule's provenance (stated with its quote,
 * inferred, or default: a rule the document does not state and Samraad would fill
 * in, never put into the draft's values), the contradictions, and how each forum
 * the document names matches the forums that exist; importing for a forum
 * (?forumId=), also its current terms beside the imported ones, field by field
 * (comparison: new, changed, unchanged, or absent from the document). It writes nothing.
 *
 * POST /api/forums/:id/terms/import-confirm takes the values the secretariat has
 * reviewed (draftValues, edited) and the answers to ambiguous forum names
 * (forumChoices), and adds them as a new version of the forum's terms through the
 * registry use case, answering the diff against the previous version. Settings a
 * document never states (rotation order, preferred weekday ...) are kept from the
 * previous version (terms.carry-over.ts). With
 * dryRun it only answers the diff, so the tab can show it before confirming.
 *
 * POST /api/terms-import/create-forum creates the forum a document describes when it
 * is not in Samraad yet (under a forum the person administers, in that forum's
 * region), with the reviewed values as its first terms of reference.
 *
 * The raw-body content-type parsers are registered inside this plugin, so they
 * apply to these routes only.
 */
import { z } from 'zod';
import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DEFAULT_MAX_BYTES, readTermsDocument, type DocumentReadErrorCode } from '../../../adapters/documents-import/terms-document.reader.js';
import { access } from '../../../domain/access/access.policy.js';
import { ForumKind, ForumLevel, id, isoDate, OrganisationKind, TermsOfReferenceInput } from '../../../domain/registry/registry.model.js';
import { ForumCreateInput } from '../../../usecases/registry/registry.usecases.js';
import { matchForumName, type ForumMatch, type ForumRef } from '../../../domain/terms-import/forum-name.match.js';
import { draftFromValues } from '../../../domain/terms-import/terms-draft.from-values.js';
import { draftToTermsInput } from '../../../domain/terms-import/terms-draft.to-input.js';
import { draftValues, type DraftValues } from '../../../domain/terms-import/terms-draft.values.js';
import { extractTermsDrafts } from '../../../domain/terms-import/terms-import.extract.js';
import { ruleProvenance } from '../../../domain/terms-import/terms-provenance.js';
import { catalogueKeyOf, genericCatalogueKeyOf } from '../../../domain/terms-import/terms-import.lexicon.js';
import { catalogueKindByName } from '../../../domain/terms-import/catalogue-kind.match.js';
import { diffTerms } from '../../../domain/terms-import/terms.diff.js';
import { carryOverUnstated } from '../../../domain/terms-import/terms.carry-over.js';
import { compareTerms } from '../../../domain/terms-import/terms.compare.js';
import { forbidden, notFound, UseCaseError } from '../../../usecases/use-case.errors.js';
import { requirePerson } from '../auth.js';
import { sendProblem } from '../problem.js';
import type { HttpContext } from '../http-context.js';
import { TermsImportConfirmedResponse, TermsImportDryRunResponse, TermsImportForumCreatedResponse, TermsImportPreviewResponse } from '../../../contracts/terms-import.contract.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_TYPE = 'application/pdf';
/** Pasted text is JSON: far smaller than a document may be. */
const MAX_PASTED_CHARS = 1_000_000;

const readRefusalStatus: Record<DocumentReadErrorCode, number> = {
  empty: 400,
  too_large: 413,
  not_word: 415,
  legacy_doc: 415,
  password_protected: 422,
  unreadable: 422,
};

const ImportQuery = z.object({
  fileName: z.string().max(255).optional(),
  /** The forum the document is imported for: picks the matching draft. */
  forumId: id.optional(),
});
const PastedText = z.object({ text: z.string().max(MAX_PASTED_CHARS) });

const SeatDraftSchema = z.object({
  party: z.object({ kind: z.literal('sector'), sector: OrganisationKind, perOrganisation: z.boolean() }),
  role: z.string().max(1000).optional(),
  min: z.number().int().nullable(),
  max: z.number().int().nullable(),
  note: z.string().max(2000).optional(),
});
const DraftValuesSchema = z.object({
  forum: z.object({ name: z.string().max(500), kind: z.string().max(100).optional(), level: z.string().max(100).optional(), parentName: z.string().max(500).optional() }),
  // Shapes and ranges of the terms are checked by TermsOfReferenceInput after conversion.
  terms: z
    .object({
      purpose: z.array(z.string().max(8000)).max(100).optional(),
      tasks: z.array(z.string().max(8000)).max(200).optional(),
      seats: z.array(SeatDraftSchema).max(100).optional(),
      subGroupsAllowed: z.array(z.string().max(1000)).max(50).optional(),
    })
    .catchall(z.unknown()),
});
const ConfirmBody = z.object({
  validFrom: isoDate,
  draftValues: DraftValuesSchema,
  /** Answers to forum names the document gives: the chosen forum, or null for "none of these". */
  forumChoices: z.record(z.string().max(500), id.nullable()).default({}),
  dryRun: z.boolean().default(false),
});
const CreateForumBody = z.object({
  validFrom: isoDate,
  draftValues: DraftValuesSchema,
  forumChoices: z.record(z.string().max(500), id.nullable()).default({}),
  /** The new forum: its name as reviewed, a kind from the catalogue, and the forum it belongs under. */
  forum: z.object({ name: z.string().trim().min(1).max(200), kind: ForumKind, level: ForumLevel.optional(), parentId: id }),
});
const IdParams = z.object({ id });

/** Names of other forums a draft mentions, where matching helps the person. */
function namedForums(v: DraftValues): string[] {
  const t = v.terms as Record<string, { withForumName?: string; reportToName?: string; toForumName?: string } | string | undefined>;
  const obj = (k: string) => (typeof t[k] === 'object' ? (t[k] as Record<string, string | undefined>) : {});
  const names = [
    v.forum.parentName,
    typeof t.approvedByName === 'string' ? t.approvedByName : undefined,
    obj('jointMeeting').withForumName,
    obj('themeDays').withForumName,
    obj('evaluation').reportToName,
    obj('annualStatus').toForumName,
  ];
  return [...new Set(names.filter((n): n is string => Boolean(n && n.trim())))];
}

export function termsImportRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  /**
   * The reviewed draft as terms of reference (create-forum and import-confirm alike): the forums it
   * names resolved (the person's choices, else by name), then validated; a value that cannot be
   * stored is a 400 naming its field.
   */
  const reviewedTerms = async (body: { draftValues: unknown; validFrom: string; forumChoices: Record<string, string | null | undefined> }) => {
    const refs: ForumRef[] = (await ctx.reads.listForums()).map((f) => ({ id: f.id, name: f.name }));
    const { forumChoices } = body;
    const forumIdFor = (name: string): string | undefined => {
      if (Object.hasOwn(forumChoices, name)) return forumChoices[name] ?? undefined;
      const m = matchForumName(name, refs);
      return 'match' in m ? m.match.id : undefined;
    };
    const { input, unresolved, assumptions } = draftToTermsInput(draftFromValues(body.draftValues as DraftValues), { validFrom: body.validFrom, forumIdFor });
    const parsed = TermsOfReferenceInput.safeParse(input);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'draftValues', reason: i.message }));
      throw new UseCaseError('validation', errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors, 'Nogle værdier kan ikke gemmes; ret de markerede felter.');
    }
    return { parsed, unresolved, assumptions };
  };
  return async (app) => {
    const maxBytes = DEFAULT_MAX_BYTES;
    app.addContentTypeParser([DOCX_TYPE, PDF_TYPE, 'text/html', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
    // Text files arrive as bytes: the reader decides between UTF-8 and Windows-1252.
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser('text/plain', { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));

    app.setErrorHandler((error: FastifyError, _request, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        const mb = (maxBytes / 1024 / 1024).toFixed(0);
        return sendProblem(reply, {
          status: 413,
          detail: `The document is larger than ${mb} MB.`,
          detailDa: `Filen er for stor; et kommissorium må højst fylde ${mb} MB.`,
          errors: [{ field: 'file', reason: 'too_large' }],
          code: 'too_large',
        });
      }
      throw error; // the server's error boundary answers everything else
    });

    app.post(
      '/api/terms-import',
      {
        bodyLimit: maxBytes,
        schema: {
          tags: ['terms-import'],
          summary: 'Read a kommissorium (.docx, .pdf, .html, .txt or pasted text) into drafts with sources and confidences; writes nothing',
          description: `Body: the file as ${DOCX_TYPE}, ${PDF_TYPE}, application/octet-stream or text/plain (?fileName= names it), or application/json {"text": "..."} for pasted text.`,
          querystring: ImportQuery,
          response: { 200: TermsImportPreviewResponse },
        },
      },
      async (req, reply) => {
        requirePerson(req);
        let bytes: Uint8Array;
        let fileName = req.query.fileName;
        if (Buffer.isBuffer(req.body)) {
          bytes = req.body;
        } else {
          const pasted = PastedText.safeParse(req.body);
          if (!pasted.success) {
            throw new UseCaseError('validation', 'Send the document as the body, or JSON {"text": "..."}', [{ field: 'text', reason: 'must be a string' }], 'Send dokumentet som fil, eller teksten som {"text": "..."}.');
          }
          bytes = Buffer.from(pasted.data.text, 'utf8');
          fileName ??= 'indsat-tekst.txt';
        }
        const read = await readTermsDocument(bytes, { fileName, maxBytes });
        if (!read.ok) {
          return sendProblem(reply, {
            status: readRefusalStatus[read.error.code],
            detail: read.error.messageEn,
            detailDa: read.error.message,
            errors: [{ field: 'file', reason: read.error.code }],
            code: read.error.code,
          });
        }
        const result = extractTermsDrafts(read.text);
        const forums = await ctx.reads.listForums();
        const refs: ForumRef[] = forums.map((f) => ({ id: f.id, name: f.name }));
        // Defaults come from the forum kind's catalogue entry where it sets them: the kind of the forum the
        // document is imported for when the draft is that forum, else the kind the draft names.
        const kinds = new Map((await ctx.reads.listForumKinds()).map((k) => [k.key, k]));
        const target = req.query.forumId ? forums.find((f) => f.id === req.query.forumId) : undefined;
        const nameMatches: Record<string, ForumMatch> = {};
        const matchesTarget = (d: (typeof result.drafts)[number]) => {
          if (!target) return false;
          const m = d.forumName.value ? matchForumName(d.forumName.value, refs) : undefined;
          return result.drafts.length === 1 || Boolean(m && 'match' in m && m.match.id === target.id);
        };
        const catalogue = [...kinds.values()];
        // The kind the draft names: a kind the secretariat added to the catalogue, found by its name in the forum's
        // name (issue 15: kinds are data; theirs are the narrowest), else the importer's lexicon for the kinds the
        // product ships with, else a built-in kind by its name, else the catalogue's generic kind for a generic kind
        // word ("Kvalitetsrådet" a council, "Lægemiddelkomitéen" a komité).
        const added = catalogue.filter((k) => !k.builtIn);
        const kindKeyOf = (d: (typeof result.drafts)[number]) =>
          catalogueKindByName(d.forumName.value, added) ??
          catalogueKeyOf(d.fields['forum.kind']?.value) ??
          catalogueKindByName(d.forumName.value, catalogue) ??
          genericCatalogueKeyOf(d.fields['forum.kind']?.value);
        const drafts = result.drafts.map((d) => {
          const values = draftValues(d);
          const kindKey = kindKeyOf(d);
          for (const n of namedForums(values)) nameMatches[n] ??= matchForumName(n, refs);
          return {
            ...values,
            findings: d,
            // Every rule the document states (with its quote) and every rule it leaves to Samraad's default.
            provenance: ruleProvenance(d, kinds.get(target && matchesTarget(d) ? target.kind : (kindKey ?? ''))),
            /** The catalogue's key for the kind the draft names, if the catalogue has it (for creating the forum). */
            catalogueKind: kindKey ?? null,
            forumMatch: d.forumName.value ? matchForumName(d.forumName.value, refs) : ({ none: true } as const),
          };
        });
        const parentMatches = drafts.map((d, draftIndex) => ({
          draftIndex,
          name: d.forum.parentName ?? null,
          match: d.forum.parentName ? nameMatches[d.forum.parentName]! : null,
        }));
        const forumId = req.query.forumId;
        let forumDraftIndex: number | null = null;
        if (forumId) {
          const hits = drafts.flatMap((d, i) => ('match' in d.forumMatch && d.forumMatch.match.id === forumId ? [i] : []));
          forumDraftIndex = hits.length === 1 ? hits[0]! : drafts.length === 1 ? 0 : null;
        }
        // Importing into an existing forum: its current terms beside the imported ones, field by field.
        let comparison: { forumId: string; draftIndex: number; currentVersion: number | null; fields: ReturnType<typeof compareTerms> } | null = null;
        if (target && forumDraftIndex !== null) {
          const d = drafts[forumDraftIndex]!;
          const current = (await ctx.reads.currentTerms(target.id)) as Record<string, unknown> | undefined;
          const forumIdFor = (name: string) => {
            const m = matchForumName(name, refs);
            return 'match' in m ? m.match.id : undefined;
          };
          const { input } = draftToTermsInput(draftFromValues({ forum: d.forum, terms: d.terms }), { validFrom: String(current?.validFrom ?? '2000-01-01'), forumIdFor });
          const imported = input as Record<string, unknown>;
          comparison = {
            forumId: target.id,
            draftIndex: forumDraftIndex,
            currentVersion: typeof current?.version === 'number' ? current.version : null,
            fields: compareTerms(current, imported, carryOverUnstated(current, imported).terms),
          };
        }
        return {
          fileName: fileName ?? null,
          format: read.format,
          warnings: read.warnings,
          text: result.text,
          drafts,
          contradictions: result.contradictions,
          parentMatches,
          nameMatches,
          forumDraftIndex,
          comparison,
        };
      },
    );

    app.post(
      '/api/terms-import/create-forum',
      {
        schema: {
          tags: ['terms-import'],
          summary: 'Create the forum a reviewed import describes, with the reviewed values as its first terms of reference',
          body: CreateForumBody,
          response: { 201: TermsImportForumCreatedResponse },
        },
      },
      async (req, reply) => {
        const person = requirePerson(req);
        const parent = await ctx.reads.getForum(req.body.forum.parentId);
        if (!parent) {
          throw new UseCaseError('validation', `forum "${req.body.forum.parentId}" does not exist`, [{ field: 'forum.parentId', reason: 'does not exist' }], `Forummet "${req.body.forum.parentId}" findes ikke.`);
        }
        const actx = await ctx.accessFor(person.id);
        if (!access.canCreateForum(actx, parent.id, parent.region)) {
          throw forbidden('You may not create a forum under this forum', 'Du har ikke ret til at oprette et forum under dette forum');
        }
        const { parsed, unresolved, assumptions } = await reviewedTerms(req.body);
        const { name, kind, level, parentId } = req.body.forum;
        const created = await ctx.registry.createForum(ForumCreateInput.parse({ name, kind, ...(level ? { level } : {}), parentId, region: parent.region, terms: parsed.data }), { personId: person.id });
        return reply.code(201).send({ ...created, unresolved, assumptions });
      },
    );

    app.post(
      '/api/forums/:id/terms/import-confirm',
      {
        schema: {
          tags: ['terms-import'],
          summary: 'Add the reviewed import as a new version of the forum\'s terms of reference (dryRun: only the diff)',
          params: IdParams,
          body: ConfirmBody,
          response: { 200: TermsImportDryRunResponse, 201: TermsImportConfirmedResponse },
        },
      },
      async (req, reply) => {
        const person = requirePerson(req);
        const forumId = req.params.id;
        const actx = await ctx.accessFor(person.id);
        if (!access.canAdministerForum(actx, forumId)) {
          throw forbidden('You may not change the terms of reference of this forum', 'Du har ikke ret til at ændre kommissoriet for dette forum');
        }
        if (!(await ctx.reads.getForum(forumId))) throw notFound('forum', forumId);

        const { parsed, unresolved, assumptions } = await reviewedTerms(req.body);
        const previous = await ctx.reads.currentTerms(forumId);
        const { terms: next, carried } = carryOverUnstated(previous as Record<string, unknown> | undefined, parsed.data);
        const diff = diffTerms(previous as Record<string, unknown> | undefined, next as Record<string, unknown>);
        const base = { previousVersion: previous?.version ?? null, diff, carriedOver: carried, unresolved, assumptions };
        if (req.body.dryRun) return reply.code(200).send({ dryRun: true, terms: next, ...base });
        const terms = await ctx.registry.addTermsVersion(forumId, next, { personId: person.id });
        return reply.code(201).send({ dryRun: false, terms, ...base });
      },
    );
  };
}
