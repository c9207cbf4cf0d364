/** The forum page's year tabs: "Møder" (with the planner for the secretariat), "Årshjul" and "Sammensætning". */
import { useCallback, useEffect, useState } from 'react';
import {
  Badge, Button, Card, Label, Link, MessageBar, MessageBarActions, MessageBarBody, Select, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text,
} from '@fluentui/react-components';
import { api } from '../api.js';
import { formatDate, texts, textsIn, type Lang, type Texts } from '../i18n.js';
import { meetingListLabel } from './meeting-label.js';
import { ErrorBar, SuccessBar, hhmm, type Meeting, type MeetingDeadlines } from './shared.js';
import type { AcceptPlanResponse, CompositionResponse, DutyResponse, MeetingWithDeadlinesResponse, YearMeetingResponse, YearOfDutiesResponse, YearPlanResponse } from '../../contracts/planning.contract.js';
import { useForumYearStyles } from './ForumYear.styles.js';
import { RegionClosedDays } from './RegionClosedDays.js';
import { compositionVerdict } from './composition.js';
import { meetingsWithLateDuties, yearDutyState } from './year-duty.js';
import { CancelForm, DefaultsForm, HistoryForm, MeetingForm } from './ForumMeetingEditor.js';
import { meetingTexts } from '../i18n.meetings.js';
import { Checkbox, Input } from '@fluentui/react-components';

type Panel = { kind: 'add' } | { kind: 'defaults' } | { kind: 'history' } | { kind: 'edit'; meeting: MeetingWithDeadlines } | { kind: 'cancel'; meeting: MeetingWithDeadlines } | null;
/** A row of the proposal to accept; `existingId` when the year already has this meeting (kept as it is by the accept). */
type PlanRow = { key: number; date: string; start: string; end: string; kind: string; location: string; online: boolean; existingId?: string };

/**
 * A meeting as the forum's list gives it: with its host forum's deadlines (a joint meeting or theme day another forum
 * holds with this one too: the host's), cancelled meetings without.
 */
type MeetingWithDeadlines = MeetingWithDeadlinesResponse;
type PlanMeeting = YearMeetingResponse;
type Plan = YearPlanResponse;
type Duty = DutyResponse;
type Year = YearOfDutiesResponse;

const thisYear = () => new Date().getFullYear();
/** From October the year being planned is the next one. */
const defaultYear = () => (new Date().getMonth() >= 9 ? thisYear() + 1 : thisYear());

function YearPicker({ t, year, onChange, id }: { t: Texts; year: number; onChange: (y: number) => void; id: string }) {
  const s = useForumYearStyles();
  const years = [thisYear() - 1, thisYear(), thisYear() + 1, thisYear() + 2];
  return (
    <div className={s.field}>
      <Label htmlFor={id}>{t.m.year}</Label>
      <Select id={id} value={String(year)} onChange={(_, d) => onChange(Number(d.value))}>
        {years.map((y) => <option key={y} value={y}>{y}</option>)}
      </Select>
    </div>
  );
}

/**
 * `canOpenMeetings`: whether the forum's rights let the caller open its meetings (`rights.meetings`). The region's
 * secretariat reads the list (dates, places, deadlines) but gets no link to a meeting that would open to a refusal.
 */
export function ForumMeetingsTab({ t, lang, forumId, region, canPlan, canOpenMeetings = true, onOpenMeeting, forumNames }: { t: Texts; lang: Lang; forumId: string; region?: string; canPlan: boolean; canOpenMeetings?: boolean; onOpenMeeting: (id: string) => void; forumNames?: ReadonlyMap<string, string> }) {
  const s = useForumYearStyles();
  const [year, setYear] = useState(defaultYear);
  const [meetings, setMeetings] = useState<MeetingWithDeadlines[] | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [panel, setPanel] = useState<Panel>(null);
  const [rows, setRows] = useState<PlanRow[]>([]);
  const c = meetingTexts[lang];
  /** Opening a form clears the note of the last change, so it never stands under the next one. */
  const openPanel = (p: Panel) => {
    setDone(null);
    setPanel(p);
  };
  const changed = async (text: string) => {
    setPanel(null);
    setDone(text);
    await load();
  };

  const load = useCallback(() => {
    setMeetings(null);
    return api<MeetingWithDeadlines[]>(`/api/forums/${encodeURIComponent(forumId)}/meetings?year=${year}`).then(setMeetings, setError);
  }, [forumId, year]);
  useEffect(() => {
    setPlan(null);
    setDone(null);
    void load();
  }, [load]);
  // Showing a later year (from October, the one being planned): say if this year still has a late agenda or minutes.
  const [earlierLate, setEarlierLate] = useState(0);
  useEffect(() => {
    setEarlierLate(0);
    const current = thisYear();
    if (year <= current) return undefined;
    let live = true;
    // Only a note beside the list: if it cannot be read, the note is not shown (the list says what failed).
    api<MeetingWithDeadlines[]>(`/api/forums/${encodeURIComponent(forumId)}/meetings?year=${current}`)
      .then((ms) => (live ? setEarlierLate(meetingsWithLateDuties(ms, Date.now())) : undefined), () => (live ? setEarlierLate(0) : undefined));
    return () => {
      live = false;
    };
  }, [forumId, year]);

  const showPlan = async () => {
    setError(null);
    setBusy(true);
    try {
      const p = await api<Plan>(`/api/forums/${encodeURIComponent(forumId)}/plan/${year}`);
      setPlan(p);
      // A proposed meeting the year already has is shown as it stands (place, online, end) and cannot be changed here:
      // accepting keeps it as it is, so an edit in this table would be silently ignored. It is changed in the list below.
      const stored = (meetings ?? []).filter((x) => x.status !== 'cancelled');
      setRows(p.proposal.map((m, i) => {
        const same = stored.find((x) => x.date === m.date && x.start === m.start && x.kind === m.kind);
        return same
          ? { key: i, date: m.date, start: m.start, end: same.end, kind: m.kind, location: same.location ?? '', online: same.online, existingId: same.id }
          : { key: i, date: m.date, start: m.start, end: m.end, kind: m.kind, location: '', online: false };
      }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const accept = async () => {
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api<AcceptPlanResponse>(`/api/forums/${encodeURIComponent(forumId)}/plan/${year}/accept`, {
        method: 'POST',
        body: JSON.stringify({ meetings: rows.map((m) => ({ date: m.date, start: m.start, end: m.end, kind: m.kind, online: m.online, ...(m.location.trim() ? { location: m.location.trim() } : {}) })) }),
      });
      setDone(r.created.length ? t.m.planAccepted(r.created.length) : t.m.planNothingNew);
      setPlan(null);
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  // Beside the agenda's and the minutes' dates: sent, or late by how many days (never before the instant has passed).
  const now = Date.now();
  const dutyMark = (duty: 'agenda' | 'minutes', m: MeetingWithDeadlinesResponse, at: string) => {
    const d = yearDutyState(duty, m, at, now);
    if (!d) return null;
    return d.state === 'sent'
      ? <> <Badge appearance="tint" color="success" size="small" data-duty={duty} data-duty-state="sent">{t.tb.dutySent}</Badge></>
      : <> <Badge appearance="filled" color="danger" size="small" data-duty={duty} data-duty-state="late">{d.days ? t.tb.overdueBy(d.days) : t.tb.overdueToday}</Badge></>;
  };
  return (
    <section className={s.section} aria-label={t.m.meetingsTab}>
      <div className={s.bar}>
        <YearPicker t={t} year={year} onChange={setYear} id="meetings-year" />
        {canPlan ? <Button onClick={() => void showPlan()} disabled={busy}>{t.m.planYear}</Button> : null}
        {canPlan ? <Button onClick={() => openPanel({ kind: 'add' })}>{c.addMeeting}</Button> : null}
        {canPlan ? <Button onClick={() => openPanel({ kind: 'history' })}>{c.addHistory}</Button> : null}
        {canPlan ? <Button onClick={() => openPanel({ kind: 'defaults' })}>{c.defaults}</Button> : null}
      </div>
      {panel?.kind === 'add' ? <MeetingForm lang={lang} forumId={forumId} region={region} forumNames={forumNames} onDone={changed} onClose={() => setPanel(null)} /> : null}
      {panel?.kind === 'edit' ? <MeetingForm key={panel.meeting.id} lang={lang} forumId={forumId} region={region} meeting={panel.meeting} onDone={changed} onClose={() => setPanel(null)} /> : null}
      {panel?.kind === 'cancel' ? <CancelForm key={panel.meeting.id} lang={lang} meeting={panel.meeting} onDone={changed} onClose={() => setPanel(null)} /> : null}
      {panel?.kind === 'defaults' ? <DefaultsForm lang={lang} forumId={forumId} onClose={() => setPanel(null)} /> : null}
      {panel?.kind === 'history' ? <HistoryForm lang={lang} forumId={forumId} onDone={changed} onClose={() => setPanel(null)} /> : null}
      <ErrorBar error={error} lang={lang} />
      <SuccessBar text={done} />
      {plan ? (
        <Card className={s.planCard} aria-labelledby="plan-title">
          <Subtitle2 as="h3" id="plan-title">{t.m.plannerProposal} {year}</Subtitle2>
          {plan.constraints.length ? <Text className={s.meta}>{textsIn(lang, plan.constraints, plan.constraintsEn).join(' · ')}</Text> : null}
          <ol className={s.list}>
            {plan.proposal.map((m) => (
              <li key={m.sequence}>
                <Text weight="semibold">{formatDate(m.date, lang)} {hhmm(m.start, lang)}–{hhmm(m.end, lang)}</Text>
                {plan.existing.some((e) => e.date === m.date) ? <> <Badge appearance="outline">{t.m.existing}</Badge></> : null}
                <ul className={s.list} aria-label={t.m.reasons}>
                  {textsIn(lang, m.reasons, m.reasonsEn).map((r) => <li key={r}><Text className={s.small}>{r}</Text></li>)}
                  {textsIn(lang, m.warnings, m.warningsEn).map((w) => <li key={w}><Text className={s.small} weight="semibold">{w}</Text></li>)}
                </ul>
              </li>
            ))}
          </ol>
          {textsIn(lang, plan.warnings, plan.warningsEn).map((w) => <MessageBar key={w} intent="warning"><MessageBarBody>{w}</MessageBarBody></MessageBar>)}
          <Subtitle2 as="h4" id="plan-edit-title">{c.planEdit}</Subtitle2>
          <div className={s.scroller}><Table aria-labelledby="plan-edit-title" size="small" data-testid="plan-rows" className={s.planTable}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{c.date}</TableHeaderCell>
                <TableHeaderCell scope="col">{c.start}</TableHeaderCell>
                <TableHeaderCell scope="col">{c.end}</TableHeaderCell>
                <TableHeaderCell scope="col">{c.place}</TableHeaderCell>
                <TableHeaderCell scope="col">{c.online}</TableHeaderCell>
                <TableHeaderCell scope="col"><span className={s.small}>{c.planDrop}</span></TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r, i) => {
                const upd = (patch: Partial<PlanRow>) => setRows((all) => all.map((x) => (x.key === r.key ? { ...x, ...patch } : x)));
                const label = `${c.planRow(i + 1)}: `;
                const kept = Boolean(r.existingId);
                return (
                  <TableRow key={r.key} data-existing={kept || undefined}>
                    <TableCell><Input type="date" aria-label={`${label}${c.date}`} value={r.date} readOnly={kept} onChange={(_, d) => upd({ date: d.value })} /></TableCell>
                    <TableCell><Input type="time" aria-label={`${label}${c.start}`} value={r.start} readOnly={kept} onChange={(_, d) => upd({ start: d.value })} /></TableCell>
                    <TableCell><Input type="time" aria-label={`${label}${c.end}`} value={r.end} readOnly={kept} onChange={(_, d) => upd({ end: d.value })} /></TableCell>
                    <TableCell><Input aria-label={`${label}${c.place}`} value={r.location} readOnly={kept} onChange={(_, d) => upd({ location: d.value })} /></TableCell>
                    <TableCell><Checkbox aria-label={`${label}${c.online}`} checked={r.online} disabled={kept} onChange={(_, d) => upd({ online: d.checked === true })} /></TableCell>
                    <TableCell>
                      {kept ? <Badge appearance="outline">{t.m.existing}</Badge> : <Button aria-label={`${label}${c.planDrop}`} onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}>{c.planDrop}</Button>}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table></div>
          {rows.some((r) => r.existingId) ? <Text className={s.small} data-testid="plan-existing-note">{c.planExistingNote}</Text> : null}
          <div className={s.bar}>
            <Button onClick={() => setRows((all) => [...all, { key: Math.max(0, ...all.map((x) => x.key)) + 1, date: `${year}-`, start: '13:00', end: '15:00', kind: 'ordinary', location: '', online: false }])}>{c.planAdd}</Button>
            <Button appearance="primary" onClick={() => void accept()} disabled={busy || rows.length === 0}>{t.m.acceptPlan}</Button>
          </div>
        </Card>
      ) : null}
      {earlierLate && year > thisYear() ? (
        <MessageBar intent="warning" data-earlier-year-late>
          <MessageBarBody>{t.tb.earlierYearLate(earlierLate, thisYear())}</MessageBarBody>
          <MessageBarActions><Button size="small" onClick={() => setYear(thisYear())}>{t.tb.showYear(thisYear())}</Button></MessageBarActions>
        </MessageBar>
      ) : null}
      {!canOpenMeetings && meetings?.length ? <Text as="p" className={s.small} data-list-only>{c.listOnly}</Text> : null}
      {!meetings ? <Spinner label={t.loading} /> : meetings.length === 0 ? <Text>{t.m.noMeetingsYear}</Text> : (
        <div className={s.scroller} role="region" aria-label={`${t.m.meetingsTab} ${year}`} tabIndex={0}><Table aria-label={`${t.m.meetingsTab} ${year}`} size="small" className={s.wideTable}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.m.meeting}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.tb.kindCol}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.m.place}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.m.deadlineKinds.items_cutoff}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.m.deadlineKinds.agenda_due}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.m.deadlineKinds.minutes_due}</TableHeaderCell>
              {canPlan ? <TableHeaderCell scope="col"><span className={s.small}>{c.actionsColumn}</span></TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {meetings.map((m) => (
              <TableRow key={m.id}>
                <TableCell>
                  {canOpenMeetings
                    ? <Link href={`#/meetings/${m.id}`} onClick={(e) => { e.preventDefault(); onOpenMeeting(m.id); }}>{formatDate(m.date, lang)} {hhmm(m.start, lang)}–{hhmm(m.end, lang)}</Link>
                    : <Text weight="semibold">{formatDate(m.date, lang)} {hhmm(m.start, lang)}–{hhmm(m.end, lang)}</Text>}
                  {m.status === 'cancelled' ? <> <Badge color="danger">{t.m.cancelled}</Badge></> : m.status === 'held' ? <> <Badge appearance="outline" color="informative">{t.tb.meetingStatus.held}</Badge></> : null}
                  {m.historical ? <> <Badge appearance="tint" color="informative">{c.historical}</Badge></> : null}
                  {m.status === 'cancelled' && m.cancelledReason ? <Text as="p" className={s.small} data-cancelled-reason>{t.tb.cancelledBecause(m.cancelledReason)}</Text> : null}
                </TableCell>
                <TableCell>
                  {m.kind !== 'ordinary' ? meetingListLabel(t.tb.meetingKinds[m.kind] ?? m.kind, m.title, [texts.da.tb.meetingKinds[m.kind] ?? '']) : (t.tb.meetingKinds[m.kind] ?? m.kind)}
                  {m.forumId !== forumId ? (
                    // Held by the other forum with this one: it plans the meeting, and the deadlines shown are its own.
                    <Text className={s.small}> ({t.tb.heldBy(forumNames?.get(m.forumId) ?? m.forumId)}{m.deadlines ? `; ${t.tb.hostsDeadlines}` : ''})</Text>
                  ) : m.jointWithForumId ? <Text className={s.small}> ({t.tb.jointWith(forumNames?.get(m.jointWithForumId) ?? m.jointWithForumId)})</Text> : null}
                </TableCell>
                <TableCell>{[m.location, m.online ? t.m.online : undefined].filter(Boolean).join(' · ')}</TableCell>
                {m.deadlines ? (
                  <>
                    <TableCell>{formatDate(m.deadlines.itemsCutoff.date, lang)}{m.deadlines.itemsCutoff.fromDefault ? <span className={s.small} data-rule-default> *</span> : null}</TableCell>
                    <TableCell>{formatDate(m.deadlines.agendaDue.date, lang)}{m.deadlines.agendaDue.fromDefault ? <span className={s.small} data-rule-default> *</span> : null}{dutyMark('agenda', m, m.deadlines.agendaDue.at)}</TableCell>
                    <TableCell>{formatDate(m.deadlines.minutesDue.date, lang)}{m.deadlines.minutesDue.fromDefault ? <span className={s.small} data-rule-default> *</span> : null}{dutyMark('minutes', m, m.deadlines.minutesDue.at)}</TableCell>
                  </>
                ) : (
                  <TableCell colSpan={3}>
                    <Text className={s.small}>{m.status === 'cancelled' ? t.tb.cancelledNoDeadlines : t.tb.noOwnDeadlines}</Text>
                  </TableCell>
                )}
                {canPlan ? (
                  <TableCell>
                    {m.status === 'planned' && !m.historical && m.forumId === forumId ? (
                      <>
                        <Button size="small" aria-label={`${c.edit}: ${formatDate(m.date, lang)} ${hhmm(m.start, lang)}`} onClick={() => openPanel({ kind: 'edit', meeting: m })}>{c.edit}</Button>{' '}
                        <Button size="small" aria-label={`${c.cancel}: ${formatDate(m.date, lang)} ${hhmm(m.start, lang)}`} onClick={() => openPanel({ kind: 'cancel', meeting: m })}>{c.cancel}</Button>
                      </>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table></div>
      )}
      {meetings?.some((m) => m.deadlines && (m.deadlines.itemsCutoff.fromDefault || m.deadlines.agendaDue.fromDefault || m.deadlines.minutesDue.fromDefault)) ? (
        // One legend for the mark on each date whose rule the terms do not state (the same as the year's badge).
        <Text as="p" className={s.small} data-rule-default-legend>* {t.m.ruleDefaultBadge}</Text>
      ) : null}
    </section>
  );
}

/**
 * `canOpenMeetings`: whether the caller may read the forum's meetings (its `rights`). Anyone signed in sees the
 * year wheel; a meeting is a link only for those it would open for, never a link to a refusal.
 */
export function ForumWheelTab({ t, lang, forumId, canOpenMeetings = true }: { t: Texts; lang: Lang; forumId: string; canOpenMeetings?: boolean }) {
  const s = useForumYearStyles();
  const [year, setYear] = useState(defaultYear);
  const [data, setData] = useState<Year | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Bumped when the region's closed days change: the deadlines move.
  const [revision, setRevision] = useState(0);
  const [region, setRegion] = useState<string | null>(null);
  useEffect(() => {
    setData(null);
    setError(null);
    api<Year>(`/api/forums/${encodeURIComponent(forumId)}/year/${year}`).then((y) => { setData(y); setRegion(y.forum?.region ?? null); }, setError);
  }, [forumId, year, revision]);
  const months = new Map<string, Duty[]>();
  for (const d of data?.duties ?? []) {
    const k = d.date.slice(0, 7);
    months.set(k, [...(months.get(k) ?? []), d]);
  }
  const monthName = (ym: string) => new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`));
  return (
    <section className={s.section} aria-label={t.m.wheelTab}>
      <div className={s.bar}><YearPicker t={t} year={year} onChange={setYear} id="wheel-year" /></div>
      <ErrorBar error={error} lang={lang} />
      {!data ? (error ? null : <Spinner label={t.loading} />) : (
        <>
          {data.constraints.length ? <Text className={s.meta}>{textsIn(lang, data.constraints, data.constraintsEn).join(' · ')}</Text> : null}
          {/* Said before the year, not after it: what is a default here is marked on each line below. */}
          {textsIn(lang, data.warnings, data.warningsEn).map((w) => <MessageBar key={w} intent="warning"><MessageBarBody>{w}</MessageBarBody></MessageBar>)}
          {data.duties.length === 0 ? <Text>{t.m.noMeetingsYear}</Text> : [...months.entries()].map(([ym, duties]) => (
            <div key={ym} className={s.month}>
              <Subtitle2 as="h3">{monthName(ym)} {year}</Subtitle2>
              <ul className={s.list} style={{ listStyle: 'none', paddingLeft: 0 }}>
                {duties.map((d, i) => (
                  <li key={i} className={s.duty}>
                    <Text className={s.meta}>{formatDate(d.date, lang)}</Text>
                    <Text>
                      {canOpenMeetings && d.meetingId && (d.kind === 'meeting' || d.kind === 'joint_meeting' || d.kind === 'theme_day') ? <Link href={`#/meetings/${d.meetingId}`}>{lang === 'en' ? (d.titleEn ?? d.title) : d.title}</Link> : lang === 'en' ? (d.titleEn ?? d.title) : d.title}
                      {d.heldBy ? <> <Badge appearance="tint" color="subtle" size="small" data-held-by={d.heldBy}>{t.tb.hostsDuty}</Badge></> : null}
                      {d.ruleDefault ? <> <Badge appearance="outline" color="informative" size="small" data-rule-default>{t.m.ruleDefaultBadge}</Badge></> : null}
                    </Text>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
      {region ? <RegionClosedDays lang={lang} region={region} year={year} onChanged={() => setRevision((r) => r + 1)} /> : null}
    </section>
  );
}

export function ForumCompositionTab({ t, lang, forumId, signedIn }: { t: Texts; lang: Lang; forumId: string; signedIn: boolean }) {
  const s = useForumYearStyles();
  const [data, setData] = useState<CompositionResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (signedIn) api<CompositionResponse>(`/api/forums/${encodeURIComponent(forumId)}/composition`).then(setData, setError);
  }, [forumId, signedIn]);
  if (!signedIn) return <section className={s.section}><Text>{t.signInToSeeMembers}</Text></section>;
  return (
    <section className={s.section} aria-labelledby="seat-check">
      <Subtitle2 as="h3" id="seat-check">{t.m.seatCheck}</Subtitle2>
      <ErrorBar error={error} lang={lang} />
      {!data ? (error ? null : <Spinner label={t.loading} />) : (
        <>
          {compositionVerdict(data) === 'not_checked' ? null : <Text className={s.meta}>{t.m.checkedOn(formatDate(data.on, lang))}</Text>}
          {compositionVerdict(data) === 'not_checked' ? <MessageBar intent="info" data-testid="composition-not-checked"><MessageBarBody>{t.noTerms}</MessageBarBody></MessageBar>
            : compositionVerdict(data) === 'matches' ? <MessageBar intent="success"><MessageBarBody>{t.m.noFindings}</MessageBarBody></MessageBar> : (
            <Table aria-label={t.m.seatCheck} size="small">
              <TableHeader><TableRow><TableHeaderCell scope="col" style={{ width: '7.5rem' }}>{t.m.status}</TableHeaderCell><TableHeaderCell scope="col">{t.m.seatCheck}</TableHeaderCell></TableRow></TableHeader>
              <TableBody>
                {data.findings.map((f, i) => (
                  <TableRow key={i}>
                    <TableCell><Badge appearance="tint" color={f.severity === 'error' ? 'danger' : f.severity === 'warning' ? 'warning' : 'informative'}>{t.m.severity[f.severity] ?? f.severity}</Badge></TableCell>
                    <TableCell>{lang === 'da' ? f.da : f.en}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </section>
  );
}
