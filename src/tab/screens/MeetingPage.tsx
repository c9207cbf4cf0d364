/**
 * The meeting page (#/meetings/:id): a status timeline with every deadline, then
 * tabs for the agenda (builder and proposals), attendance, the minutes (editor,
 * tasks, remarks) and publication. What a person may do comes from the server's
 * `permissions`; the server enforces it again.
 */
import { useCallback, useEffect, useState } from 'react';
import { meetingTexts } from '../i18n.meetings.js';
import { Badge, Link, Spinner, Tab, TabList, Text, Title2, mergeClasses } from '@fluentui/react-components';
import { api } from '../api.js';
import { formatDate, formatInstant, texts, type Lang, type Texts } from '../i18n.js';
import { kindAndTitle, minutesStateLabel } from './meeting-label.js';
import { ErrorBar, LoadProblem, hhmm } from './shared.js';
import type { MeetingView } from './meeting.types.js';
import { useMeetingStyles } from './MeetingPage.styles.js';
import { AgendaPanel } from './MeetingAgenda.js';
import { AttendancePanel } from './MeetingAttendance.js';
import { MinutesPanel } from './MeetingMinutes.js';
import { VersionsPanel } from './MeetingVersions.js';
import { timelineSteps, type TimelineStep } from './timeline.js';
import { ScreenBoundary } from './ScreenBoundary.js';
import { OutlookBar } from './MeetingOutlook.js';

export { copenhagenInstant } from './timeline.js';

function Timeline({ t, lang, view }: { t: Texts; lang: Lang; view: MeetingView }) {
  const s = useMeetingStyles();
  const k = t.m.deadlineKinds;
  const steps = timelineSteps(view, Date.now());
  const stateText = (x: TimelineStep) =>
    x.state === 'passed' ? `✓ ${t.m.passed}`
    : x.state === 'done' ? `✓ ${t.tb.done}`
    : x.state === 'overdue' ? `⚠ ${x.daysLate ? t.tb.overdueBy(x.daysLate) : t.tb.overdueToday}`
    : x.state === 'next' ? `→ ${t.m.next}`
    : x.state === 'cancelled' ? (x.reason ? t.tb.cancelledBecause(x.reason) : t.m.cancelled) : '';
  const note = (x: TimelineStep) => (x.note === 'projected' ? t.m.projected : x.note === 'afterMinutes' ? t.m.afterMinutes : x.note === 'approvedHow' && view.minutes.approvedHow ? t.m.approvedHow[view.minutes.approvedHow] : undefined);
  return (
    <section aria-labelledby="timeline-title">
      <h3 id="timeline-title" className={s.visuallyHidden}>{t.m.timeline}</h3>
      <ol className={s.timeline} aria-label={t.m.timeline}>
        {steps.map((x) => (
          <li key={x.key} className={mergeClasses(s.step, (x.state === 'passed' || x.state === 'done') && s.stepPassed, x.state === 'next' && s.stepNext, (x.state === 'overdue' || x.state === 'cancelled') && s.stepOverdue)} aria-current={x.state === 'next' || x.state === 'overdue' ? 'step' : undefined} data-step={x.key} data-state={x.state}>
            <Text weight="semibold">{k[x.key]}</Text>
            <Text size={200}>{x.at ? formatInstant(x.at, lang) : '–'}</Text>
            <Text size={200} weight={x.state === 'overdue' ? 'semibold' : 'regular'}>
              {[stateText(x), note(x)].filter(Boolean).join(' · ')}
            </Text>
            {x.ruleDefault ? <Text size={200} italic data-rule-default>{t.m.ruleDefaultBadge}</Text> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

type TabName = 'agenda' | 'attendance' | 'minutes' | 'versions';

/** The heading's kind part: "Temadag (title)", or the title alone when it begins with the kind. */
function headingKind(kindLabel: string, title: string | null | undefined, other: readonly string[]): string {
  const k = kindAndTitle(kindLabel, title, other);
  if (!k.title) return k.kind;
  return k.kind ? `${k.kind} (${k.title})` : k.title;
}

export function MeetingPage({ t, lang, meetingId, meId, onOpenForum, forumNames }: { t: Texts; lang: Lang; meetingId: string; meId?: string; onOpenForum: (id: string) => void; forumNames?: ReadonlyMap<string, string> }) {
  const s = useMeetingStyles();
  const [view, setView] = useState<MeetingView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tab, setTab] = useState<TabName>(() => (/tab=(agenda|attendance|minutes|versions)/.exec(window.location.hash)?.[1] as TabName) ?? 'agenda');

  const reload = useCallback(async () => {
    try {
      setView(await api<MeetingView>(`/api/meetings/${encodeURIComponent(meetingId)}`));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [meetingId]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (!view) return error ? <LoadProblem error={error} lang={lang} onRetry={() => void reload()} /> : <Spinner label={t.loading} />;
  const { meeting: m, forum } = view;
  const isMember = Boolean(meId && view.attendance.some((a) => a.personId === meId));
  // A meeting cancelled before anything was written has no minutes to speak of (nor an agenda, if none was built):
  // it says so instead of showing a draft badge, a minute-taker and empty forms.
  const cancelledUnwritten = m.status === 'cancelled' && view.minutes.status === 'draft';

  return (
    <article aria-labelledby="meeting-title" data-kind={m.kind} data-status={m.status} data-minutes={view.minutes.status} data-agenda-sent={m.agendaSentAt ? 'true' : 'false'}>
      <div className={s.head}>
        <Title2 as="h2" id="meeting-title">{forum.name}: {m.kind !== 'ordinary' ? `${headingKind(t.tb.meetingKinds[m.kind] ?? m.kind, m.title, [texts.da.tb.meetingKinds[m.kind] ?? ''])}, ` : ''}{formatDate(m.date, lang)}</Title2>
        <Text className={s.meta}>
          {hhmm(m.start, lang)}–{hhmm(m.end, lang)}{m.location ? ` · ${m.location}` : ''}
          {m.jointWithForumId ? <>{' · '}<span data-testid="joint-with">{t.tb.jointWith(forumNames?.get(m.jointWithForumId) ?? m.jointWithForumId)}</span></> : null} · <Link href={`#/forums/${forum.id}`} onClick={(e) => { e.preventDefault(); onOpenForum(forum.id); }}>{t.m.backToForum}</Link>
          {cancelledUnwritten ? null : <>{' · '}{t.m.minutes}: <Badge appearance="tint" data-testid="minutes-state">{minutesStateLabel(view, t.m)}</Badge></>}
          {m.status === 'cancelled' ? <> <Badge color="danger">{t.m.cancelled}</Badge></> : m.status === 'held' ? <> <Badge appearance="outline" color="informative">{t.tb.meetingStatus.held}</Badge></> : null}
          {(m as { historical?: boolean }).historical ? <> <Badge appearance="tint" color="informative" data-testid="historical">{meetingTexts[lang].historyBadge}</Badge></> : null}
          {view.minuteTaker && !cancelledUnwritten ? <>{' · '}{t.wf.minuteTaker}: <span data-testid="minute-taker">{view.minuteTaker.name}</span></> : null}
        </Text>
        {/* A cancelled meeting says why, as the forum's list of meetings does. */}
        {m.status === 'cancelled' && m.cancelledReason ? <Text className={s.meta} data-cancelled-reason>{t.tb.cancelledBecause(m.cancelledReason)}</Text> : null}
      </div>
      <OutlookBar lang={lang} meetingId={m.id} canDecide={view.permissions.canManage} onDecided={() => void reload()} />
      <Timeline t={t} lang={lang} view={view} />
      <ErrorBar error={error} lang={lang} />
      <div className={s.section}>
        <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabName)}>
          <Tab value="agenda">{t.m.agenda}</Tab>
          <Tab value="attendance">{t.m.attendance}</Tab>
          <Tab value="minutes">{t.m.minutes}</Tab>
          <Tab value="versions">{t.wf.versionsTab}</Tab>
        </TabList>
      </div>
      <ScreenBoundary t={t} screen={`meeting-${tab}`} key={tab}>
      {cancelledUnwritten && (tab === 'minutes' || (tab === 'agenda' && view.items.length === 0))
        ? <div className={s.section}><Text data-cancelled-note={tab}>{tab === 'minutes' ? t.m.cancelledNoMinutes : t.m.cancelledNoAgenda}</Text></div>
        : tab === 'agenda' ? <AgendaPanel t={t} lang={lang} view={view} setView={setView} reload={reload} isMember={isMember} meId={meId} />
        : tab === 'attendance' ? <AttendancePanel t={t} lang={lang} view={view} reload={reload} meId={meId} />
        : tab === 'versions' ? <VersionsPanel t={t} lang={lang} view={view} />
        : <MinutesPanel t={t} lang={lang} view={view} setView={setView} reload={reload} isMember={isMember} />}
      </ScreenBoundary>
    </article>
  );
}
