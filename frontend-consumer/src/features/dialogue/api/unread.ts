// GET /api/v1/dialogues/unread — the caller's unread dialogue messages per order, for the
// badges on list rows. Loaded once for the whole list and refreshed every minute.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { unreadQueryKey } from './messages';
import type { DialogueUnread } from './types';

export function useDialogueUnread() {
  return useQuery({
    queryKey: unreadQueryKey,
    queryFn: (): Promise<DialogueUnread> => unwrap(api.GET('/api/v1/dialogues/unread')),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}
