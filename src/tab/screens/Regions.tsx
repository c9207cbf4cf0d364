/**
 * Regions are data (issue 15): every region with its names, public address and
 * status; the region's secretariat (or a tenant administrator) renames it; a
 * tenant administrator creates regions and merges them (Hovedstaden + Sjælland
 * -> Østdanmark). What the caller may do comes from the API (canRename,
 * canCreate, canMerge); the API refuses anyone else anyway.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { Button, Checkbox, Input, Label, Link, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3 } from '@fluentui/react-components';
import { api } from '../api.js';
import type { Lang } from '../i18n.js';
import { regionsTexts } from '../i18n.regions.js';
import { ErrorBar, SuccessBar } from './shared.js';
import { useForumYearStyles } from './ForumYear.styles.js';
import type { RegionListResponse, RegionMergeResponse, RegionResponse } from '../../contracts/regions.contract.js';

const NEW = '__new__';

export function Regions({ lang, signedIn }: { lang: Lang; signedIn: boolean }) {
  const c = regionsTexts[lang];
  const s = useForumYearStyles();
  const ids = useId();
  const [data, setData] = useState<RegionListResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [renaming, setRenaming] = useState<RegionResponse | null>(null);
  const [name, setName] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [created, setCreated] = useState({ name: '', nameEn: '' });
  const [sources, setSources] = useState<string[]>([]);
  const [into, setInto] = useState(NEW);
  const [fresh, setFresh] = useState({ name: '', nameEn: '' });

  const load = useCallback(() => api<RegionListResponse>('/api/regions').then(setData, setError), []);
  useEffect(() => {
    if (signedIn) void load();
  }, [load, signedIn]);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await action());
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!signedIn) return <Text>{c.mustSignIn}</Text>;
  if (!data) return <ErrorBar error={error} lang={lang} />;
  const byId = new Map(data.regions.map((r) => [r.id, r]));
  const standing = data.regions.filter((r) => !r.mergedInto);

  const rename = () =>
    run(async () => {
      const r = await api<RegionResponse>(`/api/regions/${encodeURIComponent(renaming!.id)}`, { method: 'PATCH', body: JSON.stringify({ name: name.trim(), nameEn: nameEn.trim() ? nameEn.trim() : null }) });
      setRenaming(null);
      return c.renamed(r.name);
    });
  const create = () =>
    run(async () => {
      const r = await api<RegionResponse>('/api/regions', { method: 'POST', body: JSON.stringify({ name: created.name.trim(), ...(created.nameEn.trim() ? { nameEn: created.nameEn.trim() } : {}) }) });
      setCreated({ name: '', nameEn: '' });
      return c.created(r.name);
    });
  const merge = () =>
    run(async () => {
      const body = into === NEW ? { regions: sources, newRegion: { name: fresh.name.trim(), ...(fresh.nameEn.trim() ? { nameEn: fresh.nameEn.trim() } : {}) } } : { regions: sources, into };
      const r = await api<RegionMergeResponse>('/api/regions/merge', { method: 'POST', body: JSON.stringify(body) });
      setSources([]);
      setFresh({ name: '', nameEn: '' });
      setInto(NEW);
      return c.merged(r.merged.map((m) => m.name).join(c.and), r.region.name, r.moved.forums.length);
    });

  return (
    <section className={s.section} aria-labelledby={`${ids}-title`}>
      <Title3 as="h2" id={`${ids}-title`}>{c.title}</Title3>
      <Text className={s.meta}>{c.intro}</Text>
      <ErrorBar error={error} lang={lang} />
      <SuccessBar text={done} />
      <div className={s.scroller}>
        <Table aria-labelledby={`${ids}-title`} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{c.colName}</TableHeaderCell>
              <TableHeaderCell scope="col">{c.colNameEn}</TableHeaderCell>
              <TableHeaderCell scope="col">{c.colAddress}</TableHeaderCell>
              <TableHeaderCell scope="col">{c.colForums}</TableHeaderCell>
              <TableHeaderCell scope="col">{c.colStatus}</TableHeaderCell>
              <TableHeaderCell scope="col">{c.colAction}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.regions.map((r) => (
              <TableRow key={r.id}>
                <TableCell>
                  {r.name}
                  {r.formerNames.length ? <Text block className={s.small}>{c.formerly(r.formerNames.map((f) => f.name).join(', '))}</Text> : null}
                </TableCell>
                <TableCell>{r.nameEn ?? c.none}</TableCell>
                <TableCell><Link href={r.publicPath} target="_blank">{r.publicPath}</Link></TableCell>
                <TableCell>{r.forumCount}</TableCell>
                <TableCell>{r.mergedInto ? c.mergedInto(byId.get(r.mergedInto)?.name ?? r.mergedInto) : c.active}</TableCell>
                <TableCell>
                  {r.canRename ? <Button size="small" disabled={busy} aria-label={c.renameRegion(r.name)} onClick={() => { setRenaming(r); setName(r.name); setNameEn(r.nameEn ?? ''); setDone(null); }}>{c.rename}</Button> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      {renaming ? (
        <form className={s.bar} aria-labelledby={`${ids}-rename`} onSubmit={(e) => { e.preventDefault(); void rename(); }}>
          <Subtitle2 as="h3" id={`${ids}-rename`}>{c.renameRegion(renaming.name)}</Subtitle2>
          <div className={s.field}>
            <Label htmlFor={`${ids}-name`} required>{c.name}</Label>
            <Input id={`${ids}-name`} required maxLength={100} value={name} onChange={(_, v) => setName(v.value)} />
          </div>
          <div className={s.field}>
            <Label htmlFor={`${ids}-name-en`}>{c.nameEn}</Label>
            <Input id={`${ids}-name-en`} maxLength={100} value={nameEn} onChange={(_, v) => setNameEn(v.value)} />
          </div>
          <Button type="submit" appearance="primary" disabled={busy || !name.trim()}>{c.save}</Button>
          <Button onClick={() => setRenaming(null)}>{c.cancel}</Button>
        </form>
      ) : null}

      {data.canCreate ? (
        <form className={s.bar} aria-labelledby={`${ids}-create`} onSubmit={(e) => { e.preventDefault(); void create(); }}>
          <Subtitle2 as="h3" id={`${ids}-create`}>{c.create}</Subtitle2>
          <div className={s.field}>
            <Label htmlFor={`${ids}-new-name`} required>{c.name}</Label>
            <Input id={`${ids}-new-name`} required maxLength={100} value={created.name} onChange={(_, v) => setCreated({ ...created, name: v.value })} />
          </div>
          <div className={s.field}>
            <Label htmlFor={`${ids}-new-name-en`}>{c.nameEn}</Label>
            <Input id={`${ids}-new-name-en`} maxLength={100} value={created.nameEn} onChange={(_, v) => setCreated({ ...created, nameEn: v.value })} />
          </div>
          <Button type="submit" appearance="primary" disabled={busy || !created.name.trim()}>{c.create}</Button>
        </form>
      ) : null}

      {data.canMerge && standing.length >= 2 ? (
        <form className={s.section} aria-labelledby={`${ids}-merge`} onSubmit={(e) => { e.preventDefault(); void merge(); }}>
          <Subtitle2 as="h3" id={`${ids}-merge`}>{c.merge}</Subtitle2>
          <Text className={s.meta}>{c.mergeIntro}</Text>
          <fieldset>
            <legend>{c.mergeWhich}</legend>
            {standing.map((r) => (
              <Checkbox key={r.id} label={r.name} checked={sources.includes(r.id)} disabled={into === r.id}
                onChange={(_, d) => setSources(d.checked ? [...sources, r.id] : sources.filter((x) => x !== r.id))} />
            ))}
          </fieldset>
          <div className={s.bar}>
            <div className={s.field}>
              <Label htmlFor={`${ids}-into`}>{c.mergeInto}</Label>
              <Select id={`${ids}-into`} value={into} onChange={(_, d) => { setInto(d.value); setSources(sources.filter((x) => x !== d.value)); }}>
                <option value={NEW}>{c.newRegion}</option>
                {standing.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
              </Select>
            </div>
            {into === NEW ? (
              <>
                <div className={s.field}>
                  <Label htmlFor={`${ids}-fresh-name`} required>{c.newName}</Label>
                  <Input id={`${ids}-fresh-name`} required maxLength={100} value={fresh.name} onChange={(_, v) => setFresh({ ...fresh, name: v.value })} />
                </div>
                <div className={s.field}>
                  <Label htmlFor={`${ids}-fresh-name-en`}>{c.newNameEn}</Label>
                  <Input id={`${ids}-fresh-name-en`} maxLength={100} value={fresh.nameEn} onChange={(_, v) => setFresh({ ...fresh, nameEn: v.value })} />
                </div>
              </>
            ) : null}
            <Button type="submit" appearance="primary" disabled={busy || sources.length < (into === NEW ? 2 : 1) || (into === NEW && !fresh.name.trim())}>{c.doMerge}</Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
