// GET /api/v1/enterprises/odr/{credit_code} — whether the business is an approved ODR
// enterprise (then a complaint may go to it first). Not found, malformed or limited all mean
// "no offer": the wizard simply does not show the choice.
import { useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';

export type OdrEnterprise = components['schemas']['OdrEnterprise'];

export async function getOdrEnterprise(creditCode: string): Promise<OdrEnterprise | null> {
  try {
    return await unwrap(api.GET('/api/v1/enterprises/odr/{credit_code}', { params: { path: { credit_code: creditCode } } }));
  } catch (error) {
    if (error instanceof ApiError && [404, 422].includes(error.status)) return null;
    throw error;
  }
}

/** The approved ODR enterprise with this code, null when there is none; idle without a code. */
export function useOdrEnterprise(creditCode: string | null) {
  return useQuery({
    queryKey: ['enterprises', 'odr', creditCode],
    queryFn: () => getOdrEnterprise(creditCode ?? ''),
    enabled: creditCode !== null,
    staleTime: 10 * 60_000,
    retry: false,
  });
}
