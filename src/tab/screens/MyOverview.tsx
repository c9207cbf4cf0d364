/** "Mit overblik": my next meetings with a one-click answer, my deadlines, my tasks, what I have not answered. */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Card, Link, Spinner, Subtitle1, Text, Title2 } from '@fluentui/react-components';
import { api } from '../api.js';
import { formatDate, formatInstant, type Lang, type Texts } from '../i18n.js';
import { ErrorBar, LoadProblem, hhmm, type ForumRef, type Meeting } from './shared.js';
import { useOverviewStyles } from './MyOverview.styles.js';
import { splitUnanswered, waitingWhen, withUnanswered } from './waiting.js';
import type { OverviewResponse, WaitingItemResponse, WaitingResponse } from '../../contracts/meetings.contract.js';

type Answer = 'attending' | 'apologies' | 'substitute';
type NextMeeting = OverviewResponse['nextMeetings'][number];
/** GET /api/me/waiting: what waits on me, from the same facts as the reminders (src/usecases/meetings/waiting.usecase.ts). */
type Waiting = WaitingResponse;
type WaitingItem = WaitingItemResponse;
type Overview = OverviewResponse;

export function MyOverview({ t, lang, signedIn, onOpenMeeting }: { t: Texts; lang: Lang; signedIn: boolean; onOpenMeeting: (id: string) => void }) {
  const s = useOverviewStyles();
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState<unknown>(null);

  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [waitingError, setWaitingError] = useState<unknown>(null);
  const load = useCallback(() => Promise.all([
    api<Overview>('/api/me/overview').then(setData, setError),
    api<Waiting>('/api/me/waiting').then(setWaiting, setWaitingError),
  ]), []);
  useEffect(() => {
    if (signedIn) void load();
  }, [signedIn, load]);

  // Optimistic: the answer shows at once; a refusal puts the old answer back and says why.
  const answer = async (meetingId: string, value: Answer) => {
    if (!data) return;
    const before = data;
    setError(null);
    setData({
      ...data,
      nextMeetings: data.nextMeetings.map((n) => (n.meeting.id === meetingId ? { ...n, answer: value } : n)),
      unanswered: data.unanswered.filter((u) => u.meeting.id !== meetingId),
    });
    const waitingBefore = waiting;
    if (waiting) setWaiting({ ...waiting, items: waiting.items.filter((w) => !(w.kind === 'unanswered' && w.meetingId === meetingId)) });
    try {
      await api(`/api/meetings/${encodeURIComponent(meetingId)}/attendance/me`, { method: 'PUT', body: JSON.stringify({ answer: value }) });
    } catch (e) {
      setData(before);
      setWaiting(waitingBefore);
      setError(e);
    }
  };

  const [doneNote, setDoneNote] = useState<string | null>(null);
  const markDone = async (taskId: string) => {
    setError(null);
    setDoneNote(null);
    try {
      await api(`/api/tasks/${encodeURIComponent(taskId)}/done`, { method: 'POST' });
      setData((d) => (d ? { ...d, tasks: d.tasks.filter((k) => k.id !== taskId) } : d));
      setDoneNote(t.m.taskMarkedDone);
    } catch (e) {
      setError(e);
    }
  };

  if (!signedIn) return <Text>{t.m.signInForOverview}</Text>;
  if (!data) return error ? <LoadProblem error={error} lang={lang} onRetry={() => { setError(null); void load(); }} /> : <Spinner label={t.loading} />;

  // One list of what I have not answered: the server's (the next 60 days) and any of my next meetings still
  // unanswered, so no "Ikke svaret" badge ever stands above "you have answered all meetings".
  const unanswered = [...new Map([...data.unanswered, ...data.nextMeetings.filter((n) => !n.answer)].map((u) => [u.meeting.id, { meeting: u.meeting, forum: u.forum }])).values()]
    .sort((a, b) => a.meeting.date.localeCompare(b.meeting.date));

  // Every meeting listed below as unanswered waits on me too: "Intet venter på dig" never stands above it.
  const waitingItems = waiting ? withUnanswered(waiting.items, unanswered, Date.now()) : [];

  // Listed among my next meetings, an unanswered meeting is counted in its own card, not listed twice.
  const { above: unansweredAbove, later: unansweredLater } = splitUnanswered(unanswered, data.nextMeetings.map((n) => n.meeting.id));

  const answerActions = (m: Meeting, f: ForumRef | null, given: NextMeeting['answer'] | null) => (
    <div className={s.actions}>
      <Badge appearance="tint" color={given === 'attending' ? 'success' : given ? 'warning' : 'informative'}>
        {t.m.yourAnswer}: {given ? t.m.answers[given] : t.m.noAnswer}
      </Badge>
      <Button size="small" appearance={given === 'attending' ? 'primary' : 'secondary'} aria-pressed={given === 'attending'} onClick={() => void answer(m.id, 'attending')}
        aria-label={`${t.m.attend}: ${f?.name ?? ''} ${formatDate(m.date, lang)}`}>{t.m.attend}</Button>
      <Button size="small" appearance={given === 'apologies' ? 'primary' : 'secondary'} aria-pressed={given === 'apologies'} onClick={() => void answer(m.id, 'apologies')}
        aria-label={`${t.m.apologies}: ${f?.name ?? ''} ${formatDate(m.date, lang)}`}>{t.m.apologies}</Button>
    </div>
  );

  const meetingLine = (m: Meeting, f: ForumRef | null) => (
    <>
      <Link onClick={() => onOpenMeeting(m.id)} href={`#/meetings/${m.id}`}>{f?.name ?? m.forumId}</Link>
      <Text className={s.meta}>
        {formatDate(m.date, lang)} · {hhmm(m.start, lang)}–{hhmm(m.end, lang)}{m.location ? ` · ${m.location}` : ''}
      </Text>
    </>
  );

  return (
    <article aria-labelledby="overview-title">
      <Title2 as="h2" id="overview-title">{t.m.overview}</Title2>
      <ErrorBar error={error} lang={lang} />
      <div className={s.grid}>
        <Card className={s.card} role="region" aria-labelledby="ov-waiting">
          <Subtitle1 as="h3" className={s.heading} id="ov-waiting">{t.tb.waitingTitle}</Subtitle1>
          {waitingError ? <LoadProblem error={waitingError} lang={lang} />
            : !waiting ? <Spinner size="tiny" label={t.loading} />
            : waitingItems.length === 0 ? <Text>{unanswered.length ? t.tb.waitingNoneButUnanswered(unanswered.length) : t.tb.waitingNone}</Text> : (
            <ul className={s.list}>
              {waitingItems.slice(0, 15).map((w) => (
                <li key={`${w.kind}-${w.meetingId ?? w.taskId ?? w.forumId}`} className={s.row} data-waiting={w.kind} data-late={w.late ? 'true' : 'false'}>
                  <Text weight="semibold">{t.tb.waitingKinds[w.kind] ?? w.kind}</Text>
                  <Text className={s.meta}>
                    {w.meetingId ? <Link href={`#/meetings/${w.meetingId}`} onClick={() => onOpenMeeting(w.meetingId!)}>{w.forumName}{w.meetingDate ? `, ${formatDate(w.meetingDate, lang)}` : ''}</Link> : w.forumName}
                    {w.taskId && w.title ? ` · ${w.title}` : ''}
                    {' · '}{w.kind === 'remarks_open' ? t.tb.remarksUntil(waitingWhen(w, lang)) : w.kind === 'chair_handover' ? t.tb.handoverOn(waitingWhen(w, lang)) : t.tb.waitingDue(waitingWhen(w, lang))}
                  </Text>
                  <div>
                    {w.late ? <Badge appearance="filled" color="danger">{w.days ? t.tb.overdueBy(w.days) : t.tb.overdueToday}</Badge>
                      : <Badge appearance="tint" color="informative">{t.tb.dueInDays(w.days)}</Badge>}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card className={s.card} role="region" aria-labelledby="ov-next">
          <Subtitle1 as="h3" className={s.heading} id="ov-next">{t.m.nextMeetings}</Subtitle1>
          {data.nextMeetings.length === 0 ? <Text>{t.m.noneMeetings}</Text> : (
            <ul className={s.list}>
              {data.nextMeetings.map((n) => (
                <li key={n.meeting.id} className={s.row} data-meeting-id={n.meeting.id}>
                  {meetingLine(n.meeting, n.forum)}
                  {answerActions(n.meeting, n.forum, n.answer)}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card className={s.card} role="region" aria-labelledby="ov-deadlines">
          <Subtitle1 as="h3" className={s.heading} id="ov-deadlines">{t.m.myDeadlines}</Subtitle1>
          {data.deadlines.length === 0 ? <Text>{t.m.noneDeadlines}</Text> : (
            <ul className={s.list}>
              {data.deadlines.slice(0, 12).map((d) => (
                <li key={`${d.meetingId}-${d.kind}`} className={s.row}>
                  <Text weight="semibold">{t.m.deadlineKinds[d.kind] ?? d.kind}</Text>
                  <Text className={s.meta}>{formatInstant(d.at, lang)} · <Link href={`#/meetings/${d.meetingId}`} onClick={() => onOpenMeeting(d.meetingId)}>{d.forumName}</Link></Text>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card className={s.card} role="region" aria-labelledby="ov-unanswered">
          <Subtitle1 as="h3" className={s.heading} id="ov-unanswered">{t.m.unanswered}</Subtitle1>
          {unanswered.length === 0 ? <Text>{t.m.noneUnanswered}</Text> : (
            <>
              {unansweredAbove ? <Text>{unansweredLater.length ? t.m.unansweredAboveAndLater(unansweredAbove) : t.m.unansweredAllAbove(unansweredAbove)}</Text> : null}
              {unansweredLater.length ? (
                <ul className={s.list}>
                  {unansweredLater.map((u) => (
                    <li key={u.meeting.id} className={s.row} data-meeting-id={u.meeting.id}>
                      {meetingLine(u.meeting, u.forum)}
                      {answerActions(u.meeting, u.forum, null)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          )}
        </Card>
        <Card className={s.card} role="region" aria-labelledby="ov-tasks">
          <Subtitle1 as="h3" className={s.heading} id="ov-tasks">{t.m.myTasks}</Subtitle1>
          {data.tasks.length === 0 ? <Text>{t.m.noneTasks}</Text> : (
            <ul className={s.list}>
              {data.tasks.map((k) => (
                <li key={k.id} className={s.row}>
                  <Text weight="semibold">{k.title}</Text>
                  <Text className={s.meta}>{t.m.due} {formatDate(k.dueOn, lang)}{k.forumName ? ` · ${k.forumName}` : ''}{k.via === 'organisation' ? ` · ${t.m.taskForOrganisation}` : ''}</Text>
                  <Button size="small" onClick={() => void markDone(k.id)} aria-label={`${t.m.taskDone}: ${k.title}`}>{t.m.taskDone}</Button>
                </li>
              ))}
            </ul>
          )}
          {doneNote ? <Text role="status">{doneNote}</Text> : null}
        </Card>
      </div>
    </article>
  );
}
