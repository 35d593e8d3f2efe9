// Evidence for the wizard: each file is uploaded as soon as it is chosen (progress, remove),
// at most 9. The form value is the uploaded attachments (id, name, type, size), kept in the
// draft, so a reload does not lose them; the submission names their ids in list order.
// Size and type are checked here only for a quick message: the server decides, and its
// problem text is shown on the file when it refuses one. Server field errors
// `attachments[i]` are given per file by the wizard.
import { DeleteOutlined, FileImageOutlined, FilePdfOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Progress, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/problem';
import { uploadAttachment } from '../api/upload-attachment';
import type { DraftAttachment } from '../utils/wizard-model';

export const MAX_FILES = 9;
export const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'image/heif', 'application/pdf'];
const EXTENSIONS = /\.(jpe?g|png|gif|webp|heic|heif|pdf)$/i;
/** Lets a phone offer its camera as well as files. */
export const ACCEPT = 'image/*,application/pdf';

type Pending = { uid: string; name: string; size: number; percent: number; error?: string; controller: AbortController };

export function formatBytes(bytes: number, language: string): string {
  const format = (n: number, unit: string) =>
    `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  if (bytes < 1024) return format(bytes, 'B');
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'KB');
  return format(bytes / (1024 * 1024), 'MB');
}

export function FileIcon({ mediaType }: { mediaType: string }) {
  return mediaType === 'application/pdf' ? <FilePdfOutlined aria-hidden /> : <FileImageOutlined aria-hidden />;
}

type EvidenceUploadProps = {
  id?: string;
  value?: DraftAttachment[];
  onChange?: (value: DraftAttachment[]) => void;
  /** The server's messages for the i-th attachment of the last submission. */
  fileErrors?: (index: number) => string[] | undefined;
  /** Told whenever uploads start or all have ended (the wizard waits for them). */
  onBusyChange?: (busy: boolean) => void;
};

export function EvidenceUpload({ id, value = [], onChange, fileErrors, onBusyChange }: EvidenceUploadProps) {
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState<Pending[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  // The latest value, also between a completion and the next render (two may end at once).
  const latest = useRef(value);
  latest.current = value;
  // Files accepted but not yet uploaded: they count towards the limit.
  const reserved = useRef(0);
  const pendingRef = useRef<Pending[]>([]);

  const update = (next: Pending[]) => {
    pendingRef.current = next;
    setPending(next);
    onBusyChange?.(next.some((p) => p.error === undefined));
  };

  // Leaving the step abandons uploads still on their way.
  useEffect(
    () => () => {
      for (const p of pendingRef.current) p.controller.abort();
    },
    [],
  );

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const name = file.name;
    let refusal: string | null = null;
    if (latest.current.length + reserved.current >= MAX_FILES) refusal = t('orders.evidence.tooMany', { name });
    else if (file.size > MAX_BYTES) refusal = t('orders.evidence.tooLarge', { name });
    else if (file.size === 0) refusal = t('orders.evidence.empty', { name });
    else if (!TYPES.includes(file.type) && !EXTENSIONS.test(name)) refusal = t('orders.evidence.badType', { name });
    if (refusal) {
      setNotice(refusal);
      return Upload.LIST_IGNORE;
    }
    reserved.current += 1;
    setNotice(null);
    return true;
  };

  const customRequest: UploadProps['customRequest'] = ({ file }) => {
    const blob = file as File & { uid: string };
    const item: Pending = { uid: blob.uid, name: blob.name, size: blob.size, percent: 0, controller: new AbortController() };
    update([...pendingRef.current, item]);
    const patch = (change: Partial<Pending>) =>
      update(pendingRef.current.map((p) => (p.uid === item.uid ? { ...p, ...change } : p)));
    uploadAttachment(blob, (percent) => patch({ percent }), item.controller.signal)
      .then((attachment) => {
        reserved.current -= 1;
        update(pendingRef.current.filter((p) => p.uid !== item.uid));
        const next = [
          ...latest.current,
          { id: attachment.id, file_name: attachment.file_name, media_type: attachment.media_type, size_bytes: attachment.size_bytes },
        ];
        latest.current = next;
        onChange?.(next);
      })
      .catch((error: unknown) => {
        reserved.current -= 1;
        if (error instanceof DOMException && error.name === 'AbortError') return;
        patch({ error: errorMessage(error, t, i18n.language) });
      });
  };

  const removeUploaded = (index: number) => {
    const next = latest.current.filter((_, i) => i !== index);
    latest.current = next;
    onChange?.(next);
  };

  const removePending = (uid: string) => {
    const item = pendingRef.current.find((p) => p.uid === uid);
    item?.controller.abort();
    update(pendingRef.current.filter((p) => p.uid !== uid));
  };

  const full = value.length + pending.filter((p) => p.error === undefined).length >= MAX_FILES;

  return (
    <div className="wq-evidence">
      {notice ? (
        <Alert type="warning" showIcon role="alert" title={notice} closable={{ 'aria-label': t('orders.wizard.close') }} onClose={() => setNotice(null)} style={{ marginBottom: 12 }} data-testid="evidence-notice" />
      ) : null}
      <Upload.Dragger
        id={id}
        accept={ACCEPT}
        multiple
        disabled={full}
        showUploadList={false}
        beforeUpload={beforeUpload}
        customRequest={customRequest}
        data-testid="evidence-picker"
      >
        <p className="ant-upload-drag-icon" aria-hidden="true">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('orders.evidence.pick')}</p>
        <p className="ant-upload-hint">{t('orders.evidence.pickHint')}</p>
      </Upload.Dragger>
      {value.length + pending.length > 0 ? (
        <ul className="wq-evidence-list" aria-label={t('orders.evidence.listLabel')} data-testid="evidence-list">
          {value.map((a, index) => {
            const errors = fileErrors?.(index);
            return (
              <li key={`done-${a.id}`} data-testid="evidence-item">
                <Flex gap={8} align="center" justify="space-between">
                  <span className="wq-evidence-name">
                    <FileIcon mediaType={a.media_type} /> {a.file_name}{' '}
                    <Typography.Text type="secondary">{formatBytes(a.size_bytes, i18n.language)}</Typography.Text>
                  </span>
                  <Button type="text" size="small" icon={<DeleteOutlined />} onClick={() => removeUploaded(index)} aria-label={t('orders.evidence.remove', { name: a.file_name })} />
                </Flex>
                {errors ? (
                  <Typography.Text type="danger" role="alert" data-testid="evidence-error">
                    {errors.join(' ')}
                  </Typography.Text>
                ) : null}
              </li>
            );
          })}
          {pending.map((p) => (
            <li key={p.uid} data-testid="evidence-item">
              <Flex gap={8} align="center" justify="space-between">
                <span className="wq-evidence-name">
                  {p.name} <Typography.Text type="secondary">{formatBytes(p.size, i18n.language)}</Typography.Text>
                </span>
                <Button type="text" size="small" icon={<DeleteOutlined />} onClick={() => removePending(p.uid)} aria-label={t('orders.evidence.remove', { name: p.name })} />
              </Flex>
              {p.error === undefined ? (
                <Progress percent={p.percent} size="small" aria-label={t('orders.evidence.progress', { name: p.name })} />
              ) : (
                <Typography.Text type="danger" role="alert" data-testid="evidence-error">
                  {t('orders.evidence.failed')}: {p.error}
                </Typography.Text>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
