/**
 * The meeting page (#/meetings/:id): a status timeline with every deadline, then
 * tabs for the agenda (builder and proposals), attendance, the minutes (editor,
 * tasks, remarks) and publication. What a person may do comes from the server's
 * `permissions`; the server enforces it again.
 */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Link, Spinner, Tab, TabList, Text, Title2, mergeClasses } from '@fluentui/react-components';
import { api } from '../api.js';
import { formatDate, formatInstant, type Lang, type Texts } from '../i18n.js';
import { ErrorBar, hhmm } from './shared.js';
import type { MeetingView } from './meeting.types.js';
import { useMeetingStyles } from './MeetingPage.styles.js';
import { AgendaPanel } from './MeetingAgenda.js';
import { AttendancePanel } from './MeetingAttendance.js';
import { MinutesPanel } from './MeetingMinutes.js';
import { VersionsPanel } from './MeetingVersions.js';

/** A local Copenhagen date and time as a UTC instant (the offset found through Intl, so summer time is right). */
export function copenhagenInstant(date: string, time: string): string {
  const guess = Date.parse(`${date}T${time}:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(guess));
  const get = (k: string) => Number(parts.find((p) => p.type === k)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess - (local - guess)).toISOString();
}

type Step = { key: string; label: string; at: string; done: boolean; note?: string };

function Timeline({ t, lang, view }: { t: Texts; lang: Lang; view: MeetingView }) {
  const s = useMeetingStyles();
  const { deadlines: d, minutes: mi, meeting: m } = view;
  const now = Date.now();
  const k = t.m.deadlineKinds;
  const steps: Step[] = [
    { key: 'items_cutoff', label: k.items_cutoff!, at: d.itemsCutoff.at, done: now >= Date.parse(d.itemsCutoff.at) },
    { key: 'agenda_due', label: k.agenda_due!, at: m.agendaSentAt ?? d.agendaDue.at, done: Boolean(m.agendaSentAt) || now >= Date.parse(d.agendaDue.at) },
    { key: 'meeting', label: k.meeting!, at: copenhagenInstant(m.date, m.start), done: now >= Date.parse(copenhagenInstant(m.date, m.start)) },
    { key: 'minutes_due', label: k.minutes_due!, at: mi.sentAt ?? d.minutesDue.at, done: Boolean(mi.sentAt) },
    { key: 'comment_window_closes', label: k.comment_window_closes!, at: mi.windowClosesAt ?? d.commentWindowCloses.at, done: Boolean(mi.approvedAt) || (Boolean(mi.windowClosesAt) && now >= Date.parse(mi.windowClosesAt!)), note: mi.windowClosesAt ? undefined : t.m.projected },
    { key: 'approval', label: k.approval!, at: mi.approvedAt ?? mi.windowClosesAt ?? d.commentWindowCloses.at, done: Boolean(mi.approvedAt), note: mi.approvedHow ? t.m.approvedHow[mi.approvedHow] : undefined },
    { key: 'publication', label: k.publication!, at: mi.publishedAt ?? '', done: Boolean(mi.publishedAt) },
  ];
  const nextIndex = steps.findIndex((x) => !x.done);
  return (
    <section aria-labelledby="timeline-title">
      <h3 id="timeline-title" className={s.visuallyHidden}>{t.m.timeline}</h3>
      <ol className={s.timeline} aria-label={t.m.timeline}>
        {steps.map((x, i) => (
          <li key={x.key} className={mergeClasses(s.step, x.done && s.stepPassed, i === nextIndex && s.stepNext)} aria-current={i === nextIndex ? 'step' : undefined} data-step={x.key}>
            <Text weight="semibold">{x.label}</Text>
            <Text size={200}>{x.at ? formatInstant(x.at, lang) : '–'}</Text>
            <Text size={200}>
              {x.done ? `✓ ${t.m.passed}` : i === nextIndex ? `→ ${t.m.next}` : ''}
              {x.note ? ` · ${x.note}` : ''}
            </Text>
          </li>
        ))}
      </ol>
    </section>
  );
}

type TabName = 'agenda' | 'attendance' | 'minutes' | 'versions';

export function MeetingPage({ t, lang, meetingId, meId, onOpenForum }: { t: Texts; lang: Lang; meetingId: string; meId?: string; onOpenForum: (id: string) => void }) {
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

  if (!view) return error ? <ErrorBar error={error} lang={lang} title={t.loadFailed} /> : <Spinner label={t.loading} />;
  const { meeting: m, forum } = view;
  const isMember = Boolean(meId && view.attendance.some((a) => a.personId === meId));

  return (
    <article aria-labelledby="meeting-title">
      <div className={s.head}>
        <Title2 as="h2" id="meeting-title">{forum.name}: {formatDate(m.date, lang)}</Title2>
        <Text className={s.meta}>
          {hhmm(m.start, lang)}–{hhmm(m.end, lang)}{m.location ? ` · ${m.location}` : ''} · <Link href={`#/forums/${forum.id}`} onClick={(e) => { e.preventDefault(); onOpenForum(forum.id); }}>{t.m.backToForum}</Link>
          {' · '}{t.m.minutes}: <Badge appearance="tint">{t.m.minutesStatus[view.minutes.status] ?? view.minutes.status}</Badge>
          {m.status === 'cancelled' ? <> <Badge color="danger">{t.m.cancelled}</Badge></> : null}
          {view.minuteTaker ? <>{' · '}{t.wf.minuteTaker}: <span data-testid="minute-taker">{view.minuteTaker.name}</span></> : null}
        </Text>
      </div>
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
      {tab === 'agenda' ? <AgendaPanel t={t} lang={lang} view={view} setView={setView} reload={reload} isMember={isMember} meId={meId} />
        : tab === 'attendance' ? <AttendancePanel t={t} lang={lang} view={view} reload={reload} meId={meId} />
        : tab === 'versions' ? <VersionsPanel t={t} lang={lang} view={view} />
        : <MinutesPanel t={t} lang={lang} view={view} setView={setView} reload={reload} isMember={isMember} />}
    </article>
  );
}
