/**
 * The attachments (bilag) of one agenda item: the list, numbered as in the
 * documents ("Bilag 3.1"), with download links for every member; and for the
 * secretariat an upload by file picker or by dropping a file on the zone. The
 * server checks the file (type from its content, size, name) and answers a
 * refusal as problem+json, shown in Danish from `detailDa`.
 */
import { useRef, useState, type DragEvent } from 'react';
import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, mergeClasses } from '@fluentui/react-components';
import { api } from '../api.js';
import type { Lang, Texts } from '../i18n.js';
import { SuccessBar, problemText } from './shared.js';
import type { Item } from './meeting.types.js';
import { useWorkflowStyles } from './Workflow.styles.js';

/** What the file picker offers; the server decides from the content. */
const accept = '.pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain';

export function attachmentUrl(meetingId: string, itemId: string, attachmentId: string) {
  return `/api/meetings/${encodeURIComponent(meetingId)}/items/${encodeURIComponent(itemId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

export function ItemAttachments({ t, lang, meetingId, item, number, canUpload, onUploaded }: {
  t: Texts; lang: Lang; meetingId: string; item: Item; number: number; canUpload: boolean; onUploaded: () => Promise<void>;
}) {
  const w = useWorkflowStyles();
  const wf = t.wf;
  const input = useRef<HTMLInputElement | null>(null);
  const [over, setOver] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ name: string; error: unknown } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const headingId = `attachments-${item.id}`;
  const hintId = `attachments-hint-${item.id}`;

  const upload = async (file: File) => {
    setUploading(file.name);
    setFailure(null);
    setDone(null);
    try {
      await api(`/api/meetings/${encodeURIComponent(meetingId)}/items/${encodeURIComponent(item.id)}/attachments?fileName=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'content-type': file.type || 'application/octet-stream' },
        body: file,
      });
      setDone(wf.uploaded(file.name));
      await onUploaded();
    } catch (e) {
      setFailure({ name: file.name, error: e });
    } finally {
      setUploading(null);
      if (input.current) input.current.value = '';
    }
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    // Only file drops: the agenda's own drag and drop of items is left alone.
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void upload(file);
  };
  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };

  if (!canUpload && item.attachments.length === 0) return null;
  return (
    <div className={w.attachments} data-attachments-of={item.id}>
      <Text weight="semibold" id={headingId}>{wf.attachments}</Text>
      {item.attachments.length === 0 ? (canUpload ? null : <Text className={w.hint}>{wf.noAttachments}</Text>) : (
        <ul className={w.attachmentList} aria-labelledby={headingId}>
          {item.attachments.map((a, k) => (
            <li key={a.id}>
              <Text>{wf.attachmentLabel(`${number}.${k + 1}`)}: </Text>
              <Link href={attachmentUrl(meetingId, item.id, a.id)} download={a.fileName} aria-label={wf.download(a.fileName)}>{a.fileName}</Link>
              {typeof a.size === 'number' ? <Text className={w.hint}> ({wf.bytes(a.size)})</Text> : null}
            </li>
          ))}
        </ul>
      )}
      {canUpload ? (
        <>
          <div
            className={mergeClasses(w.dropZone, over && w.dropActive)}
            role="group"
            aria-label={wf.dropZoneLabel(item.title)}
            aria-describedby={hintId}
            onDragOver={onDragOver}
            onDragEnter={onDragOver}
            onDragLeave={() => setOver(false)}
            onDrop={onDrop}
            data-drop-zone={item.id}
          >
            <input
              ref={input}
              type="file"
              accept={accept}
              className={w.fileInput}
              tabIndex={-1}
              aria-hidden="true"
              data-file-input={item.id}
              onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) void upload(f); }}
            />
            <Button size="small" disabled={uploading !== null} onClick={() => input.current?.click()} aria-label={`${wf.chooseFile}: ${item.title}`} aria-describedby={hintId}>
              {wf.chooseFile}
            </Button>
            <Text size={200} className={w.hint} id={hintId}>{wf.dropHint}</Text>
            {uploading ? <Spinner size="tiny" label={wf.uploading(uploading)} /> : null}
          </div>
          {failure ? (
            <MessageBar intent="error" role="alert" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{wf.uploadFailed(failure.name)}</MessageBarTitle>
                {problemText(failure.error, lang)}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <SuccessBar text={done} />
        </>
      ) : null}
    </div>
  );
}
