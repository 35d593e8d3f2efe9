// GET /api/v1/categories — the classification taxonomy (public, cacheable): goods and services
// → groups → leaf categories an order may carry, and the problem types.
import { useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type CategoryTree = components['schemas']['CategoryTree'];
export type Category = components['schemas']['CategoryDto'];
export type CategoryRef = components['schemas']['CategoryRef'];

export const categoriesQueryKey = ['categories'] as const;

export function getCategories(): Promise<CategoryTree> {
  return unwrap(api.GET('/api/v1/categories', {}));
}

export function useCategories() {
  return useQuery({ queryKey: categoriesQueryKey, queryFn: getCategories, staleTime: 5 * 60_000 });
}
