/**
 * The minutes tab: the decision per item (a normal view with the agenda text
 * beside it, and a fast meeting-time mode: one textarea per item, Ctrl+Down /
 * Ctrl+Up between them, saved on leaving a field), tasks from the meeting, send
 * for remarks, the remarks panel, explicit approval and publication with the
 * personal-data findings to confirm.
 */
import { ContradictionList, contradictionsIn } from './MeetingAttendance.js';
import { meetingTexts } from '../i18n.meetings.js';
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import {
  Badge, Button, Card, Field, Input, Link, MessageBar, MessageBarBody, MessageBarTitle, Select, Subtitle2, Switch, Text, Textarea,
} from '@fluentui/react-components';
import { api, type ApiError } from '../api.js';
import { formatDate, formatInstant, type Lang, type Texts } from '../i18n.js';
import { ErrorBar, SuccessBar } from './shared.js';
import type { MeetingView } from './meeting.types.js';
import type { ForumViewResponse, OrganisationResponse } from '../../contracts/registry.contract.js';
import type { EarlyApprovalRefusedResponse, PersonalDataFindingResponse, PublishRefusedResponse } from '../../contracts/meetings.contract.js';
import { useMeetingStyles } from './MeetingPage.styles.js';
import { MinuteTakerField } from './MeetingMinuteTaker.js';
import { minutesStateLabel } from './meeting-label.js';
import { itemTitle as shownTitle } from '../../domain/meetings/item-title.js';

type Finding = PersonalDataFindingResponse;

export function MinutesPanel({ t, lang, view, setView, reload, isMember }: { t: Texts; lang: Lang; view: MeetingView; setView: Dispatch<SetStateAction<MeetingView | null>>; reload: () => Promise<void>; isMember: boolean }) {
  const s = useMeetingStyles();
  const p = view.permissions;
  const mi = view.minutes;
  const id = encodeURIComponent(view.meeting.id);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [fast, setFast] = useState(false);
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(view.items.map((i) => [i.id, i.decision ?? ''])));
  const [saveState, setSaveState] = useState<Record<string, 'saving' | 'saved'>>({});
  const areas = useRef<(HTMLTextAreaElement | null)[]>([]);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [remark, setRemark] = useState({ itemId: '', text: '' });
  const emptyTask = { title: '', assigneeKind: 'person', assigneeId: '', reportToForumId: view.forum.id, dueOn: '', sourceItemId: '' };
  const [task, setTask] = useState(emptyTask);
  const [forums, setForums] = useState<{ id: string; name: string }[]>([]);
  const [organisations, setOrganisations] = useState<{ id: string; name: string }[]>([]);
  const [reason, setReason] = useState('');
  // An early approval the server refused without a reason: why, and the reason being written.
  const [early, setEarly] = useState<{ grounds: NonNullable<EarlyApprovalRefusedResponse['grounds']>; openRemarks: number; windowClosesAt?: string } | null>(null);
  const [earlyReason, setEarlyReason] = useState('');
  const [correctReason, setCorrectReason] = useState('');

  useEffect(() => {
    api<ForumViewResponse>(`/api/forums/${encodeURIComponent(view.forum.id)}`).then((f) => setForums([f.forum, ...f.children]), () => setForums([]));
    api<OrganisationResponse[]>('/api/organisations').then(setOrganisations, () => setOrganisations([]));
  }, [view.forum.id]);
  const people = [...new Map(view.attendance.map((a) => [a.personId, a.person.name])).entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const assigneeName = (k: { assigneePersonId?: string; assigneeOrganisationId?: string; assigneeForumId?: string }) =>
    k.assigneePersonId ? people.find((p) => p.id === k.assigneePersonId)?.name ?? k.assigneePersonId
      : k.assigneeOrganisationId ? organisations.find((o) => o.id === k.assigneeOrganisationId)?.name ?? k.assigneeOrganisationId
        : k.assigneeForumId ? forums.find((f) => f.id === k.assigneeForumId)?.name ?? k.assigneeForumId : '';

  const run = async (fn: () => Promise<unknown>, ok?: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await fn();
      if (ok) setDone(ok);
      await reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  // Saved when the field is left: typing stays instant, and a refusal is shown without losing the text.
  const saveDecision = async (itemId: string) => {
    const text = texts[itemId] ?? '';
    if (text === (view.items.find((i) => i.id === itemId)?.decision ?? '')) return;
    setSaveState((x) => ({ ...x, [itemId]: 'saving' }));
    try {
      await api(`/api/meetings/${id}/items/${encodeURIComponent(itemId)}/decision`, { method: 'PUT', body: JSON.stringify({ decision: text }) });
      setSaveState((x) => ({ ...x, [itemId]: 'saved' }));
      setView((v) => (v ? { ...v, items: v.items.map((i) => (i.id === itemId ? { ...i, decision: text } : i)) } : v));
    } catch (e) {
      setSaveState((x) => {
        const { [itemId]: _gone, ...rest } = x;
        return rest;
      });
      setError(e);
    }
  };
  const onKey = (index: number) => (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!e.ctrlKey) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = areas.current[index + (e.key === 'ArrowDown' ? 1 : -1)];
      next?.focus();
    }
  };

  const publish = (confirm: boolean) =>
    run(async () => {
      try {
        await api(`/api/meetings/${id}/minutes/publish`, { method: 'POST', body: JSON.stringify(confirm ? { confirmPersonalData: true } : {}) });
        setFindings(null);
      } catch (e) {
        // The 409's body is the route's PublishRefusedResponse.
        const f = ((e as ApiError).body as PublishRefusedResponse | undefined)?.findings;
        if (Array.isArray(f)) {
          setFindings(f);
          return;
        }
        throw e;
      }
    });

  const approve = (withReason?: string) =>
    run(async () => {
      try {
        await api(`/api/meetings/${id}/minutes/approve`, { method: 'POST', body: JSON.stringify(withReason ? { confirm: true, reason: withReason } : {}) });
        setEarly(null);
        setEarlyReason('');
      } catch (e) {
        // The 409's body is the route's EarlyApprovalRefusedResponse.
        const b = (e as ApiError).body as EarlyApprovalRefusedResponse | undefined;
        if ((e as ApiError).status === 409 && b?.code === 'confirmation_required') {
          setEarly({ grounds: b.grounds ?? [], openRemarks: b.openRemarks ?? 0, ...(b.windowClosesAt !== undefined ? { windowClosesAt: b.windowClosesAt } : {}) });
          return;
        }
        throw e;
      }
    });

  // Before the meeting begins, minutes nobody has sent are not a draft yet: they say so.
  const notStarted = !view.started && mi.status === 'draft';
  const windowOpen = mi.status === 'sent_for_remarks' && mi.windowClosesAt && Date.now() < Date.parse(mi.windowClosesAt);
  const showRemarkForm = p.canRemark || (isMember && !p.canEditMinutes && mi.status === 'sent_for_remarks');
  const itemTitle = (itemId?: string) => {
    const item = itemId ? view.items.find((i) => i.id === itemId) : undefined;
    return itemId ? (item ? shownTitle(item, lang) : itemId) : t.m.wholeMinutes;
  };
  const who = (personId: string) => view.attendance.find((a) => a.personId === personId)?.person.name ?? personId;

  return (
    <section className={s.section} aria-label={t.m.minutes}>
      <ErrorBar error={error} lang={lang} />
      <SuccessBar text={done} />
      <div className={s.bar}>
        <Badge appearance="filled" color={mi.status === 'published' || mi.status === 'approved' ? 'success' : 'brand'}>{minutesStateLabel(view, t.m)}{notStarted ? '' : ` · ${t.version} ${mi.version}`}</Badge>
        {mi.windowClosesAt && mi.status === 'sent_for_remarks' ? <Text>{windowOpen ? t.m.windowOpenUntil(formatInstant(mi.windowClosesAt, lang)) : t.m.windowClosed}</Text> : null}
        {mi.approvedAt ? <Text>{t.m.approvedHow[mi.approvedHow ?? 'explicit']} {formatInstant(mi.approvedAt, lang)}</Text> : null}
        {mi.draftWithheld ? null : <Link href={`/api/meetings/${id}/minutes.docx`}>{t.m.downloadMinutes}</Link>}
      </div>
      {mi.draftWithheld ? <Text as="p" data-minutes-withheld>{notStarted ? t.m.minutesAfterMeeting : t.m.minutesBeingWritten}</Text> : null}
      <MinuteTakerField t={t} lang={lang} view={view} reload={reload} />

      {p.canEditMinutes ? (
        <Card className={s.card} aria-labelledby="decisions-title">
          <div className={s.bar}>
            <Subtitle2 as="h3" className={s.h3} id="decisions-title">{t.m.decision}</Subtitle2>
            <Switch checked={fast} onChange={(_, d) => setFast(d.checked)} label={t.m.meetingMode} />
          </div>
          {fast ? <Text className={s.meta} id="fast-hint">{t.m.meetingModeHint}</Text> : null}
          {view.items.map((item, index) => (
            <div key={item.id} className={s.minuteRow} data-minutes-item={item.id}>
              <Field
                label={`${index + 1}. ${shownTitle(item, lang)}`}
                hint={!fast && item.recommendations.length ? `${t.m.recommendations}: ${item.recommendations.join(' · ')}` : undefined}
                validationState={saveState[item.id] === 'saved' ? 'success' : 'none'}
                validationMessage={saveState[item.id] === 'saved' ? t.m.saved : saveState[item.id] === 'saving' ? t.m.saving : undefined}
              >
                <Textarea
                  ref={(el) => { areas.current[index] = el; }}
                  value={texts[item.id] ?? ''}
                  onChange={(_, d) => setTexts({ ...texts, [item.id]: d.value })}
                  onBlur={() => void saveDecision(item.id)}
                  onKeyDown={fast ? onKey(index) : undefined}
                  aria-describedby={fast ? 'fast-hint' : undefined}
                  resize="vertical"
                  rows={fast ? 3 : 2}
                />
              </Field>
            </div>
          ))}
        </Card>
      ) : mi.draftWithheld ? null : (
        <Card className={s.card} aria-labelledby="decisions-title">
          <Subtitle2 as="h3" className={s.h3} id="decisions-title">{t.m.decision}</Subtitle2>
          {view.items.map((item, index) => (
            <div key={item.id} className={s.minuteRow}>
              <Text weight="semibold">{index + 1}. {shownTitle(item, lang)}</Text>
              <Text>{item.decision || '–'}</Text>
            </div>
          ))}
        </Card>
      )}

      <Card className={s.card} aria-labelledby="tasks-title">
        <Subtitle2 as="h3" className={s.h3} id="tasks-title">{t.m.tasksFromMinutes}</Subtitle2>
        {view.tasks.length === 0 ? <Text>{t.m.noneTasksFromMeeting}</Text> : (
          <ul className={s.recs}>{view.tasks.map((k) => <li key={k.id}><Text>{k.title} · {t.m.due} {formatDate(k.dueOn, lang)}{assigneeName(k) ? ` · ${assigneeName(k)}` : ''}</Text></li>)}</ul>
        )}
        {p.canEditMinutes ? (
          <form className={s.form} onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const who = task.assigneeKind === 'person' ? { assigneePersonId: task.assigneeId } : task.assigneeKind === 'organisation' ? { assigneeOrganisationId: task.assigneeId } : { assigneeForumId: task.assigneeId };
              await api(`/api/meetings/${id}/tasks`, { method: 'POST', body: JSON.stringify({ title: task.title, dueOn: task.dueOn, ...who, ...(task.reportToForumId ? { reportToForumId: task.reportToForumId } : {}), ...(task.sourceItemId ? { sourceItemId: task.sourceItemId } : {}) }) });
              setTask(emptyTask);
            });
          }}>
            <Field label={t.m.taskTitle} required><Input name="task-title" value={task.title} onChange={(_, d) => setTask({ ...task, title: d.value })} /></Field>
            <Field label={t.m.assigneeKind} required>
              <Select name="task-assignee-kind" value={task.assigneeKind} onChange={(_, d) => setTask({ ...task, assigneeKind: d.value, assigneeId: '' })}>
                {(['person', 'organisation', 'forum'] as const).map((k) => <option key={k} value={k}>{t.m.assigneeKinds[k]}</option>)}
              </Select>
            </Field>
            <Field label={task.assigneeKind === 'person' ? t.m.assigneePerson : task.assigneeKind === 'organisation' ? t.m.assigneeOrganisation : t.m.assigneeForum} required>
              <Select name="task-assignee" value={task.assigneeId} onChange={(_, d) => setTask({ ...task, assigneeId: d.value })}>
                <option value="">–</option>
                {(task.assigneeKind === 'person' ? people : task.assigneeKind === 'organisation' ? organisations : forums).map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
              </Select>
            </Field>
            <Field label={t.m.reportToForum}>
              <Select name="task-report-to" value={task.reportToForumId} onChange={(_, d) => setTask({ ...task, reportToForumId: d.value })}>
                <option value="">–</option>
                {forums.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
              </Select>
            </Field>
            <Field label={t.m.dueOn} required><Input name="task-due" type="date" value={task.dueOn} onChange={(_, d) => setTask({ ...task, dueOn: d.value })} /></Field>
            <Field label={t.m.item}>
              <Select value={task.sourceItemId} onChange={(_, d) => setTask({ ...task, sourceItemId: d.value })}>
                <option value="">–</option>
                {view.items.map((i, n) => <option key={i.id} value={i.id}>{n + 1}. {shownTitle(i, lang)}</option>)}
              </Select>
            </Field>
            <div className={s.wide}><Button type="submit" disabled={busy || !task.title.trim() || !task.assigneeId || !task.dueOn}>{t.m.addTask}</Button></div>
          </form>
        ) : null}
      </Card>

      {p.canEditMinutes ? (
        <div className={s.bar}>
          {/* Before the meeting begins the server refuses to send (409): the button says why instead of inviting the click. */}
          <Button appearance="primary" disabled={busy} disabledFocusable={!view.started} aria-describedby={view.started ? undefined : 'send-minutes-when'} onClick={() => void run(() => api(`/api/meetings/${id}/minutes/send`, { method: 'POST' }), t.m.minutesStatus.sent_for_remarks)}>{t.m.sendMinutes}</Button>
          {view.started ? null : <Text id="send-minutes-when" data-testid="send-minutes-when">{t.m.sendMinutesAfterStart}</Text>}
          {contradictionsIn(error) ? (
            <Button disabled={busy} onClick={() => void run(() => api(`/api/meetings/${id}/minutes/send`, { method: 'POST', body: JSON.stringify({ confirmContradictions: true }) }), t.m.minutesStatus.sent_for_remarks)}>{meetingTexts[lang].confirmAndSend}</Button>
          ) : null}
        </div>
      ) : null}
      {p.canEditMinutes && contradictionsIn(error) ? (
        <ContradictionList lang={lang} items={contradictionsIn(error)!} />
      ) : null}

      <Card className={s.card} aria-labelledby="remarks-title">
        <Subtitle2 as="h3" className={s.h3} id="remarks-title">{t.m.remarks}</Subtitle2>
        {view.remarks.length === 0 ? <Text>{t.m.noRemarks}</Text> : (
          <ul className={s.recs}>{view.remarks.map((r) => <li key={r.id}><Text><strong>{itemTitle(r.itemId)}</strong> ({who(r.personId)}, {formatInstant(r.createdAt, lang)}): {r.text}</Text></li>)}</ul>
        )}
        {showRemarkForm ? (
          <form className={s.form} onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await api(`/api/meetings/${id}/remarks`, { method: 'POST', body: JSON.stringify({ text: remark.text, ...(remark.itemId ? { itemId: remark.itemId } : {}) }) });
              setRemark({ itemId: '', text: '' });
            }, t.m.remarkSent);
          }}>
            <Field label={t.m.remarkOn}>
              <Select name="remark-item" value={remark.itemId} onChange={(_, d) => setRemark({ ...remark, itemId: d.value })}>
                <option value="">{t.m.wholeMinutes}</option>
                {view.items.map((i, n) => <option key={i.id} value={i.id}>{n + 1}. {shownTitle(i, lang)}</option>)}
              </Select>
            </Field>
            <Field label={t.m.remarkText} required className={s.wide}><Textarea name="remark-text" value={remark.text} onChange={(_, d) => setRemark({ ...remark, text: d.value })} /></Field>
            <div className={s.wide}><Button appearance="primary" type="submit" disabled={busy || !remark.text.trim()}>{t.m.sendRemark}</Button></div>
          </form>
        ) : null}
        {p.canManage && mi.status === 'sent_for_remarks' ? (
          <div className={s.bar}>
            <Field label={t.m.reviseReason}><Input value={reason} onChange={(_, d) => setReason(d.value)} /></Field>
            <Button disabled={busy || !reason.trim()} onClick={() => void run(() => api(`/api/meetings/${id}/minutes/revise`, { method: 'POST', body: JSON.stringify({ reason }) }))}>{t.m.revise}</Button>
            <Button disabled={busy} onClick={() => void approve()}>{t.m.approveMinutes}</Button>
          </div>
        ) : null}
        {early ? (
          <MessageBar intent="warning" layout="multiline" data-early-approval>
            <MessageBarBody>
              <MessageBarTitle>{t.m.earlyApprovalTitle}</MessageBarTitle>
              {early.grounds.includes('window_open') && early.windowClosesAt ? <div>{t.m.earlyApprovalWindow(formatInstant(early.windowClosesAt, lang))}</div> : null}
              {early.grounds.includes('open_remarks') ? <div>{t.m.earlyApprovalRemarks(early.openRemarks)}</div> : null}
              <form className={s.form} onSubmit={(e) => { e.preventDefault(); void approve(earlyReason.trim()); }}>
                <Field label={t.m.earlyApprovalReason} required className={s.wide}><Textarea name="early-reason" value={earlyReason} onChange={(_, d) => setEarlyReason(d.value)} /></Field>
                <div className={s.wide}><Button appearance="primary" type="submit" disabled={busy || !earlyReason.trim()}>{t.m.earlyApprovalConfirm}</Button></div>
              </form>
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </Card>

      {p.canCorrect ? (
        <Card className={s.card} aria-labelledby="correct-title">
          <Subtitle2 as="h3" className={s.h3} id="correct-title">{t.m.correctMinutes}</Subtitle2>
          <form className={s.form} onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await api(`/api/meetings/${id}/minutes/correct`, { method: 'POST', body: JSON.stringify({ reason: correctReason.trim() }) });
              setCorrectReason('');
            }, t.m.correctionStarted);
          }}>
            <Field label={t.m.correctReason} required className={s.wide}><Input name="correct-reason" value={correctReason} onChange={(_, d) => setCorrectReason(d.value)} /></Field>
            <div className={s.wide}><Button type="submit" disabled={busy || !correctReason.trim()}>{t.m.correctMinutes}</Button></div>
          </form>
        </Card>
      ) : null}

      {p.canPublish || mi.publishedAt ? (
        <Card className={s.card} aria-labelledby="publish-title">
          <Subtitle2 as="h3" className={s.h3} id="publish-title">{t.m.publish}</Subtitle2>
          {mi.publishedAt ? (
            <Text>{t.m.published(formatInstant(mi.publishedAt, lang))} <Link href={`/offentlig/moeder/${id}`} target="_blank">{t.m.publicPage}</Link></Text>
          ) : null}
          {findings ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t.m.personalData}</MessageBarTitle>
                {t.m.personalDataIntro}
                <ul>{findings.map((f, n) => <li key={n}>{itemTitle(f.itemId)}: «{f.match}» ({t.tb.personalDataKinds[f.kind] ?? f.kind})</li>)}</ul>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {p.canPublish ? (
            <div className={s.bar}>
              {findings ? <Button appearance="primary" disabled={busy} onClick={() => void publish(true)}>{t.m.confirmPublish}</Button>
                : <Button appearance="primary" disabled={busy} onClick={() => void publish(false)}>{t.m.publishMinutes}</Button>}
            </div>
          ) : null}
        </Card>
      ) : null}
    </section>
  );
}
