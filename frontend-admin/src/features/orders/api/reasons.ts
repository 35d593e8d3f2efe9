// GET /api/v1/workflow/reasons — the regulation's closed lists (Art. 16 grounds, Art. 23
// termination reasons, case decisions) with their texts, as the domain states them.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type WorkflowReasons = components['schemas']['WorkflowReasons'];
export type Reason = components['schemas']['Reason'];

export const reasonsQueryOptions = queryOptions({
  queryKey: ['me', 'workflow', 'reasons'],
  queryFn: () => unwrap(api.GET('/api/v1/workflow/reasons')),
  // Changed only by a release.
  staleTime: 60 * 60 * 1000,
});

export function useReasons(enabled = true) {
  return useQuery({ ...reasonsQueryOptions, enabled });
}
