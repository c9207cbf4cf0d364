/**
 * The forum's audit log for the secretariat (GET /api/forums/:id/audit, the latest
 * 200 events): who, what (Danish labels for the actions; a refused request is
 * shown as the attempt it was), when, and the outcome, 25 to a page, with a
 * filter for refused attempts only.
 */
import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Spinner, Switch, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { api } from '../api.js';
import { formatInstant, type Lang, type Texts } from '../i18n.js';
import { ErrorBar } from './shared.js';
import { useWorkflowStyles } from './Workflow.styles.js';

export type AuditEntry = { id: number | string; at: string; action: string; outcome: 'ok' | 'refused'; actorPersonId?: string; forumId?: string; target?: string; detail?: Record<string, unknown> };

const PAGE = 25;

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

  useEffect(() => {
    setEntries(null);
    setError(null);
    api<AuditEntry[]>(`/api/forums/${encodeURIComponent(forumId)}/audit`).then(setEntries, setError);
    api<{ id: string; name: string }[]>('/api/people').then((ps) => setNames(new Map(ps.map((p) => [p.id, p.name]))), () => setNames(new Map()));
  }, [forumId]);

  const shown = useMemo(() => (entries ?? []).filter((e) => !onlyRefused || e.outcome === 'refused'), [entries, onlyRefused]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages - 1);
  const rows = shown.slice(current * PAGE, current * PAGE + PAGE);

  if (error) return <ErrorBar error={error} lang={lang} title={t.loadFailed} />;
  if (!entries) return <Spinner label={t.loading} />;
  return (
    <div>
      <Text as="p" className={w.hint}>{wf.auditIntro}</Text>
      <Switch checked={onlyRefused} onChange={(_, d) => { setOnlyRefused(d.checked); setPage(0); }} label={wf.onlyRefused} />
      {shown.length === 0 ? <Text as="p">{wf.auditEmpty}</Text> : (
        <>
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
          <nav className={w.pager} aria-label={wf.auditPages}>
            <Button size="small" disabled={current === 0} onClick={() => setPage(current - 1)}>{wf.previous}</Button>
            <Text aria-live="polite">{wf.pageOf(current + 1, pages, shown.length)}</Text>
            <Button size="small" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>{wf.next}</Button>
          </nav>
        </>
      )}
    </div>
  );
}
