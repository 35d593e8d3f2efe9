// The organisation tree from the user's own unit down, loaded one level at a time as nodes
// are expanded (a province has thousands of units below it; nobody loads them all).
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Skeleton, Tree, Typography } from 'antd';
import { useEffect, useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useErrorMessage } from '@/lib/problem';
import { useOrganisation, type Organisation } from '../api/get-organisation';
import { organisationChildrenQueryOptions } from '../api/get-organisation-children';

type OrgNode = { key: string; title: string; isLeaf: boolean; children?: OrgNode[] };

export function toNode(org: Organisation): OrgNode {
  return { key: String(org.id), title: org.name, isLeaf: !org.has_children };
}

/** The tree with `children` put under the node with `key`. */
export function withChildren(nodes: OrgNode[], key: string, children: OrgNode[]): OrgNode[] {
  return nodes.map((node) =>
    node.key === key
      ? { ...node, children }
      : node.children
        ? { ...node, children: withChildren(node.children, key, children) }
        : node,
  );
}

type OrgTreeProps = {
  rootId: number;
  selectedId: number;
  onSelect: (id: number) => void;
  /** A unit just created: its parent's children are reloaded and the parent opened. */
  created?: Organisation | null;
};

export function OrgTree({ rootId, selectedId, onSelect, created }: OrgTreeProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const root = useOrganisation(rootId);
  const [loaded, setLoaded] = useState<OrgNode[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [expanded, setExpanded] = useState<Key[]>([]);

  useEffect(() => {
    const parent = created?.parent_id;
    if (!created || parent === null || parent === undefined) return;
    let stale = false;
    void queryClient
      .fetchQuery({ ...organisationChildrenQueryOptions(parent), staleTime: 0 })
      .then((children) => {
        if (stale) return;
        const key = String(parent);
        setLoaded((current) =>
          withChildren(
            (current ?? (root.data ? [toNode(root.data)] : [])).map((n) => (n.key === key ? { ...n, isLeaf: false } : n)),
            key,
            children.map(toNode),
          ),
        );
        setExpanded((current) => (current.includes(key) ? current : [...current, key]));
      })
      .catch((error: unknown) => setLoadError(error));
    return () => {
      stale = true;
    };
    // Only a newly created unit triggers the reload.
  }, [created]);

  if (root.isPending) return <Skeleton active aria-busy="true" />;
  if (root.isError) {
    return <QueryError title={t('organisations.loadFailed')} error={root.error} onRetry={() => void root.refetch()} />;
  }
  const nodes = loaded ?? [toNode(root.data)];

  const loadChildren = async (node: { key: Key }) => {
    setLoadError(null);
    try {
      const children = await queryClient.fetchQuery(organisationChildrenQueryOptions(Number(node.key)));
      setLoaded((current) => withChildren(current ?? nodes, String(node.key), children.map(toNode)));
    } catch (error) {
      setLoadError(error);
      // Rejecting lets the node be expanded (and loaded) again.
      throw error;
    }
  };

  return (
    <>
      {loadError ? (
        <Alert type="error" showIcon title={t('organisations.childrenFailed')} description={message(loadError)} style={{ marginBottom: 12 }} />
      ) : null}
      <Typography.Text type="secondary" id="org-tree-help" style={{ display: 'block', marginBottom: 8 }}>
        {t('organisations.treeHelp')}
      </Typography.Text>
      <Tree
        aria-label={t('organisations.treeLabel')}
        aria-describedby="org-tree-help"
        showLine
        blockNode
        treeData={nodes}
        loadData={loadChildren}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys)}
        selectedKeys={[String(selectedId)]}
        onSelect={(keys) => {
          const [key] = keys;
          if (key !== undefined) onSelect(Number(key));
        }}
      />
    </>
  );
}
