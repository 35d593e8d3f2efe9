// 三方对话: an order's dialogue among the consumer, the business and the mediator. Loads the
// messages, keeps them live over server-sent events, marks them read while the panel is on
// screen, and offers the composer while the dialogue is open (a closed order's dialogue is
// read-only; it is read again whenever the order's state changes). Renders nothing for a
// caller who has no dialogue on this order (404).
import { Alert, Badge, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { problemCode } from '@/lib/problem';
import { useDialogue, useMarkRead } from '../api/messages';
import { useDialogueStream } from '../api/stream';
import type { DialogueView, Party, UploadFile } from '../api/types';
import { useVisible } from '../hooks/use-visible';
import { Composer } from './composer';
import { MessageList } from './message-list';
import './dialogue.css';

const FINAL_STATES = ['concluded', 'archived'];

type DialoguePanelProps = {
  orderId: number;
  /** The caller's side of the dialogue. */
  myParty: Party;
  /** The order's state, to tell "not open yet" from "closed". */
  orderState?: string;
  /** The app's upload flow; without it no files can be attached. */
  upload?: UploadFile;
};

/** Messages from the others after what the caller has read. */
export function unreadOf(view: DialogueView): number {
  const readUpTo = view.my_read_up_to ?? 0;
  return view.items.filter((m) => !m.author.mine && m.id > readUpTo).length;
}

export function DialoguePanel({ orderId, myParty, orderState, upload }: DialoguePanelProps) {
  const { t } = useTranslation();
  const dialogue = useDialogue(orderId);
  const live = useDialogueStream(orderId, dialogue.isSuccess);
  const markRead = useMarkRead(orderId);
  const anchor = useRef<HTMLDivElement>(null);
  const visible = useVisible(anchor);
  const view = dialogue.data;
  const newest = view?.items.filter((m) => !m.author.mine).at(-1)?.id ?? 0;
  const readUpTo = view?.my_read_up_to ?? 0;
  const sent = useRef(0);
  const { refetch } = dialogue;

  // The order moved on (an action on this page, such as accepting a settlement): whether the
  // dialogue is open moves with it, so read it again rather than keep offering a composer
  // the server now refuses (or hiding one it now accepts).
  const shownState = useRef(orderState);
  useEffect(() => {
    if (shownState.current === orderState) return;
    shownState.current = orderState;
    void refetch();
  }, [orderState, refetch]);

  useEffect(() => {
    if (!visible || newest <= readUpTo || newest <= sent.current) return;
    sent.current = newest;
    markRead.mutate(newest);
  }, [visible, newest, readUpTo, markRead]);

  if (problemCode(dialogue.error) === 'not_found') return null;
  const unread = view ? unreadOf(view) : 0;
  const title = (
    <Flex gap={8} align="center" wrap>
      <h2 className="wq-dialogue-title">{t('dialogue.title')}</h2>
      {unread > 0 ? <Badge count={unread} title={t('dialogue.unread', { count: unread })} data-testid="dialogue-unread" /> : null}
      {live ? (
        <Tag color="green" style={{ color: '#135200' }} data-testid="dialogue-live">
          {t('dialogue.live')}
        </Tag>
      ) : null}
    </Flex>
  );

  return (
    <Card title={title} className="wq-dialogue" data-testid="dialogue-panel" data-live={live || undefined}>
      <div ref={anchor}>
        {dialogue.isPending ? (
          <Skeleton active paragraph={{ rows: 4 }} aria-busy="true" />
        ) : dialogue.isError && !view ? (
          <QueryError title={t('dialogue.loadFailed')} error={dialogue.error} onRetry={() => void dialogue.refetch()} />
        ) : view ? (
          <Flex vertical gap={12}>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t(myParty === 'business' ? 'dialogue.introBusiness' : myParty === 'mediator' ? 'dialogue.introStaff' : 'dialogue.introConsumer')}
            </Typography.Paragraph>
            {view.items.length === 0 ? (
              <Typography.Text type="secondary" data-testid="dialogue-empty">
                {t('dialogue.empty')}
              </Typography.Text>
            ) : (
              <MessageList orderId={orderId} messages={view.items} receipts={view.read_receipts} myParty={myParty} />
            )}
            {!view.open ? (
              <Alert
                type="info"
                showIcon
                data-testid="dialogue-closed"
                title={orderState && !FINAL_STATES.includes(orderState) ? t('dialogue.notOpen') : t('dialogue.closed')}
              />
            ) : view.can_post ? (
              <Composer
                orderId={orderId}
                canPostInternal={view.can_post_internal}
                upload={upload}
                onClosed={() => void dialogue.refetch()}
              />
            ) : (
              <Typography.Text type="secondary" data-testid="dialogue-read-only">
                {t('dialogue.readOnly')}
              </Typography.Text>
            )}
          </Flex>
        ) : null}
      </div>
    </Card>
  );
}
