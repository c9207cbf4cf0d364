/**
 * The agenda tab: the numbered items with the builder for the secretariat
 * (add/edit/delete, reorder by drag and drop and by move up/down buttons, total
 * time against the meeting's length, approve and send), proposals (accept /
 * decline with a reason), and a member's form to propose an item.
 */
import { useRef, useState, type Dispatch, type SetStateAction } from 'react';
import {
  Badge, Button, Card, Checkbox, Field, Input, Link, MessageBar, MessageBarBody, Select, Subtitle2, Text, Textarea, mergeClasses,
} from '@fluentui/react-components';
import { api } from '../api.js';
import { formatInstant, type Lang, type Texts } from '../i18n.js';
import { ErrorBar, SuccessBar, minutesBetween } from './shared.js';
import type { Item, MeetingView } from './meeting.types.js';
import { useMeetingStyles } from './MeetingPage.styles.js';
import { ItemAttachments } from './MeetingAttachments.js';
import { itemTitle } from '../../domain/meetings/item-title.js';

type Draft = { title: string; kind: string; presenters: string; minutes: string; background: string; recommendations: string; closed: boolean };
const emptyDraft: Draft = { title: '', kind: 'discussion', presenters: '', minutes: '15', background: '', recommendations: '', closed: false };
const toDraft = (i: Item): Draft => ({ title: i.title, kind: i.kind, presenters: i.presenters.join(', '), minutes: String(i.minutes), background: i.background, recommendations: i.recommendations.join('\n'), closed: Boolean(i.closed) });
const fromDraft = (d: Draft, fixed?: string) => ({
  title: d.title.trim(),
  kind: d.kind,
  presenters: d.presenters.split(',').map((p) => p.trim()).filter(Boolean),
  minutes: Number(d.minutes) || 0,
  background: d.background,
  recommendations: d.recommendations.split('\n').map((r) => r.trim()).filter(Boolean),
  closed: d.closed,
  ...(fixed ? { fixed } : {}),
});

function ItemForm({ t, initial, onSave, onCancel, busy }: { t: Texts; initial: Draft; onSave: (d: Draft) => void; onCancel: () => void; busy: boolean }) {
  const s = useMeetingStyles();
  const [d, setD] = useState(initial);
  const set = (k: keyof Draft) => (_: unknown, data: { value: string }) => setD({ ...d, [k]: data.value });
  return (
    <form className={s.form} onSubmit={(e) => { e.preventDefault(); onSave(d); }}>
      <Field label={t.title} required className={s.wide}><Input value={d.title} onChange={set('title')} name="title" /></Field>
      <Field label={t.m.kind}>
        <Select value={d.kind} onChange={set('kind')} name="kind">
          {(['decision', 'discussion', 'orientation'] as const).map((k) => <option key={k} value={k}>{t.m.kinds[k]}</option>)}
        </Select>
      </Field>
      <Field label={t.m.presenters} hint={t.m.presentersHint}><Input value={d.presenters} onChange={set('presenters')} name="presenters" /></Field>
      <Field label={t.m.minutesAllotted}><Input type="number" min={0} max={600} value={d.minutes} onChange={set('minutes')} name="minutes" /></Field>
      <Field label={t.m.background} className={s.wide}><Textarea value={d.background} onChange={set('background')} name="background" resize="vertical" /></Field>
      <Field label={t.m.recommendations} hint={t.m.recommendationsHint} className={s.wide}><Textarea value={d.recommendations} onChange={set('recommendations')} name="recommendations" resize="vertical" /></Field>
      <Field hint={t.m.closedItemHint} className={s.wide}>
        <Checkbox name="closed" checked={d.closed} onChange={(_, data) => setD({ ...d, closed: data.checked === true })} label={t.m.closedItem} />
      </Field>
      <div className={mergeClasses(s.bar, s.wide)}>
        <Button appearance="primary" type="submit" disabled={busy || !d.title.trim()}>{t.m.saveItem}</Button>
        <Button onClick={onCancel} disabled={busy}>{t.m.cancel}</Button>
      </div>
    </form>
  );
}

export function AgendaPanel({ t, lang, view, setView, reload, isMember }: { t: Texts; lang: Lang; view: MeetingView; setView: Dispatch<SetStateAction<MeetingView | null>>; reload: () => Promise<void>; isMember: boolean; meId?: string }) {
  const s = useMeetingStyles();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [announce, setAnnounce] = useState('');
  const [dragId, setDragId] = useState<string | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLElement | null>());
  const p = view.permissions;
  const id = encodeURIComponent(view.meeting.id);
  const items = view.items;
  const length = minutesBetween(view.meeting.start, view.meeting.end);
  const used = items.reduce((a, i) => a + i.minutes, 0);
  const [decline, setDecline] = useState<Record<string, string>>({});

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

  // Optimistic reorder: the list moves at once; the server's order (fixed items stay put) replaces it.
  const reorder = async (ids: string[], moved?: { itemId: string; focus: 'up' | 'down' }) => {
    const before = view;
    const byId = new Map(items.map((i) => [i.id, i]));
    const next = ids.map((x, n) => ({ ...byId.get(x)!, position: n + 1 }));
    setView({ ...view, items: next });
    if (moved) {
      const pos = ids.indexOf(moved.itemId) + 1;
      setAnnounce(t.m.moved(byId.get(moved.itemId)!.title, pos));
      // Keep the focus on the moved item; when it reached the end its button is disabled, so take the other one.
      requestAnimationFrame(() => {
        const same = buttons.current.get(`${moved.itemId}-${moved.focus}`) as HTMLButtonElement | null | undefined;
        const other = buttons.current.get(`${moved.itemId}-${moved.focus === 'up' ? 'down' : 'up'}`);
        (same && !same.disabled ? same : other)?.focus();
      });
    }
    try {
      const saved = await api<Item[]>(`/api/meetings/${id}/items/reorder`, { method: 'POST', body: JSON.stringify({ itemIds: ids }) });
      setView((v) => (v ? { ...v, items: saved } : v));
    } catch (e) {
      setView(before);
      setError(e);
    }
  };
  const movable = (i: Item) => !i.fixed;
  const move = (index: number, dir: -1 | 1) => {
    const target = index + dir;
    if (target < 0 || target >= items.length || !movable(items[target]!)) return;
    const ids = items.map((i) => i.id);
    [ids[index], ids[target]] = [ids[target]!, ids[index]!];
    void reorder(ids, { itemId: items[index]!.id, focus: dir < 0 ? 'up' : 'down' });
  };
  const drop = (targetId: string) => {
    if (!dragId || dragId === targetId) return;
    const target = items.find((i) => i.id === targetId);
    if (!target || !movable(target)) return;
    const ids = items.map((i) => i.id).filter((x) => x !== dragId);
    ids.splice(items.findIndex((i) => i.id === targetId), 0, dragId);
    void reorder(ids);
  };

  const save = (d: Draft, item?: Item) =>
    run(async () => {
      const body = JSON.stringify(fromDraft(d, item?.fixed));
      if (item) await api(`/api/meetings/${id}/items/${encodeURIComponent(item.id)}`, { method: 'PUT', body });
      else await api(`/api/meetings/${id}/items`, { method: 'POST', body });
      setEditing(null);
    });

  const [proposeError, setProposeError] = useState<unknown>(null);
  const [proposeDone, setProposeDone] = useState<string | null>(null);
  const [proposal, setProposal] = useState({ title: '', kind: 'discussion', background: '', recommendation: '' });
  // Offered only where a proposal can be taken: never on a held or cancelled meeting, nor to a member past the cut-off
  // (they are told the cut-off has passed instead, while the meeting is still to come).
  const showProposeForm = !p.canEditAgenda && p.canPropose;
  const showCutoffPassed = !p.canEditAgenda && !p.canPropose && isMember && view.meeting.status === 'planned' && !view.started;
  const agendaApproved = Boolean(view.minutes.agendaApprovedAt);
  // What the server requires before sending: the chair's approval and one item besides the standard ones.
  const canSend = agendaApproved && view.items.some((i) => !i.fixed);
  const sent = view.meeting.agendaSentAt;

  return (
    <section className={s.section} aria-label={t.m.agenda}>
      <ErrorBar error={error} lang={lang} />
      <SuccessBar text={done} />
      <div aria-live="polite" className={s.visuallyHidden}>{announce}</div>
      <div className={s.bar}>
        <Text weight="semibold" className={used > length ? s.over : undefined} data-testid="total-time">
          {t.m.totalTime(used, length)}{used > length ? ` (${t.m.overTime(used - length)})` : ''}
        </Text>
        {agendaApproved ? <Badge appearance="tint" color="success" className={s.longBadge}>{t.m.agendaApproved}</Badge> : null}
        {sent ? <Badge appearance="tint" color="brand" className={s.longBadge}>{t.m.agendaSent(formatInstant(sent, lang))}</Badge> : null}
        {/* The Word agenda: the secretariat's draft while it prepares it; members once it is sent. */}
        {sent || p.canManage ? <Link href={`/api/meetings/${id}/agenda.docx`}>{t.m.downloadAgenda}</Link> : null}
      </div>
      {p.canEditAgenda && items.length > 1 ? <Text className={s.meta}>{t.m.dragHint}</Text> : null}
      {/* The secretariat is told why the builder is gone: a held (or begun) meeting's agenda is what was dealt with. */}
      {p.canManage && !p.canEditAgenda && (view.started || view.meeting.status === 'held') ? <Text className={s.meta} data-agenda-closed>{t.m.agendaClosed}</Text> : null}
      {items.length === 0 ? <Text>{t.m.noItems} {t.tb.standardItemsNote}</Text> : (
        <ol className={s.items} aria-label={t.m.agenda}>
          {items.map((item, index) => (
            <li
              key={item.id}
              data-item-id={item.id}
              className={mergeClasses(s.item, dragId === item.id && s.dragging, overId === item.id && dragId !== item.id && s.dropTarget)}
              draggable={p.canEditAgenda && movable(item) && editing !== item.id}
              onDragStart={(e) => { setDragId(item.id); e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', item.id); }}
              onDragOver={(e) => { if (dragId && movable(item)) { e.preventDefault(); setOverId(item.id); } }}
              onDragLeave={() => setOverId((o) => (o === item.id ? null : o))}
              onDrop={(e) => { e.preventDefault(); drop(item.id); setDragId(null); setOverId(null); }}
              onDragEnd={() => { setDragId(null); setOverId(null); }}
            >
              <span className={s.number} aria-hidden="true">{index + 1}.</span>
              {editing === item.id ? (
                <div className={s.itemBody}><ItemForm t={t} initial={toDraft(item)} busy={busy} onCancel={() => setEditing(null)} onSave={(d) => void save(d, item)} /></div>
              ) : (
                <div className={s.itemBody}>
                  <Subtitle2 as="h3" className={s.h3}>
                    <span className={s.visuallyHidden}>{t.m.item} {index + 1}: </span>{itemTitle(item, lang)}
                  </Subtitle2>
                  <Text className={s.meta} size={200}>
                    {t.m.kinds[item.kind] ?? item.kind} · {item.minutes} min.{item.presenters.length ? ` · ${t.m.presenters} ${item.presenters.join(', ')}` : ''}
                    {item.fixed ? ` · ${t.m.fixed}` : ''}{item.origin?.kind === 'member' ? ` · ${t.m.fromMember}` : ''}
                  </Text>
                  {item.closed ? <div><Badge color="important" appearance="tint">{t.m.closedItem}</Badge></div> : null}
                  {item.background ? <Text>{item.background}</Text> : null}
                  {item.recommendations.length ? (
                    <>
                      <Text weight="semibold">{t.m.recommendations}:</Text>
                      <ol className={s.recs}>{item.recommendations.map((r, n) => <li key={n}><Text>{r}</Text></li>)}</ol>
                    </>
                  ) : null}
                  <ItemAttachments t={t} lang={lang} meetingId={view.meeting.id} item={item} number={index + 1} canUpload={p.canEditAgenda && !item.fixed} onUploaded={reload} />
                </div>
              )}
              {p.canEditAgenda && editing !== item.id ? (
                <div className={s.itemActions}>
                  <Button size="small" className={s.arrow} ref={(el) => { buttons.current.set(`${item.id}-up`, el); }} aria-label={t.m.moveUp(itemTitle(item, lang))} title={t.m.moveUp(itemTitle(item, lang))}
                    disabled={!movable(item) || index === 0 || !movable(items[index - 1]!)} onClick={() => move(index, -1)}>↑</Button>
                  <Button size="small" className={s.arrow} ref={(el) => { buttons.current.set(`${item.id}-down`, el); }} aria-label={t.m.moveDown(itemTitle(item, lang))} title={t.m.moveDown(itemTitle(item, lang))}
                    disabled={!movable(item) || index === items.length - 1 || !movable(items[index + 1]!)} onClick={() => move(index, 1)}>↓</Button>
                  <Button size="small" onClick={() => setEditing(item.id)} aria-label={`${t.m.editItem}: ${itemTitle(item, lang)}`}>{t.m.editItem}</Button>
                  {!item.fixed ? <Button size="small" aria-label={`${t.m.deleteItem}: ${item.title}`} disabled={busy}
                    onClick={() => void run(() => api(`/api/meetings/${id}/items/${encodeURIComponent(item.id)}`, { method: 'DELETE' }))}>{t.m.deleteItem}</Button> : null}
                </div>
              ) : <span />}
            </li>
          ))}
        </ol>
      )}
      {p.canEditAgenda ? (
        editing === 'new' ? <Card><ItemForm t={t} initial={emptyDraft} busy={busy} onCancel={() => setEditing(null)} onSave={(d) => void save(d)} /></Card>
          : <div className={s.bar}><Button onClick={() => setEditing('new')}>{t.m.addItem}</Button></div>
      ) : null}
      {(p.canApproveAgenda && !agendaApproved) || p.canSendAgenda ? (
        <div className={s.bar}>
          {p.canApproveAgenda && !agendaApproved ? <Button appearance="primary" disabled={busy} onClick={() => void run(() => api(`/api/meetings/${id}/agenda/approve`, { method: 'POST' }), t.m.agendaApproved)}>{t.m.approveAgenda}</Button> : null}
          {p.canSendAgenda ? <Button appearance="primary" disabled={busy || !canSend} aria-describedby={canSend ? undefined : 'send-waits'} onClick={() => void run(() => api(`/api/meetings/${id}/agenda/send`, { method: 'POST' }))}>{t.m.sendAgenda}</Button> : null}
          {p.canSendAgenda && !canSend ? <Text className={s.meta} id="send-waits">{!agendaApproved ? t.tb.sendWaitsForApproval : t.tb.sendWaitsForItems}</Text> : null}
        </div>
      ) : null}

      {view.proposals.length ? (
        <Card className={s.card} aria-labelledby="proposals-title">
          <Subtitle2 as="h3" className={s.h3} id="proposals-title">{t.m.proposals}</Subtitle2>
          <ul className={s.items}>
            {view.proposals.map((pr) => (
              <li key={pr.id} className={s.minuteRow} data-proposal-id={pr.id}>
                <Text weight="semibold">{pr.title} <Badge appearance="tint" color={pr.status === 'accepted' ? 'success' : pr.status === 'declined' ? 'danger' : 'informative'}>{t.m.proposalStatus[pr.status]}</Badge>{pr.late ? <> <Badge appearance="outline">{t.m.late}</Badge></> : null}</Text>
                {pr.background ? <Text>{pr.background}</Text> : null}
                {pr.declineReason ? <Text>{t.m.declineReason}: {pr.declineReason}</Text> : null}
                {p.canEditAgenda && pr.status === 'pending' ? (
                  <div className={s.bar}>
                    <Button size="small" appearance="primary" disabled={busy} onClick={() => void run(() => api(`/api/proposals/${encodeURIComponent(pr.id)}/accept`, { method: 'POST' }))}>{t.m.accept}</Button>
                    <Field label={t.m.declineReason}><Input size="small" value={decline[pr.id] ?? ''} onChange={(_, d) => setDecline({ ...decline, [pr.id]: d.value })} /></Field>
                    <Button size="small" disabled={busy || !(decline[pr.id] ?? '').trim()} onClick={() => void run(() => api(`/api/proposals/${encodeURIComponent(pr.id)}/decline`, { method: 'POST', body: JSON.stringify({ reason: decline[pr.id] }) }))}>{t.m.decline}</Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {showCutoffPassed ? (
        <MessageBar intent="info" data-cutoff-passed><MessageBarBody>{t.m.cutoffPassed(formatInstant(view.deadlines.itemsCutoff.at, lang))}</MessageBarBody></MessageBar>
      ) : null}
      {showProposeForm ? (
        <Card className={s.card} aria-labelledby="propose-title">
          <Subtitle2 as="h3" className={s.h3} id="propose-title">{t.m.propose}</Subtitle2>
          <Text className={s.meta}>{t.m.proposeIntro(formatInstant(view.deadlines.itemsCutoff.at, lang))}</Text>
          <ErrorBar error={proposeError} lang={lang} />
          <SuccessBar text={proposeDone} />
          <form className={s.form} onSubmit={(e) => {
            e.preventDefault();
            setProposeError(null);
            setProposeDone(null);
            void (async () => {
              setBusy(true);
              try {
                await api(`/api/meetings/${id}/proposals`, { method: 'POST', body: JSON.stringify({ title: proposal.title, kind: proposal.kind, background: proposal.background, ...(proposal.recommendation.trim() ? { recommendation: proposal.recommendation } : {}) }) });
                setProposal({ title: '', kind: 'discussion', background: '', recommendation: '' });
                setProposeDone(t.m.proposalSent);
                await reload();
              } catch (err) {
                setProposeError(err);
              } finally {
                setBusy(false);
              }
            })();
          }}>
            <Field label={t.title} required className={s.wide}><Input name="proposal-title" value={proposal.title} onChange={(_, d) => setProposal({ ...proposal, title: d.value })} /></Field>
            <Field label={t.m.kind}>
              <Select value={proposal.kind} onChange={(_, d) => setProposal({ ...proposal, kind: d.value })}>
                {(['decision', 'discussion', 'orientation'] as const).map((k) => <option key={k} value={k}>{t.m.kinds[k]}</option>)}
              </Select>
            </Field>
            <Field label={t.m.background} className={s.wide}><Textarea name="proposal-background" value={proposal.background} onChange={(_, d) => setProposal({ ...proposal, background: d.value })} /></Field>
            <Field label={t.m.recommendations} className={s.wide}><Input name="proposal-recommendation" value={proposal.recommendation} onChange={(_, d) => setProposal({ ...proposal, recommendation: d.value })} /></Field>
            <div className={s.wide}><Button appearance="primary" type="submit" disabled={busy || !proposal.title.trim()}>{t.m.sendProposal}</Button></div>
          </form>
        </Card>
      ) : null}
    </section>
  );
}
