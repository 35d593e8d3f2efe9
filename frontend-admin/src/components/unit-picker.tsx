// Picks one unit of the user's subtree: a tree select that starts at the user's own unit and
// loads each level when it is expanded (as the organisation tree does). What may be picked is
// what the server lists: `GET /organisations/{id}` and `/children` answer only inside the
// caller's subtree. Shared by the members and audit screens.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

type Organisation = components['schemas']['Organisation'];

// The same cache keys as the organisation tree page, so both share what is loaded.
export const unitQuery = (id: number) => ({
  queryKey: ['me', 'organisations', id],
  queryFn: () => unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } })),
});
const childrenQuery = (id: number) => ({
  queryKey: ['me', 'organisations', id, 'children'],
  queryFn: async () =>
    (await unwrap(api.GET('/api/v1/organisations/{id}/children', { params: { path: { id } } }))).items,
});

type Node = { id: number; pId: number | null; value: number; title: string; isLeaf: boolean };

const toNode = (org: Organisation): Node => ({
  id: org.id,
  pId: org.parent_id ?? null,
  value: org.id,
  title: org.name,
  isLeaf: !org.has_children,
});

type UnitPickerProps = {
  rootId: number;
  value: number;
  onChange: (id: number) => void;
  id?: string;
};

export function UnitPicker({ rootId, value, onChange, id }: UnitPickerProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const root = useQuery(unitQuery(rootId));
  // The chosen unit may come from the address bar before its branch is loaded.
  const selected = useQuery({ ...unitQuery(value), enabled: value !== rootId });
  const [loaded, setLoaded] = useState<Node[]>([]);

  const nodes: Node[] = [];
  const add = (node: Node) => {
    if (!nodes.some((n) => n.id === node.id)) nodes.push(node);
  };
  if (root.data) add({ ...toNode(root.data), pId: null });
  loaded.forEach(add);
  if (selected.data && value !== rootId) add(toNode(selected.data));

  return (
    <TreeSelect<number>
      id={id}
      style={{ minWidth: 280 }}
      value={root.data ? value : undefined}
      loading={root.isPending}
      placeholder={root.isError ? t('unitPicker.loadFailed') : t('common.loading')}
      treeDataSimpleMode={{ id: 'id', pId: 'pId' }}
      treeData={nodes}
      treeDefaultExpandedKeys={[rootId]}
      popupMatchSelectWidth={false}
      onChange={(next) => {
        if (typeof next === 'number') onChange(next);
      }}
      loadData={async (node) => {
        const parent = Number(node.value);
        const children = await queryClient.fetchQuery(childrenQuery(parent));
        setLoaded((current) => [
          ...current,
          ...children.filter((c) => !current.some((n) => n.id === c.id)).map(toNode),
        ]);
      }}
    />
  );
}
