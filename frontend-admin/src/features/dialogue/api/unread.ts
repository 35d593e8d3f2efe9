// GET /api/v1/dialogues/unread — the caller's unread dialogue messages per order, for the
// badges on list rows. Loaded once for the whole list and refreshed every minute.
import { useQuery } from '@tanstack/react-query';
import { requestJson } from './request';
import { unreadQueryKey } from './messages';
import type { DialogueUnread } from './types';

export function useDialogueUnread() {
  return useQuery({
    queryKey: unreadQueryKey,
    queryFn: () => requestJson<DialogueUnread>('GET', '/api/v1/dialogues/unread'),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}
