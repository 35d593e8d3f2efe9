// POST /api/v1/applications (apply to join) and POST /api/v1/applications/status (follow one
// by its tracking code, sent in the body, never in a URL); the provinces for the competent level.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type ApplicationRequest = components['schemas']['ApplicationRequest'];
export type ApplicationReceipt = components['schemas']['ApplicationReceipt'];
export type ApplicationProgress = components['schemas']['ApplicationProgress'];
export type ApplicantKind = components['schemas']['ApplicantKindDto'];

export function useSubmitApplication() {
  return useMutation({
    mutationFn: (body: ApplicationRequest) => unwrap(api.POST('/api/v1/applications', { body })),
  });
}

export function useTrackApplication() {
  return useMutation({
    mutationFn: (tracking_code: string) =>
      unwrap(api.POST('/api/v1/applications/status', { body: { tracking_code } })),
  });
}

/** The provinces (the same cache entry as the division picker's first level). */
export function useProvinces(enabled: boolean) {
  return useQuery({
    queryKey: ['divisions', 'children', null],
    queryFn: async () => (await unwrap(api.GET('/api/v1/divisions', { params: { query: {} } }))).items,
    staleTime: Infinity,
    enabled,
  });
}

/** GB 32100-2015: 18 characters of 0-9 and the capital letters without I, O, S, V, Z. */
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
