/** Small pieces the tab's screens share: the problem+json message bar and the API shapes they read. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ApiError } from '../api.js';
import { texts, type Lang } from '../i18n.js';
import type { MeetingResponse } from '../../contracts/planning.contract.js';

export type Deadline = { kind?: string; date: string; at: string; nominalDate?: string; projected?: boolean; adjustedBecause?: string };
export type MeetingDeadlines = { itemsCutoff: Deadline; agendaDue: Deadline; minutesDue: Deadline; commentWindowCloses: Deadline; tacitApproval?: boolean };
/** A stored meeting, as the server answers it (src/contracts/planning.contract.ts). */
export type Meeting = MeetingResponse;
export type ForumRef = { id: string; name: string; shortName?: string };

/** The problem's text in the current language: detailDa for Danish, with the field reasons. */
export function problemText(e: unknown, lang: Lang): string {
  const err = e as Partial<ApiError> | undefined;
  if (!err || typeof err !== 'object' || !('status' in err)) return String((e as Error)?.message ?? e);
  const main = lang === 'da' ? (err.detailDa ?? err.detail) : err.detail;
  return main ?? String(err.status);
}

export function ErrorBar({ error, lang, title }: { error: unknown; lang: Lang; title?: string }) {
  if (!error) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {problemText(error, lang)}
      </MessageBarBody>
    </MessageBar>
  );
}

/** An API answer of 401 or 403: a right the person lacks (or a sign-in that ran out), not a failure. */
export function isAccessProblem(e: unknown): boolean {
  const status = (e as Partial<ApiError> | null | undefined)?.status;
  return status === 401 || status === 403;
}

/**
 * What a screen shows when its data could not be read. A missing right (401/403) is no error:
 * a calm, neutral note that says which right is missing (the server's text) and whom to ask,
 * with no retry (trying again changes nothing). A real failure (5xx, network) stays a red
 * error titled "Kunne ikke hente data", with "Prøv igen" when the screen can load again.
 */
export function LoadProblem({ error, lang, onRetry }: { error: unknown; lang: Lang; onRetry?: () => void }) {
  if (!error) return null;
  const t = texts[lang];
  if (isAccessProblem(error)) {
    const signedOut = (error as ApiError).status === 401;
    return (
      <MessageBar intent="info" role="status" layout="multiline" data-no-access>
        <MessageBarBody>
          <MessageBarTitle>{signedOut ? t.tb.signedOutTitle : t.tb.noAccessTitle}</MessageBarTitle>
          {signedOut ? t.tb.signedOutBody : <>{problemText(error, lang).replace(/\.$/, '')}. {t.tb.noAccessAsk}</>}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" role="alert" layout="multiline" data-load-failed>
      <MessageBarBody>
        <MessageBarTitle>{t.loadFailed}</MessageBarTitle>
        {problemText(error, lang)}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{t.retry}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

export function SuccessBar({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <MessageBar intent="success" role="status">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

/** A clock time as written in the language: 13.00 in Danish, 13:00 in English. */
export const hhmm = (s: string, lang: Lang = 'da') => (lang === 'da' ? s.replace(':', '.') : s);
export const minutesBetween = (start: string, end: string) => {
  const [a, b] = start.split(':').map(Number);
  const [c, d] = end.split(':').map(Number);
  return c! * 60 + d! - (a! * 60 + b!);
};
