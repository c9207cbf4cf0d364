/**
 * Samraad inside a Teams meeting (issue 16). The side panel (320 px wide in Teams):
 * the agenda with each item's planned time, a timer per item (start / next / previous,
 * elapsed against the minutes allotted, in words as well as colour, announced politely),
 * and for the minute-taker a decision box per item, saved as she types through the
 * same API as the minutes tab. The stage: the current item large, its timer and what
 * comes next. The timer is the meeting's, kept by Samraad (GET/PUT /api/meetings/:id/timer):
 * the chair or the secretariat moves it, and every participant's side panel and stage
 * (each Teams client renders the shared stage itself) follow it within two seconds,
 * counting on the server's clock.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Field, Spinner, Text, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { api } from '../api.js';
import { formatDate, type Lang } from '../i18n.js';
import { panelTexts } from '../i18n.panel.js';
import { elapsed, notStarted, plannedSlots, pollInterval, step, type TimerState } from '../meeting-timer.js';
import type { MeetingTimerResponse } from '../../contracts/meetings.contract.js';
import type { MeetingSurface } from '../host.js';
import { ErrorBar } from './shared.js';
import type { Item, MeetingView } from './meeting.types.js';
import { itemTitle } from '../../domain/meetings/item-title.js';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px', maxWidth: '420px' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  item: { borderLeft: `4px solid ${tokens.colorNeutralStroke2}`, paddingLeft: '8px', display: 'flex', flexDirection: 'column', gap: '4px' },
  current: { borderLeft: `4px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorNeutralBackground2, padding: '6px 8px' },
  meta: { color: tokens.colorNeutralForeground2 },
  timer: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  stage: { display: 'flex', flexDirection: 'column', gap: '24px', padding: '48px', minHeight: '100vh', boxSizing: 'border-box' },
  stageTitle: { fontSize: '44px', lineHeight: '52px', fontWeight: tokens.fontWeightBold, margin: 0 },
  stageTimer: { fontSize: '64px', lineHeight: '72px', fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  stageMeta: { fontSize: '24px', lineHeight: '32px', color: tokens.colorNeutralForeground2 },
});

/**
 * The meeting's shared timer: fetched on open and then every two seconds on the meeting's day (every thirty on
 * other days, `pollInterval`), moved through the API by
 * those who run the meeting. Re-renders every second, counting on the server's clock (the offset
 * from the last answer), so a participant whose computer clock is wrong still sees the right time.
 * No poll is sent while a step is on its way, and an answer asked for before a later one was applied is dropped,
 * so a poll never undoes a step.
 */
function useSharedTimer(meetingId: string, meetingDate: string | undefined) {
  const [state, setState] = useState<TimerState>(notStarted);
  const [canRun, setCanRun] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const offset = useRef(0);
  const seq = useRef({ next: 0, applied: 0 });
  const every = useRef(2000);
  const moving = useRef(false);
  const dateRef = useRef(meetingDate);
  dateRef.current = meetingDate;
  const [now, setNow] = useState(() => Date.now());
  const url = `/api/meetings/${encodeURIComponent(meetingId)}/timer`;
  const request = useCallback(async (init?: RequestInit) => {
    const mine = ++seq.current.next;
    const r = await api<MeetingTimerResponse>(url, init);
    if (mine < seq.current.applied) return;
    seq.current.applied = mine;
    offset.current = Date.parse(r.serverNow) - Date.now();
    every.current = pollInterval(r.serverNow, dateRef.current);
    const startedAt = r.startedAt ? Date.parse(r.startedAt) : null;
    setState((old) => (old.index === r.index && old.startedAt === startedAt ? old : { index: r.index, startedAt }));
    setCanRun(r.canRun);
    setLoaded(true);
    setError(null);
    setNow(Date.now() + offset.current);
  }, [url]);
  useEffect(() => {
    let alive = true;
    let polling: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      // Not while a step is on its way: an answer read before it commits would show the old item for a moment.
      if (!document.hidden && !moving.current) await request().catch((e: unknown) => { if (alive) setError(e); });
      if (alive) polling = setTimeout(() => void poll(), every.current);
    };
    void poll();
    const tick = setInterval(() => setNow(Date.now() + offset.current), 1000);
    return () => { alive = false; clearTimeout(polling); clearInterval(tick); };
  }, [request]);
  const move = useCallback(async (index: number) => {
    setBusy(true);
    moving.current = true;
    try {
      await request({ method: 'PUT', body: JSON.stringify({ index }) });
    } catch (e) {
      setError(e);
    } finally {
      moving.current = false;
      setBusy(false);
    }
  }, [request]);
  return { timer: state, canRun, loaded, error, busy, now, move };
}

/** The decision of one item, saved 800 ms after the last keystroke and when the box is left. */
function DecisionBox({ meetingId, item, n, lang }: { meetingId: string; item: Item; n: number; lang: Lang }) {
  const p = panelTexts[lang];
  const [text, setText] = useState(item.decision ?? '');
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [error, setError] = useState<unknown>(null);
  const saved = useRef(item.decision ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const save = useCallback(async (value: string) => {
    clearTimeout(timer.current);
    if (value === saved.current) return;
    setState('saving');
    try {
      await api(`/api/meetings/${encodeURIComponent(meetingId)}/items/${encodeURIComponent(item.id)}/decision`, { method: 'PUT', body: JSON.stringify({ decision: value }) });
      saved.current = value;
      setError(null);
      setState('saved');
    } catch (e) {
      setError(e);
      setState('failed');
    }
  }, [meetingId, item.id]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const hint = state === 'saving' ? p.saving : state === 'saved' ? p.saved : state === 'failed' ? p.notSaved : undefined;
  return (
    <div>
    <Field label={p.decision(n, itemTitle(item, lang))}>
      <Textarea
        value={text}
        resize="vertical"
        data-testid={`decision-${item.id}`}
        onChange={(_, d) => { setText(d.value); clearTimeout(timer.current); timer.current = setTimeout(() => void save(d.value), 800); }}
        onBlur={() => void save(text)}
      />
    </Field>
      <Text size={200} role="status" data-testid={`decision-state-${item.id}`}>{hint ?? ''}</Text>
      <ErrorBar error={error} lang={lang} />
    </div>
  );
}

export function MeetingPanel({ meetingId, surface, lang }: { meetingId: string; surface: MeetingSurface; lang: Lang }) {
  const s = useStyles();
  const p = panelTexts[lang];
  const [view, setView] = useState<MeetingView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { timer, canRun, loaded, error: timerError, busy, now, move } = useSharedTimer(meetingId, view?.meeting.date);
  useEffect(() => {
    api<MeetingView>(`/api/meetings/${encodeURIComponent(meetingId)}`).then(setView, setError);
  }, [meetingId]);

  if (error) return <div className={s.panel}><ErrorBar error={error} lang={lang} /></div>;
  if (!view) return <div className={s.panel}><Spinner label="…" /></div>;
  const items = [...view.items].sort((a, b) => a.position - b.position);
  const slots = plannedSlots(view.meeting.start.slice(0, 5), items.map((i) => i.minutes));
  const cur = timer.index >= 0 && timer.index < items.length ? items[timer.index]! : null;
  const run = cur && timer.startedAt !== null ? elapsed(timer.startedAt, now, cur.minutes) : null;
  // The live region changes only when the item changes or runs over, not every second.
  const announce = timer.index >= items.length && items.length ? p.finished : cur ? (run?.over ? p.overAnnounce(timer.index + 1) : p.nowOn(timer.index + 1, itemTitle(cur, lang), cur.minutes)) : '';
  const timerText = (it: Item) => (run ? `${p.elapsed(run.used, it.minutes)}${run.over ? ` · ⚠ ${p.over(run.overMinutes)}` : ` · ${p.onTime}`}` : '');
  const heading = `${view.forum.name}: ${formatDate(view.meeting.date, lang)}`;

  if (surface === 'meetingStage') {
    const next = timer.index + 1 < items.length ? items[Math.max(0, timer.index + 1)] : undefined;
    return (
      <main className={s.stage} aria-label={p.panelLabel}>
        <Text className={s.stageMeta}>{heading}</Text>
        {cur ? (
          <>
            <Text className={s.stageMeta}>{`${p.item(timer.index + 1)} · ${slots[timer.index]!.from}–${slots[timer.index]!.to} · ${p.allotted(cur.minutes)}`}</Text>
            <h1 className={s.stageTitle}>{itemTitle(cur, lang)}</h1>
            {cur.presenters.length ? <Text className={s.stageMeta}>{`${p.presenters}: ${cur.presenters.join(', ')}`}</Text> : null}
            <div role="timer" aria-label={p.item(timer.index + 1)} className={mergeClasses(s.stageTimer, run?.over && s.over)}>{run ? timerText(cur) : ''}</div>
          </>
        ) : <h1 className={s.stageTitle}>{items.length && timer.index >= items.length ? p.finished : `${p.agenda}: ${items[0]?.title ?? p.noItems}`}</h1>}
        {next && cur ? <Text className={s.stageMeta}>{`${p.upNext}: ${p.item(timer.index + 2)} · ${itemTitle(next, lang)}`}</Text> : null}
        <div aria-live="polite" className={s.meta}>{announce}</div>
        {timerError ? <Text className={s.stageMeta}>{p.timerProblem}</Text> : null}
      </main>
    );
  }

  return (
    <main className={s.panel} aria-label={p.panelLabel}>
      <Text weight="semibold">{heading}</Text>
      {canRun ? (
        <div className={s.buttons}>
          {timer.index < 0 ? <Button appearance="primary" disabled={!items.length || busy || !loaded} onClick={() => void move(step(timer, items.length, 1, now).index)}>{p.start}</Button> : (
            <>
              <Button disabled={timer.index <= 0 || busy} onClick={() => void move(step(timer, items.length, -1, now).index)}>{p.previous}</Button>
              <Button appearance="primary" disabled={timer.index >= items.length || busy} onClick={() => void move(step(timer, items.length, 1, now).index)}>{p.next}</Button>
            </>
          )}
        </div>
      ) : loaded ? <Text className={s.meta} data-testid="timer-follows">{p.followsSecretariat}</Text> : null}
      {timerError ? <div><Text className={s.meta}>{p.timerProblem}</Text><ErrorBar error={timerError} lang={lang} /></div> : null}
      <div aria-live="polite" role="status">{timer.index < 0 ? p.notStarted : announce}</div>
      <h2 style={{ margin: 0, fontSize: '16px' }}>{p.agenda}</h2>
      {items.length ? null : <Text>{p.noItems}</Text>}
      {view.permissions.canEditMinutes ? null : <Text className={s.meta}>{view.minutes?.draftWithheld ? `${p.readOnly} ${p.draftWithheld}` : p.readOnly}</Text>}
      <ol className={s.list}>
        {items.map((it, i) => (
          <li key={it.id} className={mergeClasses(s.item, i === timer.index && s.current)} aria-current={i === timer.index ? 'step' : undefined} data-testid={`panel-item-${i + 1}`}>
            <Text weight="semibold">{`${i + 1}. ${itemTitle(it, lang)}`}</Text>
            <Text size={200} className={s.meta}>
              {`${p.planned(slots[i]!.from, slots[i]!.to)} · ${p.allotted(it.minutes)}${i < timer.index ? ` · ✓ ${p.done}` : i === timer.index ? ` · ▶ ${p.current}` : ''}`}
            </Text>
            {i === timer.index && run ? <Text role="timer" aria-label={p.item(i + 1)} className={mergeClasses(s.timer, run.over && s.over)}>{timerText(it)}</Text> : null}
            {view.permissions.canEditMinutes ? <DecisionBox meetingId={meetingId} item={it} n={i + 1} lang={lang} /> : it.decision ? <Text size={200}>{it.decision}</Text> : null}
          </li>
        ))}
      </ol>
    </main>
  );
}
