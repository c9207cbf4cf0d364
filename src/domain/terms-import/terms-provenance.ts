/**
 * Where each rule of an imported draft comes from (issue 17).
 *
 * stated: the document says it; the value carries the quote and where it is in the
 * document. inferred: it follows from a stated fact (a forum's level from its kind).
 * default: the document says nothing, and Samraad would otherwise apply a default:
 * the forum kind's (the catalogue, forum-kind.model.ts) where the kind sets one, else
 * the product's documented default (domain.md: agenda 14 days before, items 7 days
 * before the agenda, minutes 7 days after, remarks within 7 days, tacit approval). The
 * year plan applies the same ones (year-of-duties.usecase.ts). A default is never put into the
 * draft's values: the review screen shows it as "Standard (ikke fastsat i kommissoriet)"
 * and the secretary may accept it, which makes it a rule she entered. Pure.
 */
import type { LeadTime } from '../registry/registry.model.js';
import type { ForumKindDef } from '../registry/forum-kind.model.js';
import { defaultDeadlineRules } from '../deadlines/meeting.deadlines.js';
import type { ScalarPath, SourceSpan, TermsDraft } from './terms-import.model.js';

/** The rules Samraad fills in with a default when the terms leave them unset. */
export const defaultedRulePaths = [
  'deadlines.agendaLead',
  'deadlines.itemsCutoff',
  'deadlines.minutesDue',
  'deadlines.commentWindow',
  'deadlines.tacitApproval',
] as const satisfies readonly ScalarPath[];
export type DefaultedRulePath = (typeof defaultedRulePaths)[number] | 'meetings.perYearMin' | 'meetings.perYearMax';

/** The forum kind whose defaults apply (its name says where a default comes from). */
export type KindForDefaults = Pick<ForumKindDef, 'key' | 'nameDa' | 'nameEn' | 'defaults'>;

export type RuleProvenance =
  | { path: ScalarPath; provenance: 'stated' | 'inferred'; value: unknown; span: SourceSpan }
  | {
      path: DefaultedRulePath;
      provenance: 'default';
      /** The value Samraad applies, as the terms would hold it if the secretary accepts it. */
      value: LeadTime | boolean | number;
      /** How the default is counted, in words, Danish and English. */
      meaning: { da: string; en: string };
      /** Whose default it is: the forum kind's (catalogue) or the product's. */
      source: 'kind' | 'product';
    };

const unitDa: Record<LeadTime['unit'], string> = { calendar_days: 'kalenderdage', weeks: 'uger', working_days: 'arbejdsdage' };
const unitEn: Record<LeadTime['unit'], string> = { calendar_days: 'calendar days', weeks: 'weeks', working_days: 'working days' };

/**
 * The default items cut-off is 7 calendar days before the agenda is due; accepted into
 * the terms it becomes a lead time before the meeting (the agenda's lead plus a week).
 */
export function defaultItemsCutoff(agendaLead: LeadTime): LeadTime {
  if (agendaLead.unit === 'weeks') return { amount: agendaLead.amount + 1, unit: 'weeks' };
  if (agendaLead.unit === 'working_days') return { amount: agendaLead.amount + 5, unit: 'working_days' };
  return { amount: agendaLead.amount + 7, unit: 'calendar_days' };
}

/** The value and meaning of each default, given what the draft states (the items cut-off follows the agenda's lead). */
export function defaultRule(path: (typeof defaultedRulePaths)[number], statedAgendaLead?: LeadTime): { value: LeadTime | boolean; meaning: { da: string; en: string } } {
  const d = defaultDeadlineRules;
  const lead = (l: LeadTime, da: string, en: string) => ({ value: l, meaning: { da: `${l.amount} ${unitDa[l.unit]} ${da}`, en: `${l.amount} ${unitEn[l.unit]} ${en}` } });
  switch (path) {
    case 'deadlines.agendaLead':
      return lead(d.agendaLead, 'før mødet', 'before the meeting');
    case 'deadlines.itemsCutoff': {
      const v = defaultItemsCutoff(statedAgendaLead ?? d.agendaLead);
      return { value: v, meaning: { da: `7 kalenderdage før dagsordenen udsendes (${v.amount} ${unitDa[v.unit]} før mødet)`, en: `7 calendar days before the agenda is due (${v.amount} ${unitEn[v.unit]} before the meeting)` } };
    }
    case 'deadlines.minutesDue':
      return lead(d.minutesDue, 'efter mødet', 'after the meeting');
    case 'deadlines.commentWindow':
      return lead(d.commentWindow, 'fra referatet er sendt', 'from when the minutes are sent');
    case 'deadlines.tacitApproval':
      return { value: d.tacitApproval, meaning: { da: 'referatet godkendes stiltiende, når fristen for bemærkninger udløber', en: 'the minutes are approved tacitly when the comment window closes' } };
  }
}

const kindKeys: Record<(typeof defaultedRulePaths)[number], 'agendaLead' | 'itemsCutoff' | 'minutesDue' | 'commentWindow' | 'tacitApproval'> = {
  'deadlines.agendaLead': 'agendaLead',
  'deadlines.itemsCutoff': 'itemsCutoff',
  'deadlines.minutesDue': 'minutesDue',
  'deadlines.commentWindow': 'commentWindow',
  'deadlines.tacitApproval': 'tacitApproval',
};

/** The kind's own default for a rule, when its catalogue entry sets one. */
function kindDefault(path: DefaultedRulePath, kind: KindForDefaults): { value: LeadTime | boolean | number; meaning: { da: string; en: string } } | undefined {
  const from = { da: ` (standard for ${kind.nameDa.toLowerCase()})`, en: ` (default for ${kind.nameEn.toLowerCase()})` };
  if (path === 'meetings.perYearMin' || path === 'meetings.perYearMax') {
    const m = kind.defaults.meetings;
    const v = path === 'meetings.perYearMin' ? m?.perYearMin : m?.perYearMax;
    if (v === undefined || v === null) return undefined;
    return { value: v, meaning: { da: `${v} møder om året${from.da}`, en: `${v} meetings a year${from.en}` } };
  }
  const v = kind.defaults.deadlines?.[kindKeys[path]];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return { value: v, meaning: { da: `${v ? 'stiltiende godkendelse af referatet' : 'referatet godkendes udtrykkeligt'}${from.da}`, en: `${v ? 'tacit approval of the minutes' : 'the minutes are approved explicitly'}${from.en}` } };
  return { value: v, meaning: { da: `${v.amount} ${unitDa[v.unit]}${from.da}`, en: `${v.amount} ${unitEn[v.unit]}${from.en}` } };
}

/**
 * Every field the draft holds (stated or inferred) and every defaulted rule it does not
 * state: the deadlines always (the product has a default for each), the meetings a year
 * when the forum's kind sets a default for them.
 */
export function ruleProvenance(draft: TermsDraft, kind?: KindForDefaults): RuleProvenance[] {
  const out: RuleProvenance[] = [];
  for (const [path, f] of Object.entries(draft.fields) as [ScalarPath, { value: unknown; span: SourceSpan; inferred?: boolean }][]) {
    out.push({ path, provenance: f.inferred ? 'inferred' : 'stated', value: f.value, span: f.span });
  }
  const agenda = draft.fields['deadlines.agendaLead'];
  const kindAgenda = kind?.defaults.deadlines?.agendaLead;
  for (const path of [...defaultedRulePaths, 'meetings.perYearMin', 'meetings.perYearMax'] as DefaultedRulePath[]) {
    if (draft.fields[path as ScalarPath]) continue;
    const own = kind ? kindDefault(path, kind) : undefined;
    if (own) out.push({ path, provenance: 'default', ...own, source: 'kind' });
    else if (path !== 'meetings.perYearMin' && path !== 'meetings.perYearMax') {
      out.push({ path, provenance: 'default', ...defaultRule(path, agenda && !agenda.inferred ? agenda.value : kindAgenda ?? undefined), source: 'product' });
    }
  }
  return out;
}
