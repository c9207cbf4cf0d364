/**
 * Review of an imported kommissorium (issue 8): upload a Word/text file or paste
 * the text, see each extracted value next to the document with its source
 * highlighted and its confidence, edit the values, answer ambiguous forum names,
 * see the diff against the current version, and confirm a new version.
 *
 * Every value the document states is shown with its quote ("stated in the terms");
 * the secretary accepts, corrects or rejects each one (a rejected value is not
 * saved). Rules the document does not set and Samraad would fill in with its
 * defaults (issue 17) are listed apart as "Standard (ikke fastsat i kommissoriet)";
 * none becomes the forum's rule unless she accepts it, which makes it a rule she
 * entered. The diff is worked out by the server (dry run) so what is shown is
 * exactly what confirming saves; any edit after that hides it until it is worked
 * out again.
 */
import { copenhagenToday } from '../today.js';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  Title2,
  mergeClasses,
} from '@fluentui/react-components';
import type {
  DraftValuesResponse,
  ForumMatchResponse,
  ImportDraftResponse,
  RuleProvenanceResponse,
  TermsImportConfirmResponse,
  TermsImportConfirmedResponse,
  TermsImportForumCreatedResponse,
  TermsImportPreviewResponse,
  TermsDraftResponse,
} from '../../contracts/terms-import.contract.js';
import type { ForumKindResponse, ForumViewResponse, OrganisationResponse } from '../../contracts/registry.contract.js';
import { api, type ApiError } from '../api.js';
import type { Lang, Texts } from '../i18n.js';
import { useTermsImportStyles } from './TermsImport.styles.js';
import { kindWord } from './kind-word.js';

// The response types are the server's contract (src/contracts/terms-import.contract.ts). The tab reads a draft's
// findings and values by field path (a string), so those two parts are widened to records here.
type Span = ImportDraftResponse['findings']['forumName']['span'];
type Finding = Omit<TermsDraftResponse['forumName'], 'value'> & { value: unknown };
type Match = ForumMatchResponse;
type Values = { forum: DraftValuesResponse['forum']; terms: Record<string, unknown> };
type Provenance = RuleProvenanceResponse;
type Draft = Omit<ImportDraftResponse, 'terms' | 'findings'> &
  Values & { findings: { forumName: Finding; fields: Record<string, Finding>; lists: Record<string, Finding[]> } };
type Preview = Omit<TermsImportPreviewResponse, 'drafts'> & { drafts: Draft[] };
type ConfirmResult = TermsImportConfirmResponse;
type SeatValue = TermsDraftResponse['lists']['seats'][number]['value'];

const LIST_PATHS = ['purpose', 'tasks', 'seats', 'subGroupsAllowed'] as const;
const SIDES = ['hospital', 'region', 'municipality', 'psychiatry', 'general_practice'];
/** Rows enough to show a value whole: `perLine` characters a line (about 60 in the review's half-width column), at least `least`, at most `most`. */
const textRows = (v: string, least = 2, perLine = 60, most = 8) =>
  Math.max(least, Math.min(most, v.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0)));
const UNITS = ['calendar_days', 'weeks', 'working_days'];

function getValue(v: Values, path: string): unknown {
  if (path === 'forum.kind') return v.forum.kind;
  if (path === 'forum.level') return v.forum.level;
  if (path === 'parent.name') return v.forum.parentName;
  let cur: unknown = v.terms;
  for (const k of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return cur;
}

function setValue(v: Values, path: string, value: unknown): Values {
  const next = structuredClone(v);
  if (path === 'forum.kind') next.forum.kind = value as string;
  else if (path === 'forum.level') next.forum.level = value as string;
  else if (path === 'parent.name') next.forum.parentName = value as string;
  else {
    const keys = path.split('.');
    let cur = next.terms;
    for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
    cur[keys[keys.length - 1]!] = value;
  }
  return next;
}

/** The values without a rule: a forum field is unset, a terms field deleted (and its emptied parents). */
function removeValue(v: Values, path: string): Values {
  const next = structuredClone(v);
  if (path === 'forum.kind') delete next.forum.kind;
  else if (path === 'forum.level') delete next.forum.level;
  else if (path === 'parent.name') delete next.forum.parentName;
  else {
    const keys = path.split('.');
    const chain: Record<string, unknown>[] = [next.terms];
    for (const k of keys.slice(0, -1)) {
      const child = chain[chain.length - 1]![k];
      if (!child || typeof child !== 'object') return next;
      chain.push(child as Record<string, unknown>);
    }
    delete chain[chain.length - 1]![keys[keys.length - 1]!];
    for (let i = chain.length - 1; i > 0; i--) if (Object.keys(chain[i]!).length === 0) delete chain[i - 1]![keys[i - 1]!];
  }
  return next;
}

/** What confirming sends: the reviewed values without the rules and list items the person rejected. */
function withoutRejected(v: Values, rejected: ReadonlySet<string>): Values {
  let next = v;
  for (const key of rejected) {
    const item = /^(purpose|tasks|seats|subGroupsAllowed)\.(\d+)$/.exec(key);
    if (!item) next = removeValue(next, key);
  }
  for (const lp of LIST_PATHS) {
    const items = next.terms[lp] as unknown[] | undefined;
    if (!items) continue;
    const kept = items.filter((_, i) => !rejected.has(`${lp}.${i}`));
    if (kept.length !== items.length) next = kept.length ? setValue(next, lp, kept) : removeValue(next, lp);
  }
  return next;
}

function namesIn(v: Values): string[] {
  const t = v.terms as Record<string, Record<string, string | undefined> | string | undefined>;
  const sub = (k: string, f: string) => (t[k] && typeof t[k] === 'object' ? (t[k] as Record<string, string | undefined>)[f] : undefined);
  const names = [v.forum.parentName, typeof t.approvedByName === 'string' ? t.approvedByName : undefined, sub('jointMeeting', 'withForumName'), sub('themeDays', 'withForumName'), sub('evaluation', 'reportToName'), sub('annualStatus', 'toForumName')];
  return [...new Set(names.filter((n): n is string => Boolean(n)))];
}

const isLeadTime = (x: unknown): x is { amount: number; unit: string } => Boolean(x && typeof x === 'object' && 'amount' in x && 'unit' in x);
const today = () => copenhagenToday();

export function TermsImport({ t, lang, forumId, signedIn, onNavigate, forumNames, onRegistryChanged }: { t: Texts; lang: Lang; forumId: string; signedIn: boolean; onNavigate: (to: string) => void; forumNames?: ReadonlyMap<string, string>; onRegistryChanged?: () => void }) {
  const ti = t.ti;
  const styles = useTermsImportStyles();
  const [forum, setForum] = useState<ForumViewResponse['forum'] | null>(null);
  const [parentName, setParentName] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'read' | 'preview' | 'save' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [draftIndex, setDraftIndex] = useState(0);
  const [values, setValues] = useState<Values | null>(null);
  const [choices, setChoices] = useState<Record<string, string | null>>({});
  const [validFrom, setValidFrom] = useState(today);
  const [active, setActive] = useState<{ key: string; span: Span } | null>(null);
  const [dry, setDry] = useState<ConfirmResult | null>(null);
  const [stale, setStale] = useState(false);
  const [saved, setSaved] = useState<TermsImportConfirmedResponse | null>(null);
  // Review decisions per fact: a scalar's path or a list item's "seats.2".
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  const [rejected, setRejected] = useState<ReadonlySet<string>>(new Set());
  const [acceptedDefaults, setAcceptedDefaults] = useState<ReadonlySet<string>>(new Set());
  // Creating the forum a document describes when it is not in Samraad.
  const [kinds, setKinds] = useState<ForumKindResponse[]>([]);
  const [createName, setCreateName] = useState('');
  const [createKind, setCreateKind] = useState('');
  const [created, setCreated] = useState<TermsImportForumCreatedResponse | null>(null);
  const markRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    api<ForumViewResponse>(`/api/forums/${encodeURIComponent(forumId)}`).then(
      (v) => {
        setForum(v.forum);
        setParentName(v.parent?.name ?? null);
      },
      setError,
    );
  }, [forumId]);

  useEffect(() => {
    api<ForumKindResponse[]>('/api/forum-kinds').then(setKinds, setError);
  }, []);

  // Organisations by their names, not their ids ("Hospitalsenhed Midt", not "hemidt"); without the list, the id.
  const [organisations, setOrganisations] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    api<OrganisationResponse[]>('/api/organisations').then((os) => setOrganisations(new Map(os.map((o) => [o.id, o.name]))), () => setOrganisations(new Map()));
  }, []);
  // The document is about another forum than the one the import was opened for: saving it here must be meant.
  const [meantForThisForum, setMeantForThisForum] = useState(false);

  const docRef = useRef<HTMLPreElement | null>(null);
  // Scrolls only the document pane (scrollIntoView would move the whole page under the pointer).
  useEffect(() => {
    const mark = markRef.current;
    const pane = docRef.current;
    if (!mark || !pane) return;
    const top = mark.offsetTop;
    if (top < pane.scrollTop || top + mark.offsetHeight > pane.scrollTop + pane.clientHeight) pane.scrollTop = Math.max(0, top - pane.clientHeight / 3);
  }, [active]);

  const draft = preview?.drafts[draftIndex];
  /** The forum's current terms beside the document's, for the draft that is this forum. */
  const comparison = preview?.comparison && preview.comparison.draftIndex === draftIndex ? preview.comparison : null;
  const detail = (e: ApiError) => (lang === 'da' ? (e.detailDa ?? e.detail) : e.detail);

  const pickDraft = (p: Preview, i: number) => {
    setDraftIndex(i);
    const d = p.drafts[i];
    setValues(d ? { forum: structuredClone(d.forum), terms: structuredClone(d.terms) } : null);
    setChoices({});
    setDry(null);
    setStale(false);
    setMeantForThisForum(false);
    setActive(null);
    setAccepted(new Set());
    setRejected(new Set());
    setAcceptedDefaults(new Set());
    setCreateName(d?.forum.name ?? '');
    setCreateKind(d?.catalogueKind ?? '');
    setCreated(null);
  };

  const read = async () => {
    setBusy('read');
    setError(null);
    setSaved(null);
    try {
      const q = `forumId=${encodeURIComponent(forumId)}`;
      const r = file
        ? await api<TermsImportPreviewResponse>(`/api/terms-import?${q}&fileName=${encodeURIComponent(file.name)}`, { method: 'POST', body: file, headers: { 'content-type': file.type || 'application/octet-stream' } })
        : await api<TermsImportPreviewResponse>(`/api/terms-import?${q}`, { method: 'POST', body: JSON.stringify({ text: pasted }) });
      // The contract's response, read by field path: findings and terms as records (see the types above).
      const p: Preview = r;
      setPreview(p);
      pickDraft(p, p.forumDraftIndex ?? 0);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(null);
    }
  };

  const edited = (next: Values) => {
    setValues(next);
    if (dry) setStale(true);
    setDry(null);
  };
  const invalidate = () => {
    if (dry) setStale(true);
    setDry(null);
  };
  const toggle = (set: ReadonlySet<string>, key: string) => {
    const next = new Set(set);
    if (!next.delete(key)) next.add(key);
    return next;
  };
  const toggleAccept = (key: string) => {
    setAccepted((a) => toggle(a, key));
    setRejected((r) => { const n = new Set(r); n.delete(key); return n; });
  };
  const toggleReject = (key: string) => {
    setRejected((r) => toggle(r, key));
    setAccepted((a) => { const n = new Set(a); n.delete(key); return n; });
    invalidate();
  };
  const acceptDefault = (p: Provenance) => {
    if (!values) return;
    edited(setValue(values, p.path, structuredClone(p.value)));
    setAcceptedDefaults((a) => new Set(a).add(p.path));
  };
  const undoDefault = (path: string) => {
    if (!values) return;
    edited(removeValue(values, path));
    setAcceptedDefaults((a) => { const n = new Set(a); n.delete(path); return n; });
  };
  const choose = (name: string, id: string | null) => {
    setChoices((c) => ({ ...c, [name]: id }));
    if (dry) setStale(true);
    setDry(null);
  };

  const submit = async (dryRun: boolean) => {
    if (!values) return;
    setBusy(dryRun ? 'preview' : 'save');
    setError(null);
    try {
      const r = await api<ConfirmResult>(`/api/forums/${encodeURIComponent(forumId)}/terms/import-confirm`, {
        method: 'POST',
        body: JSON.stringify({ validFrom, draftValues: withoutRejected(values, rejected), forumChoices: choices, dryRun }),
      });
      if (r.dryRun) {
        setDry(r);
        setStale(false);
      } else {
        setSaved(r);
        setDry(null);
      }
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(null);
    }
  };

  const createForum = async () => {
    if (!values) return;
    setBusy('save');
    setError(null);
    try {
      const r = await api<TermsImportForumCreatedResponse>('/api/terms-import/create-forum', {
        method: 'POST',
        body: JSON.stringify({ validFrom, draftValues: withoutRejected(values, rejected), forumChoices: choices, forum: { name: createName.trim(), kind: createKind, parentId: forumId } }),
      });
      setCreated(r);
      // The new forum appears in the forum tree at once.
      onRegistryChanged?.();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(null);
    }
  };

  const startOver = () => {
    setPreview(null);
    setValues(null);
    setDry(null);
    setSaved(null);
    setError(null);
    setActive(null);
  };

  const focusProps = (key: string, span: Span | undefined) =>
    span && span.end > span.start
      ? { onFocus: () => setActive({ key, span }), onMouseEnter: () => setActive({ key, span }) }
      : {};
  const rowClass = (key: string) => mergeClasses(styles.row, active?.key === key && styles.rowActive);

  const confidenceBadge = (f: Finding) => {
    const pct = Math.round(f.confidence * 100);
    return (
      <span className={styles.badges}>
        <Badge appearance="tint" color="brand" data-testid="provenance">{f.inferred ? ti.inferred : ti.stated}</Badge>
        <Badge appearance="tint" color={pct >= 80 ? 'success' : pct >= 60 ? 'warning' : 'danger'} aria-label={ti.confidenceLabel(pct)}>
          {ti.confidence(pct)}
        </Badge>
      </span>
    );
  };

  /** Accept or reject one fact the document states; a rejected one is struck through and not saved. */
  const factActions = (key: string, label: string) => (
    <div role="group" aria-label={ti.actionsFor(label)} className={styles.factActions}>
      {rejected.has(key) ? (
        <>
          <Text size={200} role="status">{ti.rejected}</Text>
          <Button size="small" onClick={() => toggleReject(key)}>{ti.undo}</Button>
        </>
      ) : (
        <>
          <Button size="small" appearance={accepted.has(key) ? 'primary' : 'secondary'} aria-pressed={accepted.has(key)} onClick={() => toggleAccept(key)}>
            {accepted.has(key) ? ti.accepted : ti.accept}
          </Button>
          <Button size="small" appearance="subtle" onClick={() => toggleReject(key)}>{ti.reject}</Button>
        </>
      )}
    </div>
  );
  const quote = (f: Finding) =>
    f.span.end > f.span.start ? (
      <Text as="p" size={200} className={styles.quote}>
        <span className={styles.srOnly}>{ti.sourceLabel}: </span>«{f.span.quote}»
      </Text>
    ) : null;

  /** A label for any path the API names: extracted fields, lists, stored settings, or the nearest labelled parent. */
  const fieldLabel = (path: string): string => {
    const direct = ti.fields[path] ?? ti.lists[path] ?? ti.other[path];
    if (direct) return direct;
    const parts = path.split('.');
    for (let n = parts.length - 1; n > 0; n--) {
      const p = parts.slice(0, n).join('.');
      const l = ti.fields[p] ?? ti.lists[p] ?? ti.other[p];
      if (l) return `${l} (${parts.slice(n).join('.')})`;
    }
    return path;
  };
  /**
   * The catalogue's key for a draft's forum kind: the value itself when it is a key, else the key the server
   * found for the kind the document names (the importer's own word for it, e.g. "sundhedskoordinationsudvalg").
   */
  const kindKeyOf = (v: unknown): string => {
    if (typeof v !== 'string' || v === '') return '';
    if (kinds.some((k) => k.key === v)) return v;
    return draft?.catalogueKind && v === draft.findings.fields['forum.kind']?.value ? draft.catalogueKind : '';
  };
  const kindName = (key: string) => {
    const k = kinds.find((x) => x.key === key);
    return k ? (lang === 'da' ? k.nameDa : k.nameEn) : undefined;
  };
  const show = (x: unknown, path = ''): string => {
    if (x === undefined || x === null || x === '') return '–';
    if (path === 'forum.kind' && typeof x === 'string') return kindName(kindKeyOf(x)) ?? ti.kindNotInCatalogue(kindWord(x));
    if (typeof x === 'boolean') return x ? ti.yes : ti.no;
    // A forum named by its id (approved by, parent, sister forum): its name, as the forum tree shows it.
    if (typeof x === 'string' && /forum/i.test(path) && forumNames?.get(x)) return forumNames.get(x)!;
    if (typeof x === 'string' && /^chair\.(sides|rotatingSide)/.test(path)) return t.sides[x] ?? x;
    if (typeof x === 'string' && path === 'chair.rotationOrder') return organisations.get(x) ?? t.sides[x] ?? x;
    if (typeof x === 'string' && path === 'forum.level') return t.levels[x] ?? x;
    if (isLeadTime(x)) return `${x.amount} ${(x.amount === 1 ? t.unitsOne[x.unit] : t.units[x.unit]) ?? x.unit}`;
    if (Array.isArray(x)) return x.map((i) => show(i, path)).join(path === 'chair.sides' ? ', ' : '\n');
    if (typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if ('party' in o) {
        const s = o as { party: { kind: string; sector?: string; organisationId?: string }; role?: string; min: number | null; max: number | null };
        const n = s.min === null && s.max === null ? '' : s.min === s.max ? `${s.min} ` : s.max === null ? `${s.min}+ ` : s.min === null ? `≤${s.max} ` : `${s.min}-${s.max} `;
        const who = s.party.kind === 'organisation' ? (organisations.get(s.party.organisationId ?? '') ?? s.party.organisationId) : (ti.sectors[s.party.sector ?? ''] ?? s.party.sector);
        return `${n}${s.role ?? ''} (${who})`;
      }
      // A meeting of the year wheel: "Møde 2: Samarbejdsaftale om hjælpemidler".
      if (typeof o.meetingIndex === 'number' && typeof o.agreement === 'string') return ti.wheelItem(o.meetingIndex, o.agreement);
      return Object.entries(o).map(([k, v]) => `${ti.subKeys[k] ?? k}: ${show(v, `${path}.${k}`)}`).join(', ');
    }
    return String(x);
  };

  /** One editor per value shape: yes/no, number, text, date, duration, sides, or a small object. */
  const editor = (path: string, label: string, value: unknown, onChange: (v: unknown) => void): ReactNode => {
    if (typeof value === 'boolean') return <Checkbox label={label} checked={value} onChange={(_, d) => onChange(Boolean(d.checked))} />;
    if (typeof value === 'number' || value === null) {
      return (
        <Field label={label}>
          <Input type="number" value={value === null ? '' : String(value)} onChange={(_, d) => onChange(d.value === '' ? null : Number(d.value))} />
        </Field>
      );
    }
    // The kind is a choice from the catalogue of forum kinds (data: kinds added by an administrator are offered too).
    if (path === 'forum.kind' && (typeof value === 'string' || value === undefined)) {
      const key = kindKeyOf(value);
      // A kind outside the catalogue is said under the choice, whole (an option's text is cut at the select's edge).
      const outside = typeof value === 'string' && value && !key ? ti.kindNotInCatalogue(kindWord(value)) : undefined;
      return (
        <Field label={label} validationState={outside ? 'warning' : 'none'} validationMessage={outside}>
          <Select
            value={key}
            data-testid="kind-choice"
            onChange={(_, d) => {
              onChange(d.value || undefined);
              if (d.value && !created) setCreateKind(d.value);
            }}
          >
            <option value="">{ti.chooseKind}</option>
            {kinds.map((k) => <option key={k.key} value={k.key}>{lang === 'da' ? k.nameDa : k.nameEn}</option>)}
          </Select>
        </Field>
      );
    }
    // The side whose seat the chair rotates among is one of the sides, by its name (never the key "municipality").
    if (path === 'chair.rotatingSide' && typeof value === 'string') {
      return (
        <Field label={label}>
          <Select value={value} onChange={(_, d) => onChange(d.value)}>
            {SIDES.includes(value) ? null : <option value={value}>{value}</option>}
            {SIDES.map((side) => <option key={side} value={side}>{t.sides[side] ?? side}</option>)}
          </Select>
        </Field>
      );
    }
    // The level is one of the product's levels, shown by its name.
    if (path === 'forum.level' && typeof value === 'string') {
      return (
        <Field label={label}>
          <Select value={value} onChange={(_, d) => onChange(d.value)}>
            {value in t.levels ? null : <option value={value}>{value}</option>}
            {Object.entries(t.levels).map(([k, name]) => <option key={k} value={k}>{name}</option>)}
          </Select>
        </Field>
      );
    }
    if (typeof value === 'string') {
      // A date is picked; text is edited in a textarea that grows with it (one line for a short value), so a long value
      // ("Sundhedsdirektøren i regionen og en kommunaldirektør fra klyngen") is read whole, not cut at the field's edge.
      return (
        <Field label={label}>
          {path === 'approvedOn'
            ? <Input type="date" value={value} onChange={(_, d) => onChange(d.value)} />
            : <Textarea resize="vertical" rows={textRows(value, 1)} value={value} onChange={(_, d) => onChange(d.value)} />}
        </Field>
      );
    }
    if (path === 'chair.sides' && Array.isArray(value)) {
      return (
        <Field label={label}>
          <div className={styles.inline} role="group" aria-label={label}>
            {SIDES.map((s) => (
              <Checkbox key={s} label={t.sides[s] ?? s} checked={value.includes(s)} onChange={(_, d) => onChange(d.checked ? [...value, s] : value.filter((x) => x !== s))} />
            ))}
          </div>
        </Field>
      );
    }
    if (isLeadTime(value)) {
      return (
        <div className={styles.inline} role="group" aria-label={label}>
          <Field label={label}>
            <Input type="number" min={0} value={String(value.amount)} onChange={(_, d) => onChange({ ...value, amount: Number(d.value) })} />
          </Field>
          <Field label={ti.unit}>
            <Select value={value.unit} onChange={(_, d) => onChange({ ...value, unit: d.value })}>
              {UNITS.map((u) => <option key={u} value={u}>{t.units[u] ?? u}</option>)}
            </Select>
          </Field>
        </div>
      );
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const o = value as Record<string, unknown>;
      return (
        <fieldset className={styles.sub} style={{ border: 'none', margin: 0, padding: 0 }}>
          <legend><Text weight="semibold">{label}</Text></legend>
          {Object.entries(o).map(([k, v]) => <div key={k}>{editor(`${path}.${k}`, ti.subKeys[k] ?? k, v, (nv) => onChange({ ...o, [k]: nv }))}</div>)}
        </fieldset>
      );
    }
    return <Text>{label}: {show(value)}</Text>;
  };

  const docText = useMemo(() => {
    if (!preview) return null;
    if (!active) return preview.text;
    const { start, end } = active.span;
    return (
      <>
        {preview.text.slice(0, start)}
        <mark ref={markRef} className={styles.mark} data-testid="source-highlight">{preview.text.slice(start, end)}</mark>
        {preview.text.slice(end)}
      </>
    );
  }, [preview, active, styles.mark]);

  if (!signedIn) return <MessageBar intent="warning"><MessageBarBody>{ti.mustSignIn}</MessageBarBody></MessageBar>;

  const header = (
    <div className={styles.head}>
      <Title2 as="h2" id="import-title">{ti.title(forum?.name ?? forumId)}</Title2>
      <Text className={styles.intro}>{ti.intro}</Text>
      <div className={styles.actions}>
        <Link href={`#/forums/${forumId}`}>{ti.back}</Link>
        {preview ? <Button appearance="subtle" onClick={startOver}>{ti.startOver}</Button> : null}
      </div>
    </div>
  );
  const errorBar = error ? (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{ti.failed}</MessageBarTitle>
        {detail(error)}
        {error.errors?.length ? <ul className={styles.list}>{error.errors.map((e, i) => <li key={i}>{fieldLabel(e.field)}: {e.reason}</li>)}</ul> : null}
      </MessageBarBody>
    </MessageBar>
  ) : null;

  if (!preview) {
    return (
      <article aria-labelledby="import-title" className={styles.page}>
        {header}
        {errorBar}
        <form className={styles.inputs} onSubmit={(e) => { e.preventDefault(); void read(); }}>
          <Field label={ti.fileLabel}>
            <input
              className={styles.file}
              type="file"
              accept=".docx,.pdf,.html,.htm,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,text/html,text/plain"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Field>
          <Field label={ti.pasteLabel}>
            <Textarea resize="vertical" rows={10} value={pasted} onChange={(_, d) => setPasted(d.value)} disabled={Boolean(file)} />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy !== null || (!file && !pasted.trim())}>{ti.read}</Button>
            {busy === 'read' ? <Spinner size="tiny" label={ti.reading} /> : null}
          </div>
        </form>
      </article>
    );
  }

  const fields = draft ? Object.entries(draft.findings.fields) : [];
  const defaults = (draft?.provenance ?? []).filter((p) => p.provenance === 'default');
  // The draft names a forum Samraad does not have: it may be created (under the forum the import was opened from).
  const isOtherForum = Boolean(draft && draft.forum.name && 'none' in draft.forumMatch);
  // The forum the document names is not the one the import was opened for (another forum, one Samraad does not have,
  // or several it could be): its terms are saved here only when the person says the document is this forum's.
  const namesAnotherForum = Boolean(
    draft && draft.forum.name && !('match' in draft.forumMatch && draft.forumMatch.match.id === forumId) && !('ambiguous' in draft.forumMatch && draft.forumMatch.ambiguous.some((f) => f.id === forumId)),
  );
  const mayConfirmHere = !namesAnotherForum || meantForThisForum;
  const names = draft ? namesIn(draft) : [];
  const parent = preview.parentMatches[draftIndex];
  const contradictions = preview.contradictions.filter((c) => !draft || c.forumName === draft.findings.forumName.value);

  return (
    <article aria-labelledby="import-title" className={styles.page}>
      {header}
      {errorBar}
      {saved ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            <MessageBarTitle>{ti.saved(saved.terms.version)}</MessageBarTitle>
            <Link href={`#/forums/${forumId}`}>{ti.back}</Link>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.columns}>
        <section className={styles.docPane} aria-labelledby="doc-heading">
          <Subtitle1 as="h3" id="doc-heading" className={styles.paneHeading}>{ti.documentHeading}</Subtitle1>
          <Text size={200} className={styles.hint}>{ti.documentHint}</Text>
          <pre ref={docRef} className={styles.doc} tabIndex={0} role="region" aria-labelledby="doc-heading" data-testid="document-text">{docText}</pre>
        </section>

        <section className={styles.form} aria-labelledby="draft-heading">
          <Subtitle1 as="h3" id="draft-heading" className={styles.paneHeading}>{ti.draftHeading}{draft ? `: ${draft.forum.name}` : ''}</Subtitle1>
          {preview.drafts.length > 1 ? (
            <Field label={ti.whichDraft}>
              <Select value={String(draftIndex)} onChange={(_, d) => pickDraft(preview, Number(d.value))}>
                {preview.drafts.map((d, i) => <option key={i} value={i}>{d.forum.name || `#${i + 1}`}</option>)}
              </Select>
            </Field>
          ) : null}
          {!draft || !values ? <MessageBar intent="warning"><MessageBarBody>{ti.noDrafts}</MessageBarBody></MessageBar> : (
            <>
              {contradictions.length ? (
                <MessageBar intent="warning">
                  <MessageBarBody>
                    <MessageBarTitle>{ti.contradictions}</MessageBarTitle>
                    <ul className={styles.list}>
                      {contradictions.map((c, i) => (
                        <li key={i}>
                          {fieldLabel(c.field)}: {c.findings.map((f, j) => (
                            <span key={j}>{j ? ' / ' : ''}<Link onClick={() => setActive({ key: `contradiction-${i}-${j}`, span: f.span })}>{show(f.value, c.field)} («{f.span.quote}»)</Link></span>
                          ))}
                        </li>
                      ))}
                    </ul>
                    {ti.contradictionFirstKept}
                  </MessageBarBody>
                </MessageBar>
              ) : null}

              <section className={styles.section} aria-labelledby="names-heading">
                <Subtitle2 as="h4" id="names-heading">{ti.namesHeading}</Subtitle2>
                {names.length === 0 ? <Text className={styles.meta} data-testid="no-names">{ti.noNames}</Text> : null}
                {names.map((name) => {
                  const m = preview.nameMatches[name];
                  const isParent = parent?.name === name;
                  return (
                    <div key={name} className={styles.sub}>
                      <Text weight="semibold">{isParent ? `${ti.parent}: ` : ''}«{name}»</Text>
                      {!m || 'none' in m ? <Text className={styles.meta}>{ti.notFound}</Text> : 'match' in m ? (
                        <Text>
                          {ti.matched}: {m.match.name}
                          {isParent && forum && forum.parentId !== m.match.id && parentName ? ` ${ti.parentDiffers(parentName)}` : ''}
                        </Text>
                      ) : (
                        <Field label={ti.ambiguous(name)} hint={choices[name] === undefined ? ti.notAnswered : undefined}>
                          <RadioGroup value={choices[name] === undefined ? '' : (choices[name] ?? '-')} onChange={(_, d) => choose(name, d.value === '-' ? null : d.value)}>
                            {m.ambiguous.map((f) => <Radio key={f.id} value={f.id} label={f.name} />)}
                            <Radio value="-" label={ti.noneOfThem} />
                          </RadioGroup>
                        </Field>
                      )}
                    </div>
                  );
                })}
              </section>

              <section className={styles.section} aria-labelledby="fields-heading">
                <Subtitle2 as="h4" id="fields-heading">{ti.fieldsHeading}</Subtitle2>
                <Text size={200} className={styles.meta}>{ti.notStatedNote}</Text>
                {fields.map(([path, f]) => (
                  <div key={path} className={rowClass(path)} {...focusProps(path, f.span)} data-field={path} data-provenance={f.inferred ? 'inferred' : 'stated'}>
                    <div className={styles.sub}>
                      {rejected.has(path)
                        ? <Text className={styles.rejectedValue}>{fieldLabel(path)}: {show(getValue(values, path), path)}</Text>
                        : editor(path, fieldLabel(path), getValue(values, path), (v) => edited(setValue(values, path, v)))}
                      {quote(f)}
                    </div>
                    <div className={styles.sub}>
                      {confidenceBadge(f)}
                      {factActions(path, fieldLabel(path))}
                    </div>
                  </div>
                ))}
              </section>

              <section className={styles.section} aria-labelledby="defaults-heading" data-testid="defaults">
                <Subtitle2 as="h4" id="defaults-heading">{ti.defaultsHeading}</Subtitle2>
                <Text size={200} className={styles.meta}>{ti.defaultsIntro}</Text>
                {defaults.length === 0 ? <Text>{ti.noDefaults}</Text> : defaults.map((d) => {
                  const on = acceptedDefaults.has(d.path);
                  const label = fieldLabel(d.path);
                  return (
                    <div key={d.path} className={mergeClasses(styles.row, !on && styles.defaultRow)} data-field={d.path} data-provenance={on ? 'entered' : 'default'}>
                      <div className={styles.sub}>
                        {on
                          ? editor(d.path, label, getValue(values, d.path), (v) => edited(setValue(values, d.path, v)))
                          : <Text weight="semibold">{label}</Text>}
                        {on ? null : <Text size={200}>{ti.defaultMeaning((lang === 'da' ? d.meaning?.da : d.meaning?.en) ?? show(d.value, d.path))}</Text>}
                      </div>
                      <div className={styles.sub}>
                        <span className={styles.badges}>
                          <Badge appearance="outline" color={on ? 'success' : 'warning'} data-testid="provenance">{on ? ti.enteredByYou : ti.defaultBadge}</Badge>
                        </span>
                        {on
                          ? <Button size="small" onClick={() => undoDefault(d.path)}>{ti.undo}</Button>
                          : <Button size="small" onClick={() => acceptDefault(d)} aria-label={ti.acceptDefaultFor(label)}>{ti.acceptDefault}</Button>}
                      </div>
                    </div>
                  );
                })}
              </section>

              <section className={styles.section} aria-labelledby="lists-heading">
                <Subtitle2 as="h4" id="lists-heading">{ti.listsHeading}</Subtitle2>
                {LIST_PATHS.map((lp) => {
                  const found = draft.findings.lists[lp] ?? [];
                  const items = (values.terms[lp] as unknown[] | undefined) ?? [];
                  if (!found.length) return null;
                  return (
                    <fieldset key={lp} className={styles.sub} style={{ border: 'none', margin: 0, padding: 0 }}>
                      <legend><Text weight="semibold">{ti.lists[lp]}</Text></legend>
                      {found.map((f, i) => {
                        const key = `${lp}.${i}`;
                        const item = items[i];
                        const setItem = (v: unknown) => {
                          const next = [...items];
                          next[i] = v;
                          edited(setValue(values, lp, next));
                        };
                        return (
                          <div key={key} className={rowClass(key)} {...focusProps(key, f.span)} data-field={key}>
                            {lp === 'seats' ? (
                              <div className={styles.seat}>
                                <Field label={`${ti.seat} ${i + 1}: ${ti.sectors[(item as SeatValue).party.sector] ?? ''}${(item as SeatValue).party.perOrganisation ? `, ${ti.perOrganisation}` : ''}`}>
                                  {/* A textarea that grows with its text: a long seat ("center-/afdelingsledelsesrepræsentanter") wraps, not cut at the field's edge. */}
                                  <Textarea resize="vertical" rows={textRows((item as SeatValue).role ?? '', 1, 26, 4)} value={(item as SeatValue).role ?? ''} aria-label={`${ti.seat} ${i + 1}: ${ti.seatRole}`} onChange={(_, d) => setItem({ ...(item as SeatValue), role: d.value || undefined })} />
                                </Field>
                                <Field label={ti.seatMin}>
                                  <Input type="number" min={0} value={(item as SeatValue).min === null ? '' : String((item as SeatValue).min)} onChange={(_, d) => setItem({ ...(item as SeatValue), min: d.value === '' ? null : Number(d.value) })} />
                                </Field>
                                <Field label={ti.seatMax}>
                                  <Input type="number" min={0} value={(item as SeatValue).max === null ? '' : String((item as SeatValue).max)} onChange={(_, d) => setItem({ ...(item as SeatValue), max: d.value === '' ? null : Number(d.value) })} />
                                </Field>
                              </div>
                            ) : (
                              <Field label={ti.item(i + 1)}>
                                <Textarea resize="vertical" rows={textRows(String(item ?? ''))} value={String(item ?? '')} onChange={(_, d) => setItem(d.value)} />
                              </Field>
                            )}
                            <div className={styles.sub}>
                              {confidenceBadge(f)}
                              {factActions(key, lp === 'seats' ? `${ti.seat} ${i + 1}` : `${ti.lists[lp]}: ${ti.item(i + 1)}`)}
                            </div>
                            {quote(f)}
                          </div>
                        );
                      })}
                    </fieldset>
                  );
                })}
              </section>
            </>
          )}
        </section>
      </div>
      {draft && values && isOtherForum ? (
        <section className={styles.confirm} aria-labelledby="create-heading" data-testid="create-forum">
          <Subtitle1 as="h3" id="create-heading" className={styles.paneHeading}>{ti.createHeading}</Subtitle1>
          <Text>{ti.createIntro(forum?.name ?? forumId)}</Text>
          <Field label={ti.createName} required className={styles.narrow}>
            <Input value={createName} onChange={(_, d) => setCreateName(d.value)} />
          </Field>
          <Field label={ti.createKind} required className={styles.narrow}>
            <Select value={createKind} onChange={(_, d) => setCreateKind(d.value)}>
              <option value="">{ti.chooseKind}</option>
              {kinds.map((k) => <option key={k.key} value={k.key}>{lang === 'da' ? k.nameDa : k.nameEn}</option>)}
            </Select>
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void createForum()} disabled={busy !== null || !createKind || !createName.trim() || !validFrom || Boolean(created)}>{ti.createButton}</Button>
            {busy === 'save' ? <Spinner size="tiny" label={ti.creating} /> : null}
          </div>
          {created ? (
            <MessageBar intent="success" role="status">
              <MessageBarBody>
                <MessageBarTitle>{ti.created(created.forum.name)}</MessageBarTitle>
                <Link href={`#/forums/${created.forum.id}`}>{ti.openCreated}</Link>
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </section>
      ) : null}
      {draft && values && comparison ? (
        <section className={styles.confirm} aria-labelledby="compare-heading" data-testid="terms-compare">
          <Subtitle1 as="h3" id="compare-heading" className={styles.paneHeading}>{ti.compareHeading(comparison.currentVersion)}</Subtitle1>
          <Text as="p" size={200} className={styles.meta}>{ti.compareNote}</Text>
          <Text as="p" size={200} className={styles.meta}>
            {ti.compareCounts(...(['changed', 'new', 'unchanged', 'absent'] as const).map((k) => comparison.fields.filter((f) => f.status === k).length) as [number, number, number, number])}
          </Text>
          <Table size="small" aria-labelledby="compare-heading">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{ti.field}</TableHeaderCell>
                <TableHeaderCell scope="col">{ti.status}</TableHeaderCell>
                <TableHeaderCell scope="col">{ti.current}</TableHeaderCell>
                <TableHeaderCell scope="col">{ti.imported}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {comparison.fields.map((f) => (
                <TableRow key={f.path} data-status={f.status}>
                  <TableCell className={styles.diffCell}>{fieldLabel(f.path)}</TableCell>
                  <TableCell className={styles.diffCell}>
                    <Text weight={f.status === 'unchanged' ? 'regular' : 'semibold'}>{ti.compareStatus[f.status]}</Text>
                    {f.status === 'absent' ? <Text size={200} className={styles.meta}>{` (${f.keptOnConfirm ? ti.keptOnConfirm : ti.droppedOnConfirm})`}</Text> : null}
                  </TableCell>
                  <TableCell className={styles.diffCell}>{show(f.current, f.path)}</TableCell>
                  <TableCell className={styles.diffCell}>{show(f.imported, f.path)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ) : null}
      {draft && values ? (
          <section className={styles.confirm} aria-labelledby="confirm-heading">
            <Subtitle1 as="h3" id="confirm-heading" className={styles.paneHeading}>{ti.diffHeading(dry ? dry.previousVersion : (comparison?.currentVersion ?? null))}</Subtitle1>
            {namesAnotherForum ? (
              <>
                <MessageBar intent="warning" data-testid="other-forum-warning">
                  <MessageBarBody>
                    <MessageBarTitle>{ti.otherForumTitle(draft.forum.name, forum?.name ?? forumId)}</MessageBarTitle>
                    {isOtherForum ? ti.otherForumCreate : ti.otherForumOpen}
                  </MessageBarBody>
                </MessageBar>
                <Checkbox
                  checked={meantForThisForum}
                  label={ti.otherForumMeant(forum?.name ?? forumId)}
                  onChange={(_, d) => { setMeantForThisForum(Boolean(d.checked)); setDry(null); }}
                />
              </>
            ) : null}
            <Field label={ti.validFrom} required className={styles.narrow}>
              <Input type="date" value={validFrom} onChange={(_, d) => { setValidFrom(d.value); if (dry) setStale(true); setDry(null); }} />
            </Field>
            {stale ? <MessageBar intent="info"><MessageBarBody>{ti.editedAfterPreview}</MessageBarBody></MessageBar> : null}
            <div className={styles.actions}>
              <Button onClick={() => void submit(true)} disabled={busy !== null || !validFrom || !mayConfirmHere}>{ti.preview}</Button>
              <Button appearance="primary" onClick={() => void submit(false)} disabled={busy !== null || !dry || !mayConfirmHere}>{ti.confirm}</Button>
              {busy === 'preview' ? <Spinner size="tiny" label={ti.previewing} /> : busy === 'save' ? <Spinner size="tiny" label={ti.saving} /> : null}
            </div>
            {dry ? (
              <div className={styles.diff}>
                {dry.diff.length === 0 ? <Text>{ti.noChanges}</Text> : (
                  <Table size="small" aria-label={ti.diffHeading(dry.previousVersion)}>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">{ti.field}</TableHeaderCell>
                        <TableHeaderCell scope="col">{ti.before}</TableHeaderCell>
                        <TableHeaderCell scope="col">{ti.after}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {dry.diff.map((c) => (
                        <TableRow key={c.path}>
                          <TableCell className={styles.diffCell}>{fieldLabel(c.path)}</TableCell>
                          <TableCell className={styles.diffCell}>{c.kind === 'list' ? (c.removed.length ? `${ti.removed}:\n${show(c.removed, c.path)}` : '') : show('before' in c ? c.before : undefined, c.path)}</TableCell>
                          <TableCell className={styles.diffCell}>{c.kind === 'list' ? (c.added.length ? `${ti.added}:\n${show(c.added, c.path)}` : '') : show('after' in c ? c.after : undefined, c.path)}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
                {dry.carriedOver.length ? <Text as="p" size={200} className={styles.meta}>{ti.carriedOver}: {dry.carriedOver.map((p) => fieldLabel(p)).join(', ')}</Text> : null}
                {dry.unresolved.length ? <Text as="p" size={200} className={styles.meta}>{ti.unresolved}: {dry.unresolved.map((u) => `«${u.name}» (${fieldLabel(u.field)})`).join(', ')}</Text> : null}
                {dry.assumptions.length ? <Text as="p" size={200} className={styles.meta}>{ti.assumptions}: {dry.assumptions.map((a) => `${fieldLabel(a.field)} = ${show(a.value, a.field)} (${a.why})`).join('; ')}</Text> : null}
              </div>
            ) : null}
          </section>
      ) : null}
    </article>
  );
}
