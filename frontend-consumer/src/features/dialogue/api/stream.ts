// GET /api/v1/orders/{id}/messages/stream — new messages and read receipts as server-sent
// events. The browser's EventSource reconnects by itself after a dropped connection and
// sends `Last-Event-ID`; when the server refuses a connection outright (EventSource then
// gives up), we open a new one after a growing pause, resuming after the newest message
// held (`?last_event_id=`). Either way the server first replays what was missed, and
// messages are merged by id, so nothing is shown twice.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { env } from '@/config/env';
import { addMessages, applyReceipt, lastMessageId } from './messages';
import type { Message, ReadReceipt } from './types';

const MAX_PAUSE_MS = 30_000;

function parse<T>(data: unknown): T | null {
  if (typeof data !== 'string') return null;
  try {
    return JSON.parse(data) as T;
  } catch {
    return null;
  }
}

export function streamUrl(orderId: number, lastId: number | undefined): string {
  const base = `${env.apiBaseUrl}/api/v1/orders/${orderId}/messages/stream`;
  return lastId === undefined ? base : `${base}?last_event_id=${lastId}`;
}

/** Keeps the cached dialogue live while `enabled`; true while the stream is connected. */
export function useDialogueStream(orderId: number, enabled: boolean): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return undefined;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;

    const connect = () => {
      const current = new EventSource(streamUrl(orderId, lastMessageId(queryClient, orderId)), { withCredentials: true });
      source = current;
      current.addEventListener('open', () => {
        failures = 0;
        setLive(true);
      });
      current.addEventListener('message', (event: MessageEvent) => {
        const message = parse<Message>(event.data);
        if (message && typeof message.id === 'number' && message.order_id === orderId) {
          addMessages(queryClient, orderId, [message]);
        }
      });
      current.addEventListener('read', (event) => {
        const receipt = parse<ReadReceipt>((event as MessageEvent).data);
        if (receipt && typeof receipt.party === 'string') applyReceipt(queryClient, orderId, receipt);
      });
      current.addEventListener('error', () => {
        setLive(false);
        if (stopped || current.readyState !== EventSource.CLOSED) return;
        current.close();
        const pause = Math.min(MAX_PAUSE_MS, 1000 * 2 ** failures);
        failures += 1;
        retry = setTimeout(connect, pause);
      });
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
      setLive(false);
    };
  }, [orderId, enabled, queryClient]);

  return live;
}
