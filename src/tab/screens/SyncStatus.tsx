/**
 * "Synkronisering": the Microsoft 365 sync state of the forums the signed-in
 * secretariat administers (GET /api/sync/status): per forum its Teams channel, its
 * meetings' Outlook events and its documents in the channel files, each with a
 * status in words and an icon (never colour alone), attempts, last sync and error;
 * a failed row has a "Prøv igen" button (POST /api/sync/retry) whose outcome is
 * announced in a live region. GRAPH_MODE=off and a person without a secretariat
 * role get a plain explanation instead of a table.
 */
import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { api, type ApiError } from '../api.js';
import { formatDate, formatInstant, type Lang, type Texts } from '../i18n.js';
import { ErrorBar, LoadProblem, hhmm, problemText } from './shared.js';
import type { ForumSyncResponse, SyncStateResponse, SyncStatusResponse } from '../../contracts/sync.contract.js';

type State = { status: string; remoteId?: string | null; attempts?: number; lastError?: string | null; lastSyncedAt?: string | null; detail?: Record<string, unknown> };
type ForumSync = ForumSyncResponse;
type SyncView = SyncStatusResponse;
type Row = { key: string; label: string; state: State; retry: { kind: 'forum' | 'meeting' | 'document' | 'chat'; id: string }; uncertain?: boolean; note?: string };

const useStyles = makeStyles({
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalM, maxWidth: '70rem' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  section: { marginTop: tokens.spacingVerticalXL, maxWidth: '80rem' },
  h3: { display: 'block', marginBottom: tokens.spacingVerticalS },
  error: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground1 },
  meta: { color: tokens.colorNeutralForeground2 },
  live: { marginTop: tokens.spacingVerticalS },
  badge: { whiteSpace: 'nowrap' },
});

// A shape per state besides the word and the colour (WCAG 1.4.1: never colour alone); hidden from screen readers, which read the word.
const glyph = (c: string) => <span aria-hidden="true">{c}</span>;
const icons: Record<string, ReactElement> = { synced: glyph('✓'), failed: glyph('✕'), pending: glyph('…'), queued: glyph('↻'), 'not-synced': glyph('○') };
const colors = { synced: 'success', failed: 'danger', pending: 'warning', queued: 'informative', 'not-synced': 'subtle' } as const;

function StatusBadge({ t, status, className }: { t: Texts; status: string; className: string }) {
  const color = (colors as Record<string, (typeof colors)[keyof typeof colors]>)[status] ?? 'subtle';
  return (
    <Badge appearance={color === 'subtle' ? 'outline' : 'tint'} color={color === 'subtle' ? 'informative' : color} icon={icons[status] ?? icons['not-synced']} size="large" className={className}>
      {t.sy.states[status] ?? status}
    </Badge>
  );
}

/** "<meetingId>:<path>:v<version|latest>" as the document's name in words. */
function documentLabel(t: Texts, documentId: string, detail: Record<string, unknown> | undefined): string {
  const m = /^[^:]+:(.+):v(\d+|latest)$/.exec(documentId);
  const path = m?.[1] ?? documentId;
  const file = path.split('/').pop() ?? path;
  const what = file === 'dagsorden.docx' ? t.sy.agenda : file === 'referat.docx' ? t.sy.minutes : t.sy.attachment(typeof detail?.name === 'string' ? detail.name : file);
  return m?.[2] && m[2] !== 'latest' ? `${what}, ${t.sy.version(m[2])}` : what;
}

function rowsOf(t: Texts, lang: Lang, f: ForumSync): Row[] {
  const eventLabel = (e: ForumSync['events'][number]) => `${t.sy.event(formatDate(e.date, lang), hhmm(e.start, lang))}${e.meetingStatus === 'cancelled' ? ` (${t.sy.cancelled})` : ''}`;
  const byMeeting = new Map(f.events.map((e) => [e.meetingId, e]));
  return [
    { key: `forum:${f.forumId}`, label: t.sy.channel, state: f.channel, retry: { kind: 'forum', id: f.forumId } },
    ...f.events.map((e): Row => ({
      key: `meeting:${e.meetingId}`,
      label: eventLabel(e),
      state: e,
      retry: { kind: 'meeting', id: e.meetingId },
      // Why a meeting with no Outlook event is fine: recorded as history, or held before it was ever synced.
      ...(e.status === 'not-synced' && e.historical ? { note: t.sy.notSentHistory } : e.status === 'not-synced' && e.meetingStatus === 'held' ? { note: t.sy.notSentHeld } : {}),
    })),
    ...f.documents.map((d): Row => {
      const detail = 'detail' in d ? d.detail : undefined;
      const meeting = byMeeting.get(String(detail?.meetingId ?? d.documentId.split(':')[0]));
      const label = documentLabel(t, d.documentId, detail);
      return { key: `document:${d.documentId}`, label: meeting ? `${label} (${formatDate(meeting.date, lang)})` : label, state: d, retry: { kind: 'document', id: d.documentId } };
    }),
    // Cards for the Teams meetings' chats ("<meetingId>:<agenda|minutes|start>:v<version>").
    ...f.chats.map((c): Row => {
      const m = /^(.+):(agenda|minutes|start):v(\d+)$/.exec(c.chatId);
      const meeting = m ? byMeeting.get(m[1]!) : undefined;
      const what = m?.[2] === 'start' ? t.sy.meetingStarted : `${m?.[2] === 'minutes' ? t.sy.minutes : t.sy.agenda}, ${t.sy.version(m?.[3] ?? '?')}`;
      const label = t.sy.chatCard(what);
      const detail = 'detail' in c ? c.detail : undefined;
      return { key: `chat:${c.chatId}`, label: meeting ? `${label} (${formatDate(meeting.date, lang)})` : label, state: c, retry: { kind: 'chat', id: c.chatId }, uncertain: !!detail?.uncertainSince };
    }),
  ];
}

/** The local time of day with seconds, as the screen says when it last read. */
const clock = (d: Date, lang: Lang) => d.toLocaleTimeString(lang === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Copenhagen' });

export function SyncStatus({ t, lang, signedIn }: { t: Texts; lang: Lang; signedIn: boolean }) {
  const styles = useStyles();
  const [view, setView] = useState<SyncView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [queued, setQueued] = useState<Set<string>>(() => new Set());
  const [message, setMessage] = useState<{ ok: boolean; text: string; error?: unknown } | null>(null);

  const [loaded, setLoaded] = useState<{ at: Date; failed: boolean } | null>(null);
  /** `settle`: forget which rows were queued again, the view now shows what their jobs did. */
  const load = useCallback(async (settle = false) => {
    try {
      setView(await api<SyncView>('/api/sync/status'));
      if (settle) setQueued(new Set());
      setError(null);
      setLoaded({ at: new Date(), failed: false });
    } catch (e) {
      setError(e as ApiError);
    }
  }, []);
  useEffect(() => {
    if (signedIn) void load();
  }, [load, signedIn]);
  // Left open, the screen keeps up by itself (every 15 s while it is visible, and when it is shown again). A refresh
  // that fails keeps the rows read before and says so, instead of replacing the table with an error.
  useEffect(() => {
    if (!signedIn) return undefined;
    const refresh = async () => {
      if (document.visibilityState !== 'visible') return;
      try {
        setView(await api<SyncView>('/api/sync/status'));
        setLoaded({ at: new Date(), failed: false });
      } catch (e) {
        if ((e as ApiError).status === 403 || (e as ApiError).status === 409) setError(e as ApiError);
        else setLoaded({ at: new Date(), failed: true });
      }
    };
    const timer = setInterval(() => void refresh(), 15_000);
    const onShow = () => void refresh();
    document.addEventListener('visibilitychange', onShow);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onShow);
    };
  }, [signedIn]);

  const retry = async (row: Row) => {
    setBusy(row.key);
    setMessage(null);
    try {
      await api('/api/sync/retry', { method: 'POST', body: JSON.stringify(row.retry) });
      setQueued((q) => new Set(q).add(row.key));
      setMessage({ ok: true, text: t.sy.retried(row.label) });
      // The job runs in the background: look again shortly, and once more a little later.
      setTimeout(() => void load(), 1500);
      setTimeout(() => void load(true), 5000);
    } catch (e) {
      setMessage({ ok: false, text: t.sy.retryFailed(row.label), error: e });
    } finally {
      setBusy(null);
    }
  };

  const counts = useMemo(() => {
    const c = { failed: 0, pending: 0, synced: 0 };
    for (const f of view?.forums ?? []) for (const r of rowsOf(t, lang, f)) if (r.state.status in c) c[r.state.status as keyof typeof c]++;
    return c;
  }, [view, t, lang]);

  const header = (
    <div className={styles.head}>
      <Title2 as="h2" id="sync-title">{t.sy.title}</Title2>
      <Text as="p">{t.sy.intro}</Text>
    </div>
  );
  if (!signedIn) return <section aria-labelledby="sync-title">{header}<Text>{t.sy.mustSignIn}</Text></section>;
  if (error) {
    const text = error.status === 409 ? t.sy.off : error.status === 403 ? t.sy.forbidden : null;
    return (
      <section aria-labelledby="sync-title">
        {header}
        {text ? <MessageBar intent="info" role="status" data-no-access={error.status === 403 ? '' : undefined}><MessageBarBody>{text}{error.status === 403 ? ` ${t.tb.noAccessAsk}` : ''}</MessageBarBody></MessageBar> : <LoadProblem error={error} lang={lang} onRetry={() => void load()} />}
      </section>
    );
  }
  if (!view) return <section aria-labelledby="sync-title">{header}<Spinner label={t.loading} /></section>;

  const shown = view.forums.map((f) => ({ f, rows: rowsOf(t, lang, f).filter((r) => !onlyProblems || r.state.status === 'failed' || r.state.status === 'pending') })).filter((x) => x.rows.length);

  return (
    <section aria-labelledby="sync-title">
      {header}
      <div className={styles.toolbar}>
        <Text><strong>{t.sy.modeLabel}:</strong> {t.sy.mode[view.mode] ?? view.mode}</Text>
        {view.emulatorUrl ? <Link href={`${view.emulatorUrl}/`} target="_blank" rel="noreferrer">{t.sy.openEmulator}</Link> : null}
        <Text>{t.sy.summary(counts.failed, counts.pending, counts.synced)}</Text>
        <Checkbox label={t.sy.onlyProblems} checked={onlyProblems} onChange={(_, d) => setOnlyProblems(Boolean(d.checked))} />
        <Button onClick={() => void load(true)}>{t.sy.refresh}</Button>
        {loaded ? <Text size={200} data-sync-loaded={loaded.failed ? 'failed' : 'ok'}>{(loaded.failed ? t.sy.updateFailed : t.sy.updatedAt)(clock(loaded.at, lang))}</Text> : null}
      </div>
      <div aria-live="polite" className={styles.live}>
        {message ? (message.ok
          ? <MessageBar intent="success" role="status"><MessageBarBody>{message.text}</MessageBarBody></MessageBar>
          : <MessageBar intent="error" role="alert"><MessageBarBody>{message.text}: {problemText(message.error, lang)}</MessageBarBody></MessageBar>) : null}
      </div>
      {shown.length === 0 ? <Text as="p">{onlyProblems ? t.sy.noProblems : t.sy.nothing}</Text> : null}
      {shown.map(({ f, rows }) => (
        <section key={f.forumId} className={styles.section} aria-labelledby={`sync-${f.forumId}`}>
          <Subtitle2 as="h3" id={`sync-${f.forumId}`} className={styles.h3}>{f.name}</Subtitle2>
          <Table aria-label={t.sy.tableLabel(f.name)} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t.sy.item}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.sy.status}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.sy.attempts}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.sy.lastSynced}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.sy.error}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.sy.action}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => {
                const status = queued.has(r.key) && r.state.status === 'failed' ? 'queued' : r.state.status;
                return (
                  <TableRow key={r.key}>
                    <TableCell><Text as="span">{r.label}</Text></TableCell>
                    <TableCell><StatusBadge t={t} status={status} className={styles.badge} /></TableCell>
                    <TableCell>{r.state.attempts ?? ''}</TableCell>
                    <TableCell>{r.state.lastSyncedAt ? formatInstant(r.state.lastSyncedAt, lang) : ''}</TableCell>
                    <TableCell><Text as="span" size={200} className={r.note ? styles.meta : styles.error}>{r.note ?? (r.state.status === 'synced' || r.state.status === 'not-synced' ? '' : (r.state.lastError ?? ''))}</Text></TableCell>
                    <TableCell>
                      {r.state.status === 'failed' && !queued.has(r.key) ? (
                        <Button size="small" aria-label={r.uncertain ? t.sy.resendLabel(r.label) : t.sy.retryLabel(r.label)} disabled={busy !== null} onClick={() => void retry(r)}>
                          {busy === r.key ? t.sy.retrying : r.uncertain ? t.sy.resend : t.sy.retry}
                        </Button>
                      ) : null}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </section>
      ))}
    </section>
  );
}
