/**
 * The secretariat changes meetings in the forum's "Møder" tab (issue 13): add one
 * meeting, edit date, time, place and online (a change of date or time is a move
 * and needs a reason), cancel with a reason, the forum's defaults for new
 * meetings, and a past meeting recorded as history. A refusal's field problems
 * are shown on the fields they name.
 */
import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Field, Input, Select, Subtitle2, Text, Textarea } from '@fluentui/react-components';
import { api, type ApiError } from '../api.js';
import type { Lang } from '../i18n.js';
import { danishHolidayInSentence } from '../../domain/calendar/holiday-name.js';
import { meetingTexts } from '../i18n.meetings.js';
import { ErrorBar, SuccessBar, type Meeting } from './shared.js';
import { useForumYearStyles } from './ForumYear.styles.js';
import type { EditMeetingResponse, MeetingDefaultsResponse, RegionClosedDaysResponse } from '../../contracts/planning.contract.js';

type Values = { [k: string]: string; date: string; start: string; end: string; location: string; title: string; reason: string; jointWithForumId: string; kind: string };

/**
 * The reason the API gave for a field (the first problem naming it or a part of
 * it). In Danish the refusal's Danish text when it names this one field (the
 * field reasons themselves are English), so no English sentence stands under a
 * Danish field.
 */
export function fieldProblem(error: unknown, field: string, lang: Lang = 'en'): string | undefined {
  const err = error as Partial<ApiError> | null;
  const errs = err?.errors ?? [];
  const found = errs.find((e) => e.field === field || e.field.startsWith(`${field}.`) || e.field.endsWith(`.${field}`));
  if (!found) return undefined;
  return lang === 'da' && err?.detailDa && errs.length === 1 ? err.detailDa : found.reason;
}

function TextField({ label, name, value, onChange, error, lang, type = 'text', required, hint }: { label: string; name: string; value: string; onChange: (v: string) => void; error: unknown; lang: Lang; type?: 'text' | 'date' | 'time'; required?: boolean; hint?: string }) {
  const problem = fieldProblem(error, name, lang);
  return (
    <Field label={label} required={required} validationMessage={problem ?? hint} validationState={problem ? 'error' : hint ? 'warning' : 'none'}>
      <Input type={type} name={name} value={value} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}

type DayNotes = { holidays: Map<string, { da: string; en: string }>; closed: Map<string, string> };

/**
 * What a date is when it is not a working day: a weekend, a Danish public holiday, or one of the region's closed days
 * (the server's calendar: GET /api/regions/:region/closed-days?year=). A meeting may be set on such a day (a theme day
 * on a Saturday happens), but the secretary is told before she saves, as a warning on the date field: it is more often
 * a slip of the date picker. Undefined on a working day, or while the year's calendar is still on its way.
 */
export function closedDayHint(date: string, lang: Lang, notes: DayNotes | undefined): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return undefined;
  const locale = lang === 'da' ? 'da-DK' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(at);
  const c = meetingTexts[lang];
  const holiday = notes?.holidays.get(date);
  if (holiday) return c.closedDayHint(lang === 'da' ? `${day} er ${danishHolidayInSentence(holiday.da)}` : `${day} is ${holiday.en}`);
  const weekday = at.getUTCDay();
  if (weekday === 0 || weekday === 6) {
    const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(at);
    return c.closedDayHint(lang === 'da' ? `${day} er en ${name}` : `${day} is a ${name}`);
  }
  const closed = notes?.closed.get(date);
  if (closed !== undefined) return c.closedDayHint(lang === 'da' ? `${day} er lukkedag i regionen (${closed})` : `${day} is a closed day in the region (${closed})`);
  return undefined;
}

/** The region's calendar of the date's year (holidays and closed days), fetched once per year shown. */
function useDayNotes(region: string | undefined, date: string): DayNotes | undefined {
  const year = /^(\d{4})-/.exec(date)?.[1];
  const [byYear, setByYear] = useState<Record<string, DayNotes>>({});
  useEffect(() => {
    if (!region || !year || byYear[year]) return;
    let live = true;
    api<RegionClosedDaysResponse>(`/api/regions/${encodeURIComponent(region)}/closed-days?year=${year}`).then(
      (r) => {
        if (!live) return;
        const notes: DayNotes = { holidays: new Map((r.publicHolidays ?? []).map((h) => [h.date, { da: h.da, en: h.en }])), closed: new Map(r.closedDays.map((d) => [d.date, d.label])) };
        setByYear((m) => ({ ...m, [year]: notes }));
      },
      // Without the calendar the date field simply gives no warning; weekends are still named.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [region, year, byYear]);
  return year ? byYear[year] : undefined;
}

/** Add (no `meeting`) or edit a meeting. */
export function MeetingForm({ lang, forumId, region, meeting, onDone, onClose, forumNames }: { lang: Lang; forumId: string; region?: string; meeting?: Meeting & { revision?: number }; onDone: (text: string) => Promise<void> | void; onClose: () => void; forumNames?: ReadonlyMap<string, string> }) {
  const c = meetingTexts[lang];
  const s = useForumYearStyles();
  const [v, setV] = useState<Values>({
    kind: meeting?.kind ?? 'ordinary', date: meeting?.date ?? '', start: meeting?.start ?? '13:00', end: meeting?.end ?? '15:00',
    location: meeting?.location ?? '', title: meeting?.title ?? '', jointWithForumId: '', reason: '',
  });
  const [online, setOnline] = useState<boolean>(meeting?.online ?? false);
  const dayNotes = useDayNotes(region, v.date ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  useEffect(() => {
    if (meeting) return;
    // A new meeting starts from the forum's defaults.
    api<MeetingDefaultsResponse>(`/api/forums/${encodeURIComponent(forumId)}/meeting-defaults`).then((d) => {
      setV((o) => ({ ...o, location: o.location || (d.location ?? '') }));
      setOnline(d.online);
    }, () => undefined);
  }, [forumId, meeting]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      if (meeting) {
        const moved = v.date !== meeting.date || v.start !== meeting.start || v.end !== meeting.end;
        const r = await api<EditMeetingResponse>(`/api/meetings/${encodeURIComponent(meeting.id)}`, {
          method: 'PATCH',
          body: JSON.stringify({
            ...(moved ? { date: v.date, start: v.start, end: v.end, reason: v.reason.trim() || undefined } : {}),
            location: v.location.trim() ? v.location.trim() : null, online, title: v.title.trim() ? v.title.trim() : null,
            ...(meeting.revision ? { revision: meeting.revision } : {}),
          }),
        });
        await onDone(r.moved ? c.movedNote : c.saved);
      } else {
        await api(`/api/forums/${encodeURIComponent(forumId)}/meetings`, {
          method: 'POST',
          body: JSON.stringify({
            date: v.date, start: v.start, end: v.end, kind: v.kind, online,
            ...(v.location.trim() ? { location: v.location.trim() } : {}),
            ...(v.title.trim() ? { title: v.title.trim() } : {}),
            ...(v.jointWithForumId.trim() ? { jointWithForumId: v.jointWithForumId.trim() } : {}),
          }),
        });
        await onDone(c.added);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const titleId = meeting ? `edit-${meeting.id}` : 'add-meeting';
  return (
    <Card className={s.planCard} aria-labelledby={titleId} data-testid="meeting-form">
      <Subtitle2 as="h3" id={titleId}>{meeting ? c.editMeeting : c.addMeeting}</Subtitle2>
      <ErrorBar error={error} lang={lang} />
      {!meeting ? (
        <Field label={c.kind}>
          <Select name="kind" value={v.kind} onChange={(_, d) => set('kind')(d.value)}>
            {Object.entries(c.kinds).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </Select>
        </Field>
      ) : null}
      <TextField label={c.date} name="date" type="date" value={v.date!} onChange={set('date')} error={error} lang={lang} required hint={closedDayHint(v.date!, lang, dayNotes)} />
      <TextField label={c.start} name="start" type="time" value={v.start!} onChange={set('start')} error={error} lang={lang} required />
      <TextField label={c.end} name="end" type="time" value={v.end!} onChange={set('end')} error={error} lang={lang} required />
      <TextField label={c.place} name="location" value={v.location!} onChange={set('location')} error={error} lang={lang} />
      <Checkbox name="online" checked={online} onChange={(_, d) => setOnline(d.checked === true)} label={c.online} />
      <TextField label={c.title} name="title" value={v.title!} onChange={set('title')} error={error} lang={lang} />
      {!meeting && (v.kind === 'joint' || v.kind === 'theme_day') ? (
        // The other forum by its name, as the secretary knows it (the forums she can see), not by an id to type.
        <Field label={c.jointWith} required={v.kind === 'joint'} validationMessage={fieldProblem(error, 'jointWithForumId', lang)} validationState={fieldProblem(error, 'jointWithForumId', lang) ? 'error' : 'none'}>
          <Select name="jointWithForumId" value={v.jointWithForumId} onChange={(_, d) => set('jointWithForumId')(d.value)}>
            <option value="">{c.jointWithNone}</option>
            {[...(forumNames ?? new Map<string, string>())].filter(([id]) => id !== forumId).sort((a, b) => a[1].localeCompare(b[1], 'da')).map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </Select>
        </Field>
      ) : null}
      {meeting ? (
        <Field label={c.reason} validationMessage={fieldProblem(error, 'reason', lang)} validationState={fieldProblem(error, 'reason', lang) ? 'error' : 'none'}>
          <Textarea name="reason" value={v.reason} onChange={(_, d) => set('reason')(d.value)} />
        </Field>
      ) : null}
      <div className={s.bar}>
        <Button appearance="primary" onClick={() => void save()} disabled={busy}>{c.save}</Button>
        <Button onClick={onClose}>{c.close}</Button>
      </div>
    </Card>
  );
}

export function CancelForm({ lang, meeting, onDone, onClose }: { lang: Lang; meeting: Meeting; onDone: (text: string) => Promise<void> | void; onClose: () => void }) {
  const c = meetingTexts[lang];
  const s = useForumYearStyles();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/meetings/${encodeURIComponent(meeting.id)}/cancel`, { method: 'POST', body: JSON.stringify({ reason }) });
      await onDone(c.cancelledDone);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className={s.planCard} aria-labelledby={`cancel-${meeting.id}`} data-testid="cancel-form">
      <Subtitle2 as="h3" id={`cancel-${meeting.id}`}>{c.cancelMeeting}</Subtitle2>
      <ErrorBar error={error} lang={lang} />
      <Field label={c.cancelReason} required validationMessage={fieldProblem(error, 'reason', lang)} validationState={fieldProblem(error, 'reason', lang) ? 'error' : 'none'}>
        <Textarea name="cancelReason" value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
      <div className={s.bar}>
        <Button appearance="primary" onClick={() => void save()} disabled={busy}>{c.cancelMeeting}</Button>
        <Button onClick={onClose}>{c.close}</Button>
      </div>
    </Card>
  );
}

export function DefaultsForm({ lang, forumId, onClose }: { lang: Lang; forumId: string; onClose: () => void }) {
  const c = meetingTexts[lang];
  const s = useForumYearStyles();
  const [location, setLocation] = useState('');
  const [online, setOnline] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    api<MeetingDefaultsResponse>(`/api/forums/${encodeURIComponent(forumId)}/meeting-defaults`).then((d) => {
      setLocation(d.location ?? '');
      setOnline(d.online);
    }, setError);
  }, [forumId]);
  const save = async () => {
    setError(null);
    setDone(null);
    try {
      await api(`/api/forums/${encodeURIComponent(forumId)}/meeting-defaults`, { method: 'PUT', body: JSON.stringify({ location: location.trim() ? location.trim() : null, online }) });
      setDone(c.defaultsSaved);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card className={s.planCard} aria-labelledby="meeting-defaults">
      <Subtitle2 as="h3" id="meeting-defaults">{c.defaults}</Subtitle2>
      <ErrorBar error={error} lang={lang} />
      <SuccessBar text={done} />
      <TextField label={c.defaultPlace} name="defaultLocation" value={location} onChange={setLocation} error={error} lang={lang} />
      <Checkbox name="defaultOnline" checked={online} onChange={(_, d) => setOnline(d.checked === true)} label={c.online} />
      <div className={s.bar}>
        <Button appearance="primary" onClick={() => void save()}>{c.save}</Button>
        <Button onClick={onClose}>{c.close}</Button>
      </div>
    </Card>
  );
}

export function HistoryForm({ lang, forumId, onDone, onClose }: { lang: Lang; forumId: string; onDone: (text: string) => Promise<void> | void; onClose: () => void }) {
  const c = meetingTexts[lang];
  const s = useForumYearStyles();
  const [v, setV] = useState<Values>({ kind: 'ordinary', date: '', start: '13:00', end: '15:00', location: '', title: '', reason: '', jointWithForumId: '', agendaSentOn: '', minutesSentOn: '', approvedOn: '', publishedOn: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const opt = (k: string) => (v[k]!.trim() ? { [k]: v[k]!.trim() } : {});
      await api(`/api/forums/${encodeURIComponent(forumId)}/history`, {
        method: 'POST',
        body: JSON.stringify({ date: v.date, start: v.start, end: v.end, kind: v.kind, ...opt('location'), ...opt('title'), ...opt('agendaSentOn'), ...opt('minutesSentOn'), ...opt('approvedOn'), ...opt('publishedOn') }),
      });
      await onDone(c.historySaved);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className={s.planCard} aria-labelledby="history-form" data-testid="history-form">
      <Subtitle2 as="h3" id="history-form">{c.addHistory}</Subtitle2>
      <Text>{c.historyIntro}</Text>
      <ErrorBar error={error} lang={lang} />
      <Field label={c.kind}>
        <Select name="historyKind" value={v.kind} onChange={(_, d) => set('kind')(d.value)}>
          {Object.entries(c.kinds).filter(([k]) => k !== 'joint').map(([k, label]) => <option key={k} value={k}>{label}</option>)}
        </Select>
      </Field>
      <TextField label={c.date} name="date" type="date" value={v.date!} onChange={set('date')} error={error} lang={lang} required />
      <TextField label={c.start} name="start" type="time" value={v.start!} onChange={set('start')} error={error} lang={lang} required />
      <TextField label={c.end} name="end" type="time" value={v.end!} onChange={set('end')} error={error} lang={lang} required />
      <TextField label={c.place} name="location" value={v.location!} onChange={set('location')} error={error} lang={lang} />
      <TextField label={c.title} name="title" value={v.title!} onChange={set('title')} error={error} lang={lang} />
      <TextField label={c.agendaSentOn} name="agendaSentOn" type="date" value={v.agendaSentOn!} onChange={set('agendaSentOn')} error={error} lang={lang} />
      <TextField label={c.minutesSentOn} name="minutesSentOn" type="date" value={v.minutesSentOn!} onChange={set('minutesSentOn')} error={error} lang={lang} />
      <TextField label={c.approvedOn} name="approvedOn" type="date" value={v.approvedOn!} onChange={set('approvedOn')} error={error} lang={lang} />
      <TextField label={c.publishedOn} name="publishedOn" type="date" value={v.publishedOn!} onChange={set('publishedOn')} error={error} lang={lang} />
      <div className={s.bar}>
        <Button appearance="primary" onClick={() => void save()} disabled={busy}>{c.save}</Button>
        <Button onClick={onClose}>{c.close}</Button>
      </div>
    </Card>
  );
}
