/**
 * The meeting's version history: every sent agenda and every minutes version
 * (sent, approved, published, corrected with a reason) as the backend stored it,
 * immutable, with who and when, and links to each version as HTML and DOCX.
 */
import { Badge, Card, Link, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { formatInstant, type Lang, type Texts } from '../i18n.js';
import type { DocumentVersion, MeetingView } from './meeting.types.js';
import { useMeetingStyles } from './MeetingPage.styles.js';
import { useWorkflowStyles } from './Workflow.styles.js';

export function versionUrl(meetingId: string, v: Pick<DocumentVersion, 'id'>, format: 'html' | 'docx') {
  return `/api/meetings/${encodeURIComponent(meetingId)}/versions/${encodeURIComponent(v.id)}/document.${format}`;
}

export function VersionsPanel({ t, lang, view }: { t: Texts; lang: Lang; view: MeetingView }) {
  const s = useMeetingStyles();
  const w = useWorkflowStyles();
  const wf = t.wf;
  // Newest first: the latest version is what people look for.
  const versions = [...view.versions].reverse();
  return (
    <section className={s.section} aria-labelledby="versions-title">
      <Card className={s.card}>
        <Subtitle2 as="h3" className={s.h3} id="versions-title">{wf.versionsTitle}</Subtitle2>
        <Text className={s.meta}>{wf.versionsIntro}</Text>
        {versions.length === 0 ? <Text>{wf.noVersions}</Text> : (
          <Table aria-labelledby="versions-title" size="small" className={w.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{wf.document}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.version}</TableHeaderCell>
                <TableHeaderCell scope="col">{wf.event}</TableHeaderCell>
                <TableHeaderCell scope="col">{wf.when}</TableHeaderCell>
                <TableHeaderCell scope="col">{wf.who}</TableHeaderCell>
                <TableHeaderCell scope="col">{wf.reason}</TableHeaderCell>
                <TableHeaderCell scope="col">{wf.open}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {versions.map((v) => {
                const what = wf.kinds[v.kind] ?? v.kind;
                const event = wf.events[v.event] ?? v.event;
                return (
                  <TableRow key={v.id} data-version-id={v.id}>
                    <TableCell>{what}</TableCell>
                    <TableCell>{v.version}</TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={v.event === 'correction' ? 'warning' : v.event === 'sent' ? 'brand' : 'success'}>{event}</Badge>
                    </TableCell>
                    <TableCell>{formatInstant(v.createdAt, lang)}</TableCell>
                    <TableCell>{v.createdBy === 'system' ? wf.system : (v.createdByName ?? v.createdBy ?? '–')}</TableCell>
                    <TableCell>{v.reason ?? '–'}</TableCell>
                    <TableCell>
                      <span className={w.links}>
                        <Link href={versionUrl(view.meeting.id, v, 'html')} target="_blank" rel="noopener" aria-label={wf.versionLinkLabel(what, v.version, event, wf.htmlFormat)}>{wf.viewHtml}</Link>
                        <Link href={versionUrl(view.meeting.id, v, 'docx')} aria-label={wf.versionLinkLabel(what, v.version, event, wf.docxFormat)}>{wf.downloadDocx}</Link>
                      </span>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Card>
    </section>
  );
}
