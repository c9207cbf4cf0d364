/**
 * The forum's audit log for the secretariat (GET /api/forums/:id/audit, newest
 * first, 100 events at a time; "load older events" follows the server's
 * X-Next-Cursor): who, what (Danish labels for the actions; a refused request is
 * shown as the attempt it was), when, and the outcome, 25 to a page, with a
 * filter for refused attempts only.
 */
import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Spinner, Switch, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { api, apiWithHeaders } from '../api.js';
import { formatInstant, type Lang, type Texts } from '../i18n.js';
import { LoadProblem } from './shared.js';
import { useWorkflowStyles } from './Workflow.styles.js';
import type { AuditEventResponse } from '../../contracts/system.contract.js';
import type { PersonResponse } from '../../contracts/registry.contract.js';

export type AuditEntry = AuditEventResponse;

const PAGE = 25;
/** Events fetched per request (the server allows up to 200). */
export const AUDIT_BATCH = 100;

/** "Punkt tilføjet", or for a refused request "Afvist forsøg: POST /api/meetings/:id/minutes/send (HTTP 403)". */
export function auditActionText(t: Texts, e: Pick<AuditEntry, 'action' | 'outcome' | 'detail'>): string {
  const request = /^(GET|POST|PUT|PATCH|DELETE) (\S+)$/.exec(e.action);
  if (request) return t.wf.refusedRequest(request[1]!, request[2]!, e.detail?.status);
  return t.wf.actions[e.action] ?? e.action;
}

export function ForumAuditTab({ t, lang, forumId }: { t: Texts; lang: Lang; forumId: string }) {
  const w = useWorkflowStyles();
  const wf = t.wf;
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [onlyRefused, setOnlyRefused] = useState(false);
  const [page, setPage] = useState(0);
  /** The server's cursor to the next, older batch; null when everything is loaded. */
  const [older, setOlder] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);

  const fetchBatch = (before?: string) =>
    apiWithHeaders<AuditEntry[]>(`/api/forums/${encodeURIComponent(forumId)}/audit?limit=${AUDIT_BATCH}${before ? `&before=${encodeURIComponent(before)}` : ''}`);

  useEffect(() => {
    setEntries(null);
    setError(null);
    setOlder(null);
    fetchBatch().then((r) => { setEntries(r.body); setOlder(r.headers.get('x-next-cursor')); }, setError);
    api<PersonResponse[]>('/api/people').then((ps) => setNames(new Map(ps.map((p) => [p.id, p.name]))), () => setNames(new Map()));
  }, [forumId]); // eslint-disable-line react-hooks/exhaustive-deps

  const shown = useMemo(() => (entries ?? []).filter((e) => !onlyRefused || e.outcome === 'refused'), [entries, onlyRefused]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages - 1);
  const rows = shown.slice(current * PAGE, current * PAGE + PAGE);

  const loadOlder = async () => {
    if (!older || !entries) return;
    setLoadingOlder(true);
    try {
      const r = await fetchBatch(older);
      const firstNew = (onlyRefused ? entries.filter((e) => e.outcome === 'refused') : entries).length;
      setEntries([...entries, ...r.body]);
      setOlder(r.headers.get('x-next-cursor'));
      // Straight to the page with the first of the older events.
      if (r.body.some((e) => !onlyRefused || e.outcome === 'refused')) setPage(Math.floor(firstNew / PAGE));
    } catch (e) {
      setError(e);
    } finally {
      setLoadingOlder(false);
    }
  };
  const olderButton = older
    ? <Button size="small" onClick={() => void loadOlder()} disabled={loadingOlder}>{wf.loadOlder}</Button>
    : <Text size={200}>{wf.allLoaded}</Text>;

  if (error) return <LoadProblem error={error} lang={lang} />;
  if (!entries) return <Spinner label={t.loading} />;
  return (
    <div>
      <Text as="p" className={w.hint}>{wf.auditIntro}</Text>
      <Switch checked={onlyRefused} onChange={(_, d) => { setOnlyRefused(d.checked); setPage(0); }} label={wf.onlyRefused} />
      {shown.length === 0 ? <><Text as="p">{wf.auditEmpty}</Text>{older ? <p>{olderButton}</p> : null}</> : (
        <>
          <div className={w.scroller} role="region" aria-label={wf.auditTitle} tabIndex={0}>
          <div className={w.wide}>
          <Table aria-label={wf.auditTitle} size="small" className={w.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{wf.when}</TableHeaderCell>
                <TableHeaderCell scope="col">{wf.who}</TableHeaderCell>
                <TableHeaderCell scope="col">{wf.auditAction}</TableHeaderCell>
                <TableHeaderCell scope="col">{wf.auditTarget}</TableHeaderCell>
                <TableHeaderCell scope="col">{wf.auditOutcome}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((e) => (
                <TableRow key={e.id} data-audit-action={e.action} data-outcome={e.outcome}>
                  <TableCell>{formatInstant(e.at, lang)}</TableCell>
                  <TableCell>{e.actorPersonId ? (names.get(e.actorPersonId) ?? e.actorPersonId) : e.detail?.system ? wf.systemActor : wf.anonymous}</TableCell>
                  <TableCell className={w.breakable}>{auditActionText(t, e)}</TableCell>
                  <TableCell className={w.breakable}>{e.target ?? (typeof e.detail?.meetingId === 'string' ? e.detail.meetingId : '–')}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={e.outcome === 'refused' ? 'danger' : 'success'}>{e.outcome === 'refused' ? wf.outcomeRefused : wf.outcomeOk}</Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          </div>
          </div>
          <nav className={w.pager} aria-label={wf.auditPages}>
            <Button size="small" disabled={current === 0} onClick={() => setPage(current - 1)}>{wf.previous}</Button>
            <Text aria-live="polite">{wf.pageOf(current + 1, pages, shown.length)}</Text>
            <Button size="small" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>{wf.next}</Button>
            {olderButton}
          </nav>
        </>
      )}
    </div>
  );
}
