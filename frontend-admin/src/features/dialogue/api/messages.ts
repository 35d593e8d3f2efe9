// GET /api/v1/orders/{id}/messages (the whole dialogue, page by page), POST .../messages (send)
// and POST .../messages/read (how far the caller has read). The dialogue lives in the query
// cache under ['me', 'dialogue', id]; live messages from the stream are merged into it by id,
// so a message that arrives twice (the answer to a send and the stream) is shown once.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapEmpty } from '@/lib/api-client';
import type { DialogueView, Message, NewMessage, ReadReceipt } from './types';

export const PAGE_SIZE = 200;
/** Enough for any real dialogue (10,000 messages); the server keeps the rest. */
const MAX_PAGES = 50;

export function dialogueQueryKey(orderId: number) {
  return ['me', 'dialogue', orderId] as const;
}
export const unreadQueryKey = ['me', 'dialogues', 'unread'] as const;

function getPage(orderId: number, after?: number): Promise<DialogueView> {
  return unwrap(
    api.GET('/api/v1/orders/{id}/messages', { params: { path: { id: orderId }, query: { after, limit: PAGE_SIZE } } }),
  );
}

/** Messages in id order, each id once (a later copy replaces an earlier one). */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map<number, Message>();
  for (const m of current) byId.set(m.id, m);
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

export async function getDialogue(orderId: number): Promise<DialogueView> {
  let view = await getPage(orderId);
  let items = view.items;
  for (let page = 1; view.items.length >= PAGE_SIZE && page < MAX_PAGES; page += 1) {
    const last = items[items.length - 1]?.id;
    view = await getPage(orderId, last);
    items = mergeMessages(items, view.items);
  }
  return { ...view, items };
}

export function useDialogue(orderId: number) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: dialogueQueryKey(orderId),
    queryFn: async () => {
      const view = await getDialogue(orderId);
      // Keep live messages that arrived while this was loading (messages are never removed).
      const held = queryClient.getQueryData<DialogueView>(dialogueQueryKey(orderId))?.items ?? [];
      return { ...view, items: mergeMessages(held, view.items) };
    },
    staleTime: 0,
  });
}

/** Adds messages (from the stream or a send) to the cached dialogue. */
export function addMessages(queryClient: QueryClient, orderId: number, messages: readonly Message[]): void {
  queryClient.setQueryData<DialogueView>(dialogueQueryKey(orderId), (view) =>
    view ? { ...view, items: mergeMessages(view.items, messages) } : view,
  );
}

/** Records a read receipt (from the stream) in the cached dialogue; it only moves forward. */
export function applyReceipt(queryClient: QueryClient, orderId: number, receipt: ReadReceipt): void {
  queryClient.setQueryData<DialogueView>(dialogueQueryKey(orderId), (view) => {
    if (!view) return view;
    const others = view.read_receipts.filter((r) => r.party !== receipt.party);
    const old = view.read_receipts.find((r) => r.party === receipt.party)?.read_up_to ?? null;
    const up = Math.max(old ?? 0, receipt.read_up_to ?? 0);
    return { ...view, read_receipts: [...others, { party: receipt.party, read_up_to: up > 0 ? up : null }] };
  });
}

/** The newest message id held for this dialogue (to resume the stream after it). */
export function lastMessageId(queryClient: QueryClient, orderId: number): number | undefined {
  const items = queryClient.getQueryData<DialogueView>(dialogueQueryKey(orderId))?.items;
  return items && items.length > 0 ? items[items.length - 1]?.id : undefined;
}

export function usePostMessage(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewMessage) =>
      unwrap(api.POST('/api/v1/orders/{id}/messages', { params: { path: { id: orderId } }, body })),
    onSuccess: (message) => addMessages(queryClient, orderId, [message]),
  });
}

/** Tells the server the caller has read up to `upTo`; the unread counts are loaded again. */
export function useMarkRead(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upTo: number) =>
      unwrapEmpty(api.POST('/api/v1/orders/{id}/messages/read', { params: { path: { id: orderId } }, body: { up_to: upTo } })),
    onMutate: (upTo) => {
      queryClient.setQueryData<DialogueView>(dialogueQueryKey(orderId), (view) =>
        view ? { ...view, my_read_up_to: Math.max(view.my_read_up_to ?? 0, upTo) } : view,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: unreadQueryKey }),
  });
}
