// The dialogue's messages, oldest first: who wrote it (party and name), when, the text, the
// files with download links, internal notes marked as such (staff only ever receive them),
// and on one's own messages whether the other parties have read them.
import { FileImageOutlined, FilePdfOutlined, LockOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { env } from '@/config/env';
import type { Message, Party, ReadReceipt } from '../api/types';
import { formatBytes, formatMessageTime } from './format';

/** antd presets with darker text where the preset's own fails WCAG AA (4.5:1) on its pale background. */
const PARTY_TAGS: Record<Party, { color: string; text?: string }> = {
  consumer: { color: 'blue', text: '#003eb3' },
  business: { color: 'purple', text: '#391085' },
  mediator: { color: 'green', text: '#135200' },
  system: { color: 'default' },
};
export const GOLD_TEXT = '#874d00';

type MessageListProps = {
  orderId: number;
  messages: readonly Message[];
  receipts: readonly ReadReceipt[];
  /** The caller's own side, whose receipts are not "the other party". */
  myParty: Party;
};

function ReadBy({ message, receipts, myParty }: { message: Message; receipts: readonly ReadReceipt[]; myParty: Party }) {
  const { t } = useTranslation();
  if (!message.author.mine || message.internal) return null;
  const readers = receipts.filter((r) => r.party !== myParty && (r.read_up_to ?? 0) >= message.id);
  if (readers.length === 0) return null;
  const parties = readers.map((r) => t(`dialogue.party.${r.party}`)).join(t('dialogue.listSeparator'));
  return (
    <Typography.Text type="secondary" className="wq-dialogue-read" data-testid="message-read">
      {t('dialogue.readBy', { parties })}
    </Typography.Text>
  );
}

export function MessageList({ orderId, messages, receipts, myParty }: MessageListProps) {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const last = messages[messages.length - 1]?.id;

  // Follow new messages to the bottom unless the reader has scrolled up to read older ones.
  const pinned = useRef(true);
  useEffect(() => {
    const element = scroller.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [last]);

  return (
    <div
      ref={scroller}
      className="wq-dialogue-scroller"
      role="log"
      aria-label={t('dialogue.messagesLabel')}
      tabIndex={0}
      onScroll={(event) => {
        const element = event.currentTarget;
        pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
      }}
    >
      <ol className="wq-dialogue-messages" data-testid="dialogue-messages">
        {messages.map((m) => {
          const classes = ['wq-dialogue-message'];
          if (m.author.mine) classes.push('wq-dialogue-mine');
          if (m.internal) classes.push('wq-dialogue-internal');
          if (m.author.party === 'system') classes.push('wq-dialogue-system');
          const who = m.author.mine ? t('dialogue.me') : m.author.name;
          const org = m.author.org_name && m.author.org_name !== m.author.name ? m.author.org_name : null;
          return (
            <li key={m.id} className={classes.join(' ')} data-testid="dialogue-message" data-message-id={m.id} data-internal={m.internal || undefined}>
              <div className="wq-dialogue-meta">
                <Tag color={PARTY_TAGS[m.author.party]?.color ?? 'default'} style={{ color: PARTY_TAGS[m.author.party]?.text }}>
                  {t(`dialogue.party.${m.author.party}`)}
                </Tag>
                <span className="wq-dialogue-author">{who}</span>
                {org ? <Typography.Text type="secondary">{org}</Typography.Text> : null}
                {m.internal ? (
                  <Tag color="gold" icon={<LockOutlined aria-hidden="true" />} style={{ color: GOLD_TEXT }} data-testid="internal-tag">
                    {t('dialogue.internal')}
                  </Tag>
                ) : null}
                <Typography.Text type="secondary" className="wq-dialogue-time">
                  <time dateTime={m.created_at}>{formatMessageTime(m.created_at, i18n.language)}</time>
                </Typography.Text>
              </div>
              <div className="wq-dialogue-body">{m.body}</div>
              {m.attachments.length > 0 ? (
                <ul className="wq-dialogue-files" aria-label={t('dialogue.filesLabel')}>
                  {m.attachments.map((a) => (
                    <li key={a.id}>
                      <a
                        href={`${env.apiBaseUrl}/api/v1/orders/${orderId}/messages/attachments/${a.id}`}
                        download={a.name}
                        aria-label={t('dialogue.download', { name: a.name })}
                      >
                        {a.media_type === 'application/pdf' ? <FilePdfOutlined aria-hidden="true" /> : <FileImageOutlined aria-hidden="true" />}{' '}
                        {a.name}
                      </a>{' '}
                      <Typography.Text type="secondary">{formatBytes(a.size, i18n.language)}</Typography.Text>
                    </li>
                  ))}
                </ul>
              ) : null}
              <ReadBy message={m} receipts={receipts} myParty={myParty} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
