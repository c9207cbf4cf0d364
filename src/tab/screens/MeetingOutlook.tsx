/**
 * The meeting's Outlook side on the meeting page (issue 16): the Teams join link of an
 * online meeting, and, for a meeting a secretary made in Outlook under the forum's
 * category, the secretariat's confirm or reject. Reads GET /api/meetings/:id/outlook;
 * when Microsoft 365 sync is off (or the call fails) it shows nothing.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { api } from '../api.js';
import type { Lang } from '../i18n.js';
import { ErrorBar } from './shared.js';
import { outlookTexts } from '../i18n.outlook.js';
import type { MeetingOutlookResponse } from '../../contracts/sync.contract.js';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalM },
  bar: { alignSelf: 'stretch' },
});

export function OutlookBar({ lang, meetingId, canDecide, onDecided }: { lang: Lang; meetingId: string; canDecide: boolean; onDecided: () => void }) {
  const t = outlookTexts[lang];
  const s = useStyles();
  const [info, setInfo] = useState<MeetingOutlookResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    try {
      setInfo(await api<MeetingOutlookResponse>(`/api/meetings/${encodeURIComponent(meetingId)}/outlook`));
    } catch {
      setInfo(null); // no Outlook side to show (sync off, or not readable)
    }
  }, [meetingId]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!info || (!info.joinUrl && !info.fromOutlook && !error)) return null;
  const decide = async (decision: 'confirm' | 'reject') => {
    setBusy(true);
    try {
      await api(`/api/meetings/${encodeURIComponent(meetingId)}/outlook/confirmation`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ decision }) });
      setError(null);
      await load();
      onDecided();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const from = info.fromOutlook;
  return (
    <div className={s.box} data-testid="meeting-outlook">
      {info.joinUrl ? (
        <Link href={info.joinUrl} target="_blank" rel="noopener noreferrer" data-testid="join-link">{t.join}</Link>
      ) : null}
      {from?.confirmation === 'pending' ? (
        <MessageBar className={s.bar} intent="warning" data-testid="outlook-pending">
          <MessageBarBody>{t.pending(from.mailbox)}</MessageBarBody>
          {canDecide ? (
            <MessageBarActions>
              <Button appearance="primary" disabled={busy} onClick={() => void decide('confirm')}>{t.confirm}</Button>
              <Button disabled={busy} onClick={() => void decide('reject')}>{t.reject}</Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : from ? (
        <Text size={200} data-testid="outlook-decided">{from.confirmation === 'confirmed' ? t.confirmed : t.rejected}</Text>
      ) : null}
      <ErrorBar error={error} lang={lang} />
    </div>
  );
}
