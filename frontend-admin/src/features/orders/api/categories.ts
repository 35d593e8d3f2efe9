// GET /api/v1/categories: the taxonomy (active codes) for the inbox's category filter and the
// names of an order's codes. Groups and leaves as Cascader options; a code's names by code.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type CategoryTree = components['schemas']['CategoryTree'];

export const categoryTreeQueryOptions = () =>
  queryOptions({
    queryKey: ['categories', 'active'],
    queryFn: () => unwrap(api.GET('/api/v1/categories', {})),
    staleTime: 10 * 60_000,
  });

export function useCategoryTree() {
  return useQuery(categoryTreeQueryOptions());
}

export type CategoryOption = { value: string; label: string; children?: CategoryOption[] };

/** The groups of goods then services, each with its leaves (a group alone matches them all). */
export function categoryOptions(tree: CategoryTree, english: boolean): CategoryOption[] {
  const name = (c: { name_zh: string; name_en: string }) => (english ? c.name_en : c.name_zh);
  return tree.subjects.flatMap((branch) =>
    branch.groups.map((group) => ({
      value: group.code,
      label: `${name(branch)} · ${name(group)}`,
      children: group.children.map((leaf) => ({ value: leaf.code, label: name(leaf) })),
    })),
  );
}

/** The Cascader path of a code: `[group]` or `[group, leaf]`. */
export function categoryPath(code: string): string[] {
  return code.length > 3 ? [code.slice(0, 3), code] : [code];
}

/** A code's name in the tree (group or leaf), or undefined when unknown or retired. */
export function categoryName(tree: CategoryTree | undefined, code: string, english: boolean): string | undefined {
  if (!tree) return undefined;
  for (const branch of tree.subjects) {
    for (const group of branch.groups) {
      if (group.code === code) return english ? group.name_en : group.name_zh;
      const leaf = group.children.find((c) => c.code === code);
      if (leaf) return english ? leaf.name_en : leaf.name_zh;
    }
  }
  const problem = tree.problem_types.find((p) => p.code === code);
  return problem ? (english ? problem.name_en : problem.name_zh) : undefined;
}
