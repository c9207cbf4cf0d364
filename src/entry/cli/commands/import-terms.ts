/**
 * `npm run cli -- import-terms FILE [--forum ID] [--json]`: reads a kommissorium
 * (.docx or .txt) and prints the drafts it finds. Writes nothing: the drafts are
 * for a person to confirm. Bad files exit with code 2 and a clear message.
 */
import { readTermsDocumentFile } from '../../../adapters/documents-import/terms-document.reader.js';
import { draftValues } from '../../../domain/terms-import/terms-draft.values.js';
import { extractTermsDrafts } from '../../../domain/terms-import/terms-import.extract.js';
import type { Finding, ScalarPath, TermsDraft, TermsImportResult } from '../../../domain/terms-import/terms-import.model.js';
import { id as idSchema } from '../../../domain/registry/registry.model.js';
import type { CliCommand, CliIo } from '../cli.types.js';

const USAGE = 'Brug: import-terms FIL [--forum ID] [--json]';

export const command: CliCommand = {
  summary: 'Læs et kommissorium (.docx/.txt) og vis udkast til forummets regler',
  async run(args: string[], io: CliIo): Promise<number> {
    let file: string | undefined;
    let forumId: string | undefined;
    let json = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--json') json = true;
      else if (a === '--forum') forumId = args[++i];
      else if (a.startsWith('--forum=')) forumId = a.slice('--forum='.length);
      else if (a.startsWith('--')) return usage(io, `Ukendt tilvalg: ${a}`);
      else if (!file) file = a;
      else return usage(io, `Kun én fil ad gangen (fik også ${a}).`);
    }
    if (!file) return usage(io, 'Angiv filen med kommissoriet.');
    if (forumId !== undefined && !idSchema.safeParse(forumId).success) return usage(io, `Ugyldigt forum-id: ${forumId}`);

    const read = await readTermsDocumentFile(file);
    if (!read.ok) {
      io.stderr.write(`Kan ikke importere ${file}: ${read.error.message}\n`);
      return 2;
    }
    const result = extractTermsDrafts(read.text);
    if (json) {
      const out = {
        file,
        format: read.format,
        ...(forumId ? { forumId } : {}),
        warnings: read.warnings,
        text: result.text,
        drafts: result.drafts.map((d) => ({ ...draftValues(d), findings: d })),
        contradictions: result.contradictions,
      };
      io.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return 0;
    }
    io.stdout.write(renderDanish(file, result, forumId));
    return 0;
  },
};

function usage(io: CliIo, why: string): number {
  io.stderr.write(`${why}\n${USAGE}\n`);
  return 2;
}

const LABELS: Record<ScalarPath, string> = {
  'forum.kind': 'Type',
  'forum.level': 'Niveau (udledt af typen)',
  'parent.name': 'Refererer til',
  approvedByName: 'Godkendt af',
  approvedOn: 'Godkendt den',
  continuityRequired: 'Gennemgående medlem krævet',
  'chair.shared': 'Delt formandskab',
  'chair.sides': 'Formandskabets parter',
  'chair.rotatingSide': 'Går på skift blandt',
  'chair.rotatesAmongAllParties': 'Formandskab går på skift mellem alle parter',
  'chair.termYears': 'Periode (år)',
  'chair.offsetMonthsFromParent': 'Forskudt i forhold til overordnet forum (mdr.)',
  'chair.evaluateAfterYears': 'Formandskabet evalueres efter (år)',
  'secretariat.shared': 'Fælles sekretariat',
  'secretariat.followsChair': 'Sekretariat følger formandskabet',
  'meetings.perYearMin': 'Møder pr. år (mindst)',
  'meetings.perYearMax': 'Møder pr. år (højst)',
  'meetings.adHoc': 'Møder ad hoc',
  'deadlines.agendaLead': 'Dagsorden udsendes før mødet',
  'deadlines.itemsCutoff': 'Frist for punkter før mødet',
  'deadlines.minutesDue': 'Referat udsendes efter mødet',
  'deadlines.commentWindow': 'Frist for bemærkninger til referatet',
  'deadlines.tacitApproval': 'Referat godkendt uden indsigelser',
  decisionMinutes: 'Beslutningsreferat',
  publication: 'Offentliggørelse',
  jointMeeting: 'Fællesmøde',
  themeDays: 'Temadage',
  evaluation: 'Evaluering',
  annualStatus: 'Årlig status',
  'chair.by': 'Formandskab varetages af',
  'secretariat.by': 'Sekretariat varetages af',
  'meetings.closed': 'Lukkede møder',
  membersTotal: 'Medlemmer i alt',
};

const SIDE: Record<string, string> = { hospital: 'hospital', region: 'region', municipality: 'kommune', psychiatry: 'psykiatri', general_practice: 'almen praksis' };
const SECTOR: Record<string, string> = { ...SIDE, region_administration: 'region', other: 'anden' };
const LEVEL: Record<string, string> = {
  political: 'politisk',
  central: 'centralt administrativt',
  central_theme: 'central tema',
  cluster: 'klynge',
  cluster_operational: 'klynge, operationelt',
  ad_hoc: 'ad hoc',
};

function show(path: ScalarPath, v: unknown): string {
  if (typeof v === 'boolean') return v ? 'ja' : 'nej';
  if (path === 'chair.sides') return (v as string[]).map((s) => SIDE[s] ?? s).join(' og ');
  if (path === 'chair.rotatingSide') return SIDE[v as string] ?? String(v);
  if (path === 'forum.level') return LEVEL[v as string] ?? String(v);
  if (path.startsWith('deadlines.')) {
    const lt = v as { amount: number; unit: string };
    const unit = lt.unit === 'weeks' ? (lt.amount === 1 ? 'uge' : 'uger') : lt.unit === 'working_days' ? 'hverdage' : 'dage';
    return `${lt.amount} ${unit}`;
  }
  if (path === 'themeDays') {
    const t = v as { perYear: number; withForumName?: string };
    return `${t.perYear} om året${t.withForumName ? ` med ${t.withForumName}` : ''}`;
  }
  if (path === 'evaluation') {
    const e = v as { afterMonths: number; reportToName?: string };
    return `efter ${e.afterMonths} måneder${e.reportToName ? `, afrapporteres til ${e.reportToName}` : ''}`;
  }
  if (path === 'jointMeeting') {
    const j = v as { withForumName?: string; order?: string };
    return `${j.withForumName ? `med ${j.withForumName}` : 'ja'}${j.order === 'after' ? ', efter eget møde' : j.order === 'before' ? ', før eget møde' : ''}`;
  }
  if (path === 'publication') {
    const p = v as { public: boolean; where?: string };
    return `${p.public ? 'offentlig' : 'ikke offentlig'}${p.where ? ` (${p.where})` : ''}`;
  }
  if (path === 'annualStatus') {
    const a = v as { toForumName?: string };
    return a.toForumName ? `til ${a.toForumName}` : 'ja';
  }
  return String(v);
}

const pct = (f: Finding<unknown>) => `${Math.round(f.confidence * 100)} %`;
const quote = (s: string) => `«${s.replace(/\s+/g, ' ').slice(0, 90)}${s.length > 90 ? '…' : ''}»`;

function renderDanish(file: string, result: TermsImportResult, forumId: string | undefined): string {
  const out: string[] = [];
  out.push(`Kommissorium: ${file}${forumId ? ` (til forum ${forumId})` : ''}`);
  out.push(`Fundet ${result.drafts.length} ${result.drafts.length === 1 ? 'forum' : 'fora'}. Intet er gemt: hvert udkast skal bekræftes.`);
  for (const d of result.drafts) out.push('', ...renderDraft(d));
  if (result.contradictions.length) {
    out.push('', 'Modstridende oplysninger:');
    for (const c of result.contradictions) {
      out.push(`  ${c.forumName}: ${LABELS[c.field]}: ${c.findings.map((f) => `${show(c.field, f.value)} ${quote(f.span.quote)}`).join(' / ')}`);
    }
  }
  return out.join('\n') + '\n';
}

function renderDraft(d: TermsDraft): string[] {
  const out = [`== ${d.forumName.value || '(forum uden navn: vælg forummet ved bekræftelse)'}`];
  for (const [path, f] of Object.entries(d.fields) as [ScalarPath, Finding<unknown>][]) {
    out.push(`  ${LABELS[path]}: ${show(path, f.value)}   [${pct(f)}] ${quote(f.span.quote)}`);
  }
  const list = (title: string, items: string[]) => {
    if (!items.length) return;
    out.push(`  ${title}:`);
    for (const i of items) out.push(`    - ${i}`);
  };
  list('Formål', d.lists.purpose.map((f) => f.value));
  list('Opgaver', d.lists.tasks.map((f) => f.value));
  list(
    'Sammensætning',
    d.lists.seats.map((f) => {
      const s = f.value;
      const n = s.min === null && s.max === null ? '' : s.min === s.max ? `${s.min} ` : `${s.min ?? '?'}-${s.max ?? '?'} `;
      const party = `${SECTOR[s.party.sector] ?? s.party.sector}${s.party.perOrganisation ? ', fra hver' : ''}`;
      return `${n}${s.role ?? '(deltagelse)'} [${party}]${s.note ? ` (${s.note})` : ''}`;
    }),
  );
  list('Kan nedsætte', d.lists.subGroupsAllowed.map((f) => f.value));
  return out;
}
