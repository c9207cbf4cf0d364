/**
 * A region's extra closed days for one year, under the årshjul: read-only for
 * anyone signed in, editable by the region's secretariat (the API's `canEdit`).
 * Shows nothing when not signed in (the årshjul itself is public).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { Button, Input, Label, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { api } from '../api.js';
import { formatDate, type Lang } from '../i18n.js';
import { closedDaysTexts } from '../i18n.closed-days.js';
import { ErrorBar, SuccessBar } from './shared.js';
import { useForumYearStyles } from './ForumYear.styles.js';
import type { ClosedDayResponse, RegionClosedDaysResponse } from '../../contracts/planning.contract.js';

type ClosedDay = ClosedDayResponse;
type RegionClosedDays = RegionClosedDaysResponse;

export function RegionClosedDays({ lang, region, year, onChanged }: { lang: Lang; region: string; year: number; onChanged?: () => void }) {
  const s = useForumYearStyles();
  const c = closedDaysTexts[lang];
  const ids = useId();
  const [data, setData] = useState<RegionClosedDays | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [date, setDate] = useState(`${year}-12-28`);
  const [label, setLabel] = useState(c.defaultLabel);
  const path = `/api/regions/${encodeURIComponent(region)}/closed-days`;

  const load = useCallback(
    () => api<RegionClosedDays>(`${path}?year=${year}`).then(setData, (e: { status?: number }) => (e?.status === 401 ? setData(null) : setError(e))),
    [path, year],
  );
  useEffect(() => {
    setData(null);
    setError(null);
    setDone(null);
    setDate(`${year}-12-28`);
    void load();
  }, [load, year]);

  const change = async (method: 'PUT' | 'DELETE', day: string, message: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await api(`${path}/${day}`, method === 'PUT' ? { method, body: JSON.stringify({ label }) } : { method });
      setDone(message);
      await load();
      onChanged?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!data) return error ? <ErrorBar error={error} lang={lang} /> : null;
  return (
    <section className={s.section} aria-labelledby={`${ids}-title`}>
      <Subtitle2 as="h3" id={`${ids}-title`}>{c.title(data.region, year)}</Subtitle2>
      <Text className={s.meta}>{c.intro}</Text>
      <ErrorBar error={error} lang={lang} />
      <SuccessBar text={done} />
      {data.closedDays.length === 0 ? <Text>{c.none}</Text> : (
        <Table aria-labelledby={`${ids}-title`} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{c.date}</TableHeaderCell>
              <TableHeaderCell scope="col">{c.label}</TableHeaderCell>
              {data.canEdit ? <TableHeaderCell scope="col">{c.removeShort}</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.closedDays.map((d) => (
              <TableRow key={d.date}>
                <TableCell>{formatDate(d.date, lang)}</TableCell>
                <TableCell>{d.label}</TableCell>
                {data.canEdit ? (
                  <TableCell>
                    <Button size="small" disabled={busy} aria-label={c.remove(formatDate(d.date, lang))} onClick={() => void change('DELETE', d.date, c.removed(formatDate(d.date, lang)))}>{c.removeShort}</Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {data.canEdit ? (
        <form className={s.bar} aria-label={c.add} onSubmit={(e) => { e.preventDefault(); void change('PUT', date, c.added(formatDate(date, lang))); }}>
          <Text className={s.small}>{c.editHint}</Text>
          <div className={s.field}>
            <Label htmlFor={`${ids}-date`}>{c.date}</Label>
            <Input id={`${ids}-date`} type="date" required value={date} min={`${year}-01-01`} max={`${year}-12-31`} onChange={(_, v) => setDate(v.value)} />
          </div>
          <div className={s.field}>
            <Label htmlFor={`${ids}-label`}>{c.label}</Label>
            <Input id={`${ids}-label`} required maxLength={100} value={label} onChange={(_, v) => setLabel(v.value)} />
          </div>
          <Button type="submit" appearance="primary" disabled={busy || !date || !label.trim()}>{c.add}</Button>
        </form>
      ) : null}
    </section>
  );
}
