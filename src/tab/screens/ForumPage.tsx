import { useEffect, useState } from 'react';
import {
  Badge,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { api, type ApiError } from '../api.js';
import { formatDate, type Lang, type Texts } from '../i18n.js';
import { Button as ImportButton } from '@fluentui/react-components';
import { ForumCompositionTab, ForumMeetingsTab, ForumWheelTab } from './ForumYear.js';
import { ForumAuditTab } from './ForumAudit.js';
import { useForumYearStyles } from './ForumYear.styles.js';
import { ScreenBoundary } from './ScreenBoundary.js';
import { LoadProblem } from './shared.js';
import type { ForumViewResponse, MemberResponse } from '../../contracts/registry.contract.js';
import type { LeadTime } from '../../domain/registry/registry.model.js';

// The responses' types come from the server's response schemas (type-only: no zod in the bundle).
type ForumView = ForumViewResponse;
type Member = MemberResponse;

const useStyles = makeStyles({
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalM },
  section: { marginTop: tokens.spacingVerticalL, maxWidth: '70rem' },
  // Term and value side by side; on a phone (360 px) the value goes under its term instead of past the edge.
  dl: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS, margin: 0, '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalXXS } },
  dt: { fontWeight: tokens.fontWeightSemibold, '@media (max-width: 480px)': { marginTop: tokens.spacingVerticalS } },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  // A Link without href is a button (inline-block): its bullet sat on the last line of a wrapped name, not the first.
  listLink: { verticalAlign: 'top', textAlign: 'start' },
  meta: { color: tokens.colorNeutralForeground2, display: 'block', margin: `0 0 ${tokens.spacingVerticalS}` },
  h3: { display: 'block', marginTop: tokens.spacingVerticalL, marginBottom: tokens.spacingVerticalXS },
  // The tabs wrap onto a second line in a narrow side panel rather than widening the page.
  tabs: { flexWrap: 'wrap' },
});

function lead(t: Texts, l: LeadTime | undefined, fallback: LeadTime) {
  const v = l ?? fallback;
  return `${v.amount} ${(v.amount === 1 ? t.unitsOne[v.unit] : t.units[v.unit]) ?? v.unit}${l ? '' : ` ${t.defaultRule}`}`;
}

type TabName = 'terms' | 'members' | 'meetings' | 'wheel' | 'composition' | 'audit';

export function ForumPage({ t, lang, forumId, signedIn, onNavigate, onOpenMeeting, forumNames }: { t: Texts; lang: Lang; forumId: string; signedIn: boolean; meId?: string; onNavigate: (id: string) => void; onOpenMeeting: (id: string) => void; forumNames?: ReadonlyMap<string, string> }) {
  const styles = useStyles();
  const w = useForumYearStyles();
  const [view, setView] = useState<ForumView | null>(null);
  const [members, setMembers] = useState<Member[] | 'forbidden' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tab, setTab] = useState<TabName>('terms');
  const [attempt, setAttempt] = useState(0);
  // Planning the year and the audit log are for whoever administers the forum: its own secretariat and the
  // secretariat of any forum above it. The server says so in the forum's `rights` (and checks it again on each call).
  // Importing new terms of reference (saved through POST /api/forums/:id/terms) is theirs too.
  const canPlan = Boolean(signedIn && view?.rights?.administer);
  const canAudit = canPlan;
  // A forum's meetings and members are for its members, the secretariat above it and the region's secretariat.
  const canRead = Boolean(signedIn && (view?.rights?.read ?? view?.rights?.member));
  // Opening a meeting is narrower: its members and the secretariat above it (not the region's secretariat).
  const canOpenMeetings = Boolean(signedIn && (view?.rights?.meetings ?? view?.rights?.member));

  useEffect(() => {
    setView(null);
    setError(null);
    setMembers(null);
    api<ForumView>(`/api/forums/${encodeURIComponent(forumId)}`).then(setView, setError);
  }, [forumId, signedIn, attempt]);

  // The members are asked for only when the forum's rights say the caller may read them: a guest or a member
  // of another forum is told so by the tab, without a refused request (and its console error) behind it.
  const loadedFor = view?.forum.id;
  useEffect(() => {
    if (!loadedFor || loadedFor !== forumId) return;
    if (!canRead) {
      setMembers('forbidden');
      return;
    }
    api<Member[]>(`/api/forums/${encodeURIComponent(forumId)}/members`).then(setMembers, (e: ApiError) => setMembers(e.status === 403 ? 'forbidden' : null));
  }, [loadedFor, forumId, canRead]);

  if (error) return <LoadProblem error={error} lang={lang} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!view) return <Spinner label={t.loading} />;
  const { forum, terms, parent, children, kind } = view;

  return (
    <article aria-labelledby="forum-title">
      <div className={styles.head}>
        <Title2 as="h2" id="forum-title">{forum.name}</Title2>
        <Text className={styles.meta}>
          {kind ? <>{lang === 'en' ? kind.nameEn : kind.nameDa} · </> : null}
          {t.levels[forum.level] ?? forum.level}
          {parent ? <> · {t.reportsTo}: <Link onClick={() => onNavigate(parent.id)}>{parent.name}</Link></> : null}
          {forum.mandateEndsOn ? <> · {t.mandateEnds} {formatDate(forum.mandateEndsOn, lang)}</> : null}
        </Text>
        {forum.status === 'ended' ? <Badge color="danger">{t.ended}</Badge> : null}
        {/* A transition ends the forum (applied, before or after its date): when, and where the work goes on. */}
        {forum.endedOn ? (
          <MessageBar intent={forum.status === 'ended' ? 'info' : 'warning'} data-testid="forum-ending">
            <MessageBarBody>
              {forum.status === 'ended' ? t.forumEnded(formatDate(forum.endedOn, lang)) : t.forumEnding(formatDate(forum.endedOn, lang))}
              {forum.successorIds.length ? (
                <>
                  {' '}{t.workGoesOnIn}{' '}
                  {forum.successorIds.map((id, i) => (
                    <span key={id}>{i ? ', ' : ''}<Link href={`#/forums/${encodeURIComponent(id)}`}>{forumNames?.get(id) ?? id}</Link></span>
                  ))}
                  .
                </>
              ) : null}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {canPlan ? <div><ImportButton onClick={() => { window.location.hash = `/forums/${forum.id}/import`; }}>{t.ti.open}</ImportButton></div> : null}
      </div>
      <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabName)}>
        <Tab value="terms">{t.termsOfReference}</Tab>
        <Tab value="members">{t.members}</Tab>
        {canRead ? <Tab value="meetings">{t.m.meetingsTab}</Tab> : null}
        <Tab value="wheel">{t.m.wheelTab}</Tab>
        {canRead ? <Tab value="composition">{t.m.compositionTab}</Tab> : null}
        {canAudit ? <Tab value="audit">{t.wf.auditTab}</Tab> : null}
      </TabList>

      <ScreenBoundary t={t} screen={`forum-${tab}`} key={tab}>
      {tab === 'meetings' ? <ForumMeetingsTab t={t} lang={lang} forumId={forumId} region={forum.region} canPlan={canPlan} canOpenMeetings={canOpenMeetings} onOpenMeeting={onOpenMeeting} forumNames={forumNames} />
      : tab === 'wheel' ? <ForumWheelTab t={t} lang={lang} forumId={forumId} canOpenMeetings={canOpenMeetings} />
      : tab === 'composition' ? <ForumCompositionTab t={t} lang={lang} forumId={forumId} signedIn={signedIn} />
      : tab === 'audit' && canAudit ? <section className={styles.section} aria-label={t.wf.auditTitle}><ForumAuditTab t={t} lang={lang} forumId={forumId} /></section>
      : tab === 'terms' ? (
        <section className={styles.section} aria-label={t.termsOfReference}>
          {!terms ? <div data-testid="no-terms"><Text as="p">{t.noTerms}</Text><Text as="p" className={styles.meta}>{canPlan ? t.noTermsCanImport : t.noTermsAskSecretariat}</Text></div> : (
            <>
              <Text className={styles.meta} as="p">
                {t.version} {terms.version} · {t.validFrom} {formatDate(terms.validFrom, lang)}
                {terms.approvedOn ? ` · ${t.approvedBy} ${formatDate(terms.approvedOn, lang)}` : ''}
              </Text>
              {terms.purpose.length ? <><Subtitle2 as="h3" className={styles.h3}>{t.purpose}</Subtitle2><ul className={styles.list}>{terms.purpose.map((p, i) => <li key={i}><Text>{p}</Text></li>)}</ul></> : null}
              {terms.tasks.length ? <><Subtitle2 as="h3" className={styles.h3}>{t.tasks}</Subtitle2><ul className={styles.list}>{terms.tasks.map((p, i) => <li key={i}><Text>{p}</Text></li>)}</ul></> : null}
              <Subtitle2 as="h3" className={styles.h3}>{t.meetings} · {t.deadlines}</Subtitle2>
              <dl className={styles.dl}>
                <dt className={styles.dt}>{t.meetings}</dt><dd className={styles.dd}>{t.perYear(terms.meetings.perYearMin, terms.meetings.perYearMax, terms.meetings.adHoc)}</dd>
                <dt className={styles.dt}>{t.agendaLead}</dt><dd className={styles.dd}>{lead(t, terms.deadlines.agendaLead, { amount: 14, unit: 'calendar_days' })} {t.before}</dd>
                <dt className={styles.dt}>{t.minutesDue}</dt><dd className={styles.dd}>{lead(t, terms.deadlines.minutesDue, { amount: 7, unit: 'calendar_days' })} {t.after}</dd>
                <dt className={styles.dt}>{t.commentWindow}</dt><dd className={styles.dd}>{t.within} {lead(t, terms.deadlines.commentWindow, { amount: 7, unit: 'calendar_days' })}{terms.deadlines.tacitApproval === true ? `. ${t.tacitApproval}.` : terms.deadlines.tacitApproval === undefined ? `. ${t.tacitApproval} ${t.defaultRule}.` : ''}</dd>
                {terms.chair ? (<>
                  <dt className={styles.dt}>{t.chair}</dt>
                  <dd className={styles.dd}>
                    {terms.chair.shared ? `${t.shared} (${terms.chair.sides.map((s) => t.sides[s] ?? s).join(' / ')})` : t.notShared}
                    {terms.chair.rotatingSide || terms.chair.rotatesAmongAllParties ? `, ${t.rotates}` : ''}
                    {terms.chair.termYears ? `, ${t.termYears(terms.chair.termYears)}` : ''}
                    {terms.chair.offsetMonthsFromParent ? `, ${t.offset(terms.chair.offsetMonthsFromParent)}` : ''}
                  </dd>
                </>) : null}
                {terms.secretariat?.description ? (<><dt className={styles.dt}>{t.secretariat}</dt><dd className={styles.dd}>{terms.secretariat.description}</dd></>) : null}
              </dl>
            </>
          )}
          {children.length ? (
            <>
              <Subtitle2 as="h3" className={styles.h3}>{t.subForums}</Subtitle2>
              <ul className={styles.list}>{children.map((c) => <li key={c.id}><Link className={styles.listLink} onClick={() => onNavigate(c.id)}>{c.name}</Link></li>)}</ul>
            </>
          ) : null}
          {forum.links.length ? (
            <>
              <Subtitle2 as="h3" className={styles.h3}>{t.links}</Subtitle2>
              <ul className={styles.list}>{forum.links.map((l) => <li key={l.url}><Link href={l.url} target="_blank" rel="noreferrer">{l.label}</Link></li>)}</ul>
            </>
          ) : null}
        </section>
      ) : (
        <section className={styles.section} aria-label={t.members}>
          {!signedIn ? <Text>{t.signInToSeeMembers}</Text> : members === 'forbidden' ? <Text>{t.membersOnly}</Text> : !members ? <Spinner label={t.loading} /> : (
            <div className={w.scroller} role="region" aria-label={t.members} tabIndex={0}>
            <Table aria-label={t.members} size="small" className={w.wideTable}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.name}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.title}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.organisation}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.role}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.period}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {members.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell>{m.person?.name}</TableCell>
                    <TableCell>{m.person?.title}</TableCell>
                    <TableCell>{m.organisation?.name}</TableCell>
                    <TableCell>{t.roles[m.role] ?? m.role}{m.side ? ` (${t.sides[m.side] ?? m.side})` : ''}</TableCell>
                    <TableCell>{formatDate(m.from, lang)}{m.to ? ` – ${formatDate(m.to, lang)}` : ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            </div>
          )}
        </section>
      )}
      </ScreenBoundary>
    </article>
  );
}
