// Writing a message: the text (1–2,000 characters, counted as typed), files uploaded as they
// are chosen (at most 9, through the app's upload flow), for staff a 内部备注 switch, and
// send with the button or Ctrl/Cmd+Enter. A 429 shows how long to wait (and keeps the text);
// a 422 shows the server's messages under the field; a closed dialogue reloads the panel.
import { DeleteOutlined, PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Input, Progress, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors, problemCode, retryAfterOf } from '@/lib/problem';
import { useCountdown } from '@/lib/use-countdown';
import { usePostMessage } from '../api/messages';
import type { UploadedFile, UploadFile } from '../api/types';
import { formatBytes } from './format';

export const MAX_LENGTH = 2000;
export const MAX_FILES = 9;
const ACCEPT = 'image/*,application/pdf';
const CLOSED = 'dialogue_closed';

type Pending = { uid: string; name: string; percent: number; error?: string; controller: AbortController };

type ComposerProps = {
  orderId: number;
  canPostInternal: boolean;
  upload?: UploadFile;
  /** The dialogue was closed meanwhile (409): the panel reloads it. */
  onClosed: () => void;
};

export function Composer({ orderId, canPostInternal, upload, onClosed }: ComposerProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const post = usePostMessage(orderId);
  const wait = useCountdown();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [pending, setPending] = useState<Pending[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const filesRef = useRef(files);
  filesRef.current = files;
  const pendingRef = useRef(pending);
  pendingRef.current = pending;

  useEffect(
    () => () => {
      for (const p of pendingRef.current) p.controller.abort();
    },
    [],
  );

  const uploading = pending.some((p) => p.error === undefined);
  const text = body.trim();
  const disabled = text.length === 0 || uploading || post.isPending || wait.remaining > 0;
  const bodyErrors = fieldErrors(error, i18n.language, ['body']).flatMap((f) => f.errors);
  const fileErrors = fieldErrors(error, i18n.language, ['attachments']).flatMap((f) => f.errors);
  const code = problemCode(error);

  const send = () => {
    if (disabled) return;
    setError(null);
    setNotice(null);
    post.mutate(
      { body: text, internal: canPostInternal && internal, attachments: files.map((f) => f.id) },
      {
        onSuccess: () => {
          setBody('');
          setFiles([]);
          setInternal(false);
        },
        onError: (failure) => {
          setError(failure);
          const seconds = retryAfterOf(failure);
          if (seconds !== null) wait.start(seconds);
          if (problemCode(failure) === CLOSED) onClosed();
        },
      },
    );
  };

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (filesRef.current.length + pendingRef.current.filter((p) => p.error === undefined).length >= MAX_FILES) {
      setNotice(t('dialogue.tooManyFiles', { count: MAX_FILES }));
      return Upload.LIST_IGNORE;
    }
    setNotice(null);
    return file.size > 0 ? true : Upload.LIST_IGNORE;
  };

  const customRequest: UploadProps['customRequest'] = ({ file }) => {
    if (!upload) return;
    const blob = file as File & { uid: string };
    const item: Pending = { uid: blob.uid, name: blob.name, percent: 0, controller: new AbortController() };
    const patch = (change: Partial<Pending>) =>
      setPending((list) => list.map((p) => (p.uid === item.uid ? { ...p, ...change } : p)));
    setPending((list) => [...list, item]);
    upload(blob, (percent) => patch({ percent }), item.controller.signal)
      .then((uploaded) => {
        setPending((list) => list.filter((p) => p.uid !== item.uid));
        setFiles((list) => [...list, uploaded]);
      })
      .catch((failure: unknown) => {
        if (failure instanceof DOMException && failure.name === 'AbortError') return;
        patch({ error: errorMessage(failure, t, i18n.language) });
      });
  };

  // Field errors appear under their fields; a closed dialogue is said by the panel's banner.
  const general =
    error === null || bodyErrors.length > 0 || fileErrors.length > 0 || code === CLOSED
      ? notice
      : errorMessage(error, t, i18n.language, ['body', 'attachments']);

  return (
    <form
      className="wq-dialogue-composer"
      aria-label={t('dialogue.composerLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      {wait.remaining > 0 ? (
        <Alert type="warning" showIcon role="alert" data-testid="dialogue-rate-limited" title={t('dialogue.rateLimited', { seconds: wait.remaining })} />
      ) : general !== null ? (
        <Alert type="error" showIcon role="alert" data-testid="dialogue-send-error" title={general} />
      ) : null}
      <label htmlFor={`${id}-body`} className="wq-dialogue-label">
        {t('dialogue.bodyLabel')}
      </label>
      <Input.TextArea
        id={`${id}-body`}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            send();
          }
        }}
        maxLength={MAX_LENGTH}
        showCount
        autoSize={{ minRows: 3, maxRows: 8 }}
        placeholder={t('dialogue.placeholder')}
        aria-describedby={`${id}-hint${bodyErrors.length > 0 ? ` ${id}-error` : ''}`}
        aria-invalid={bodyErrors.length > 0 || undefined}
        status={bodyErrors.length > 0 ? 'error' : undefined}
        data-testid="dialogue-body"
      />
      {bodyErrors.length > 0 ? (
        <Typography.Text type="danger" id={`${id}-error`} role="alert">
          {bodyErrors.join(' ')}
        </Typography.Text>
      ) : null}
      <Typography.Text type="secondary" id={`${id}-hint`} className="wq-dialogue-hint">
        {t('dialogue.hint')}
      </Typography.Text>
      {files.length + pending.length > 0 ? (
        <ul className="wq-dialogue-files" aria-label={t('dialogue.attachedLabel')} data-testid="dialogue-attached">
          {files.map((f) => (
            <li key={`done-${f.id}`}>
              <Flex gap={8} align="center" justify="space-between">
                <span className="wq-dialogue-file-name">
                  {f.file_name} <Typography.Text type="secondary">{formatBytes(f.size_bytes, i18n.language)}</Typography.Text>
                </span>
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('dialogue.removeFile', { name: f.file_name })}
                  onClick={() => setFiles((list) => list.filter((x) => x.id !== f.id))}
                />
              </Flex>
            </li>
          ))}
          {pending.map((p) => (
            <li key={p.uid}>
              <Flex gap={8} align="center" justify="space-between">
                <span className="wq-dialogue-file-name">{p.name}</span>
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('dialogue.removeFile', { name: p.name })}
                  onClick={() => {
                    p.controller.abort();
                    setPending((list) => list.filter((x) => x.uid !== p.uid));
                  }}
                />
              </Flex>
              {p.error === undefined ? (
                <Progress percent={p.percent} size="small" aria-label={t('dialogue.uploading', { name: p.name })} />
              ) : (
                <Typography.Text type="danger" role="alert">
                  {p.error}
                </Typography.Text>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {fileErrors.length > 0 ? (
        <Typography.Text type="danger" role="alert">
          {fileErrors.join(' ')}
        </Typography.Text>
      ) : null}
      <Flex gap={8} align="center" justify="space-between" wrap className="wq-dialogue-actions">
        <Flex gap={12} align="center" wrap>
          {upload ? (
            <Upload accept={ACCEPT} multiple showUploadList={false} beforeUpload={beforeUpload} customRequest={customRequest}>
              <Button icon={<PaperClipOutlined aria-hidden="true" />} disabled={files.length >= MAX_FILES}>
                {t('dialogue.attach')}
              </Button>
            </Upload>
          ) : null}
          {canPostInternal ? (
            <Checkbox checked={internal} onChange={(event) => setInternal(event.target.checked)} data-testid="dialogue-internal">
              {t('dialogue.internalToggle')}
            </Checkbox>
          ) : null}
        </Flex>
        <Button type="primary" htmlType="submit" icon={<SendOutlined aria-hidden="true" />} disabled={disabled} loading={post.isPending}>
          {internal && canPostInternal ? t('dialogue.sendInternal') : t('dialogue.send')}
        </Button>
      </Flex>
    </form>
  );
}
