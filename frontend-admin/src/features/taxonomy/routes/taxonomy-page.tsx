// 分类目录: the category taxonomy as a tree (商品 / 服务 → groups → leaf categories, and the
// problem types), retired codes included and marked; add, rename, reorder, retire and
// reactivate. National administrators only (`manage_taxonomy`); codes are never deleted.
import { App, Button, Card, Flex, Space, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useErrorMessage } from '@/lib/problem';
import { useTaxonomy, useUpdateCategory, type Category } from '../api/categories';
import { CategoryModal, type CategoryTarget } from '../components/category-modal';

export function TaxonomyPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const taxonomy = useTaxonomy();
  const update = useUpdateCategory();
  const [target, setTarget] = useState<CategoryTarget | null>(null);
  const chinese = i18n.language.startsWith('zh');
  const name = (c: { name_zh: string; name_en: string }) => (chinese ? c.name_zh : c.name_en);

  const toggle = (category: Category) =>
    update.mutate(
      { code: category.code, change: { active: !category.active } },
      {
        onSuccess: (saved) =>
          void message.success(t(saved.active ? 'taxonomy.reactivated' : 'taxonomy.retired', { code: saved.code })),
        onError: (error) => void message.error(errorMessage(error)),
      },
    );

  const row = (category: Category, extra?: ReactNode): ReactNode => (
    <Space wrap size={[8, 4]} data-testid="category" data-code={category.code}>
      <Typography.Text code>{category.code}</Typography.Text>
      <span>{name(category)}</span>
      <Typography.Text type="secondary">{chinese ? category.name_en : category.name_zh}</Typography.Text>
      {category.active ? null : <Tag color="#595959">{t('taxonomy.retiredTag')}</Tag>}
      <Button size="small" onClick={() => setTarget({ mode: 'edit', category })}>
        {t('taxonomy.edit')}
      </Button>
      <Button size="small" danger={category.active} onClick={() => toggle(category)} loading={update.isPending && update.variables?.code === category.code}>
        {category.active ? t('taxonomy.retire') : t('taxonomy.reactivate')}
      </Button>
      {extra}
    </Space>
  );

  let body: ReactNode;
  if (taxonomy.isError) {
    body = <QueryError title={t('taxonomy.loadFailed')} error={taxonomy.error} onRetry={() => void taxonomy.refetch()} />;
  } else if (taxonomy.isPending) {
    body = <Typography.Text type="secondary">{t('taxonomy.loading')}</Typography.Text>;
  } else {
    const tree = taxonomy.data;
    const subjects: TreeDataNode[] = tree.subjects.map((branch) => ({
      key: branch.branch,
      selectable: false,
      title: (
        <Space wrap>
          <strong>{chinese ? branch.name_zh : branch.name_en}</strong>
          <Button
            size="small"
            type="dashed"
            onClick={() => setTarget({ mode: 'create', kind: 'group', branch: branch.branch === 'services' ? 'services' : 'goods' })}
          >
            {t(`taxonomy.newGroup.${branch.branch === 'services' ? 'services' : 'goods'}`)}
          </Button>
        </Space>
      ),
      children: branch.groups.map((group) => ({
        key: group.code,
        selectable: false,
        title: row(
          group,
          <Button size="small" type="dashed" onClick={() => setTarget({ mode: 'create', kind: 'leaf', parent: group })}>
            {t('taxonomy.newLeaf')}
          </Button>,
        ),
        children: group.children.map((leaf) => ({ key: leaf.code, selectable: false, isLeaf: true, title: row(leaf) })),
      })),
    }));
    const problems: TreeDataNode = {
      key: 'problems',
      selectable: false,
      title: (
        <Space wrap>
          <strong>{t('taxonomy.problemTypes')}</strong>
          <Button size="small" type="dashed" onClick={() => setTarget({ mode: 'create', kind: 'problem' })}>
            {t('taxonomy.newProblem')}
          </Button>
        </Space>
      ),
      children: tree.problem_types.map((p) => ({ key: p.code, selectable: false, isLeaf: true, title: row(p) })),
    };
    const data = [...subjects, problems];
    body =
      tree.subjects.every((b) => b.groups.length === 0) && tree.problem_types.length === 0 ? (
        <span className="wq-empty">{t('taxonomy.empty')}</span>
      ) : (
        <Tree
          aria-label={t('taxonomy.title')}
          blockNode
          showLine
          defaultExpandAll
          treeData={data}
        />
      );
  }

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('taxonomy.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('taxonomy.description')}
        </Typography.Paragraph>
      </div>
      <Card>{body}</Card>
      <CategoryModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={(saved) => {
          setTarget(null);
          void message.success(t('taxonomy.saved', { code: saved.code }));
        }}
      />
    </Flex>
  );
}
