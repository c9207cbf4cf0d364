/**
 * A region's transitions (issue 15): the region's secretariat prepares one (the
 * forums that end, each one's successor, and per kind of thing carry over or
 * close with a reason), sees every consequence (POST .../transitions/preview),
 * applies it (POST .../transitions) and can undo it until its effective date.
 * A prepared transition (the demo's 2027 reform) is loaded into the form.
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { Button, Checkbox, Input, Label, Link, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3 } from '@fluentui/react-components';
import { api } from '../api.js';
import { formatDate, type Lang, type Texts } from '../i18n.js';
import { ErrorBar, LoadProblem, SuccessBar } from './shared.js';
import { useForumYearStyles } from './ForumYear.styles.js';
import type { StoredTransitionResponse, TransitionPreviewResponse } from '../../contracts/transitions.contract.js';
import type { ForumResponse } from '../../contracts/registry.contract.js';
import type { RegionListResponse } from '../../contracts/regions.contract.js';
import { resolveRegion } from '../regions.js';

type Kind = 'tasks' | 'proposals' | 'items' | 'members';
const kinds: Kind[] = ['tasks', 'proposals', 'items', 'members'];
type Stored = StoredTransitionResponse;
type Preview = TransitionPreviewResponse;
type Plan = Stored['plan'];
type Disposition = Plan['forums'][number]['tasks'];
type Forum = ForumResponse;
type Moved = Pick<Preview['tasks'][number], 'to'>;
type Choice = { successor: string; actions: Record<Kind, { action: 'carry' | 'close'; reason: string }> };

const freshChoice = (): Choice => ({ successor: '', actions: { tasks: { action: 'carry', reason: '' }, proposals: { action: 'carry', reason: '' }, items: { action: 'carry', reason: '' }, members: { action: 'carry', reason: '' } } });

/**
 * The screen for a region named in the address. A hand-typed slug, id or former name is
 * resolved to the region's name (the address is rewritten to it); a name no region has
 * gets a clear message and a way back, never an empty form under that name.
 */
export function Transitions(props: { t: Texts; lang: Lang; region: string; signedIn: boolean; onRegistryChanged?: () => void }) {
  const { t, region, signedIn } = props;
  const [known, setKnown] = useState<'unknown' | 'found' | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!signedIn) return;
    api<RegionListResponse>('/api/regions').then(({ regions }) => {
      const hit = resolveRegion(regions, region);
      if (!hit) return setKnown('unknown');
      // The address is replaced, not pushed: Back leads to where the user came from, not to the slug again.
      if (hit.name !== region) return window.location.replace(`#/regions/${encodeURIComponent(hit.name)}/transitions`);
      setKnown('found');
    }).catch(setError);
  }, [region, signedIn]);
  if (!signedIn) return <Text>{t.tr.mustSignIn}</Text>;
  if (error) return <ErrorBar error={error} lang={props.lang} />;
  if (known === 'unknown') {
    return (
      <section>
        <MessageBar intent="warning"><MessageBarBody>{t.tr.unknownRegion(region)}</MessageBarBody></MessageBar>
        <p><Link href="#/regions">{t.tr.regionsLink}</Link></p>
      </section>
    );
  }
  return known === 'found' ? <TransitionsForm {...props} /> : <Spinner label={t.loading} />;
}

function TransitionsForm({ t, lang, region, signedIn, onRegistryChanged }: { t: Texts; lang: Lang; region: string; signedIn: boolean; onRegistryChanged?: () => void }) {
  const c = t.tr;
  const s = useForumYearStyles();
  const ids = useId();
  const base = `/api/regions/${encodeURIComponent(region)}/transitions`;
  const [forums, setForums] = useState<Forum[] | null>(null);
  const [list, setList] = useState<Stored[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [effectiveOn, setEffectiveOn] = useState('2027-01-01');
  const [title, setTitle] = useState('');
  const [notice, setNotice] = useState(c.defaultNotice);
  const [choices, setChoices] = useState<Map<string, Choice>>(new Map());
  const [preparedId, setPreparedId] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);

  const load = useCallback(async () => {
    const [all, mine] = await Promise.all([api<Forum[]>('/api/forums'), api<Stored[]>(base)]);
    setForums(all.filter((f) => f.region === region));
    setList(mine);
  }, [base, region]);
  useEffect(() => {
    // A load that fails (a right the person lacks: only the region's secretariat) replaces the form: an empty form would say "no transitions".
    if (signedIn) load().catch(setLoadError);
  }, [load, signedIn]);

  const active = useMemo(() => (forums ?? []).filter((f) => f.status === 'active' && !f.endedOn).sort((a, b) => a.name.localeCompare(b.name, 'da')), [forums]);
  const nameOf = (id: string) => forums?.find((f) => f.id === id)?.name ?? id;
  const plan = (): Plan => ({
    effectiveOn,
    forums: [...choices.entries()].map(([forumId, ch]) => {
      const disp = (k: Kind): Disposition => (ch.actions[k].action === 'carry' ? { action: 'carry', toForumId: ch.successor } : { action: 'close', reason: ch.actions[k].reason });
      return { forumId, successorIds: ch.successor ? [ch.successor] : [], tasks: disp('tasks'), proposals: disp('proposals'), items: disp('items'), meetings: { notice }, members: disp('members') };
    }),
  });
  const change = (forumId: string, fn: (ch: Choice) => Choice | undefined) => {
    setPreview(null);
    setChoices((prev) => {
      const next = new Map(prev);
      const r = fn(prev.get(forumId) ?? freshChoice());
      if (r) next.set(forumId, r);
      else next.delete(forumId);
      return next;
    });
  };
  const loadPrepared = (p: Stored) => {
    setPreview(null);
    setDone(null);
    setPreparedId(p.id);
    setTitle(p.title ?? '');
    setEffectiveOn(p.effectiveOn);
    setNotice(p.plan.forums[0]?.meetings.notice ?? c.defaultNotice);
    setChoices(
      new Map(
        p.plan.forums.map((f) => [
          f.forumId,
          {
            successor: f.successorIds[0] ?? '',
            actions: Object.fromEntries(kinds.map((k) => [k, f[k].action === 'carry' ? { action: 'carry', reason: '' } : { action: 'close', reason: f[k].action === 'close' ? (f[k] as { reason: string }).reason : '' }])) as Choice['actions'],
          },
        ]),
      ),
    );
  };
  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await what();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const doPreview = () => run(async () => {
    if (choices.size === 0) throw new Error(c.pickOne);
    setPreview(await api<Preview>(`${base}/preview`, { method: 'POST', body: JSON.stringify(plan()) }));
  });
  const doApply = () => run(async () => {
    const r = await api<Stored>(base, { method: 'POST', body: JSON.stringify({ ...plan(), ...(title.trim() ? { title: title.trim() } : {}), ...(preparedId ? { preparedId } : {}) }) });
    setPreview(null);
    setChoices(new Map());
    setPreparedId(null);
    await load();
    // The forum tree marks the forums that now end.
    onRegistryChanged?.();
    setDone(c.applied(r.title ?? c.untitled));
  });
  const doUndo = (tr: Stored) => run(async () => {
    await api<Stored>(`${base}/${encodeURIComponent(tr.id)}/undo`, { method: 'POST' });
    await load();
    onRegistryChanged?.();
    setDone(c.undone(tr.title ?? c.untitled));
  });

  if (!signedIn) return <Text>{c.mustSignIn}</Text>;
  if (loadError) return <LoadProblem error={loadError} lang={lang} onRetry={() => { setLoadError(null); load().catch(setLoadError); }} />;
  if (!forums) return <Spinner label={t.loading} />;
  const moved = (m: Moved) => (m.to.action === 'carry' ? c.to(m.to.toName) : c.closed(m.to.reason));
  return (
    <section className={s.section} aria-labelledby={`${ids}-title`}>
      <Title3 as="h2" id={`${ids}-title`}>{c.title(region)}</Title3>
      <Text>{c.intro}</Text>
      <ErrorBar error={error} lang={lang} />
      <SuccessBar text={done} />

      <Subtitle2 as="h3">{c.prepared}</Subtitle2>
      {list.length === 0 ? <Text>{c.none}</Text> : (
        <Table size="small" aria-label={c.prepared}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{c.colTitle}</TableHeaderCell>
              <TableHeaderCell scope="col">{c.colDate}</TableHeaderCell>
              <TableHeaderCell scope="col">{c.colStatus}</TableHeaderCell>
              <TableHeaderCell scope="col">{c.colAction}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((tr) => (
              <TableRow key={tr.id} data-transition={tr.id}>
                <TableCell>{tr.title ?? c.untitled}</TableCell>
                <TableCell>{formatDate(tr.effectiveOn, lang)}</TableCell>
                <TableCell>{c.status[tr.status]}</TableCell>
                <TableCell>
                  {tr.status === 'prepared' ? <Button size="small" disabled={busy} onClick={() => loadPrepared(tr)}>{c.load(tr.title ?? c.untitled)}</Button> : null}
                  {tr.status === 'applied' ? <Button size="small" disabled={busy} aria-label={c.undoLabel(tr.title ?? c.untitled)} onClick={() => void doUndo(tr)}>{c.undo}</Button> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <form aria-label={c.endingForums} className={s.section} onSubmit={(e) => { e.preventDefault(); void doPreview(); }}>
        <div className={s.bar}>
          <div className={s.field}>
            <Label htmlFor={`${ids}-date`}>{c.effectiveOn}</Label>
            <Input id={`${ids}-date`} type="date" required value={effectiveOn} onChange={(_, v) => { setPreview(null); setEffectiveOn(v.value); }} />
          </div>
          <div className={s.field}>
            <Label htmlFor={`${ids}-name`}>{c.titleLabel}</Label>
            <Input id={`${ids}-name`} maxLength={200} value={title} onChange={(_, v) => setTitle(v.value)} />
          </div>
          {/* The message to the cancelled meetings' participants is a sentence or two: the field takes the rest of the row. */}
          <div className={s.field} style={{ flex: '1 1 20rem' }}>
            <Label htmlFor={`${ids}-notice`}>{c.notice}</Label>
            <Input id={`${ids}-notice`} required maxLength={500} value={notice} onChange={(_, v) => { setPreview(null); setNotice(v.value); }} />
          </div>
        </div>
        <Subtitle2 as="h3">{c.endingForums}</Subtitle2>
        <div>
        {active.map((f) => {
          const ch = choices.get(f.id);
          return (
            <fieldset key={f.id} data-forum={f.id} style={{ border: 'none', padding: 0, margin: '4px 0' }}>
              <Checkbox label={`${c.ending}: ${f.name}`} checked={Boolean(ch)} onChange={(_, d) => change(f.id, () => (d.checked ? freshChoice() : undefined))} />
              {ch ? (
                <div className={s.bar}>
                  <div className={s.field}>
                    <Label htmlFor={`${ids}-${f.id}-succ`}>{c.successor}</Label>
                    <Select id={`${ids}-${f.id}-succ`} aria-label={`${c.successor}: ${f.name}`} value={ch.successor} onChange={(_, d) => change(f.id, (x) => ({ ...x, successor: d.value }))}>
                      <option value="">{c.chooseSuccessor}</option>
                      {active.filter((o) => !choices.has(o.id)).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                    </Select>
                  </div>
                  {kinds.map((k) => (
                    <div className={s.field} key={k}>
                      <Label htmlFor={`${ids}-${f.id}-${k}`}>{c.kinds[k]}</Label>
                      <Select id={`${ids}-${f.id}-${k}`} aria-label={`${c.kinds[k]}: ${f.name}`} value={ch.actions[k].action} onChange={(_, d) => change(f.id, (x) => ({ ...x, actions: { ...x.actions, [k]: { ...x.actions[k], action: d.value as 'carry' | 'close' } } }))}>
                        <option value="carry">{c.carry}</option>
                        <option value="close">{c.close}</option>
                      </Select>
                      {ch.actions[k].action === 'close' ? (
                        <Input aria-label={`${c.reason}: ${c.kinds[k]}, ${f.name}`} placeholder={c.reason} required maxLength={500} value={ch.actions[k].reason} onChange={(_, v) => change(f.id, (x) => ({ ...x, actions: { ...x.actions, [k]: { action: 'close', reason: v.value } } }))} />
                      ) : null}
                    </div>
                  ))}
                </div>
              ) : null}
            </fieldset>
          );
        })}
        </div>
        <div className={s.bar}>
          <Button type="submit" disabled={busy}>{busy && !preview ? c.previewing : c.preview}</Button>
        </div>
      </form>

      {preview ? (
        <section aria-labelledby={`${ids}-preview`} data-testid="transition-preview">
          <Subtitle2 as="h3" id={`${ids}-preview`}>{c.previewTitle(formatDate(preview.endsOn, lang))}</Subtitle2>
          <ul>
            <li>{c.meetingsCancelled(preview.meetingsCancelled.length)}: {preview.meetingsCancelled.map((m) => `${nameOf(m.forumId)} ${formatDate(m.date, lang)}`).join('; ')}</li>
            <li>{c.remindersStopped(preview.remindersStopped.meetingIds.length, preview.remindersStopped.taskIds.length)}</li>
            <li>{c.channelsArchived(preview.channelsArchived.length)}: {preview.channelsArchived.map((x) => x.name).join('; ')}</li>
            <li>{c.tasksMoved(preview.tasks.length)}{preview.tasks.length ? `: ${preview.tasks.map((x) => `${x.title} (${moved(x)})`).join('; ')}` : ''}</li>
            <li>{c.proposalsMoved(preview.proposals.length)}{preview.proposals.length ? `: ${preview.proposals.map((x) => `${x.title} (${moved(x)})`).join('; ')}` : ''}</li>
            <li>{c.itemsMoved(preview.items.length)}{preview.items.length ? `: ${preview.items.map((x) => `${x.title} (${moved(x)})`).join('; ')}` : ''}</li>
            <li>{c.membersMoved(preview.members.length)}</li>
          </ul>
          <Button appearance="primary" disabled={busy} onClick={() => void doApply()}>{busy ? c.applying : c.apply}</Button>
        </section>
      ) : null}
    </section>
  );
}
