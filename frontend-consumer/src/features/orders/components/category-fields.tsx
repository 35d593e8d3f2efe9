// The complaint's classification from the taxonomy (GET /api/v1/categories): a Cascader for
// the goods or services category (goods/services → group → leaf; searchable) and a Select
// for the problem type, named in the current language. The form keeps the codes.
import { Alert, Button, Cascader, Form, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/lib/problem';
import { useCategories, type CategoryTree } from '../api/get-categories';
import type { FieldStatus } from './wizard-steps';

type Named = { name_zh: string; name_en: string };

export function localName(item: Named | { name_zh?: string | null; name_en?: string | null }, language: string): string {
  const zh = item.name_zh ?? '';
  const en = item.name_en ?? '';
  return (language.startsWith('zh') ? zh || en : en || zh) || '';
}

type Option = { value: string; label: string; children?: Option[] };

function subjectOptions(tree: CategoryTree, language: string): Option[] {
  return tree.subjects.map((branch) => ({
    value: branch.branch,
    label: localName(branch, language),
    children: branch.groups.map((group) => ({
      value: group.code,
      label: localName(group, language),
      children: group.children.map((leaf) => ({ value: leaf.code, label: localName(leaf, language) })),
    })),
  }));
}

/** The path (branch, group, leaf) to a leaf code, or undefined when the tree has no such leaf. */
export function pathOf(tree: CategoryTree, code: string): string[] | undefined {
  for (const branch of tree.subjects) {
    for (const group of branch.groups) {
      if (group.children.some((leaf) => leaf.code === code)) return [branch.branch, group.code, code];
    }
  }
  return undefined;
}

/** "group / leaf" for a leaf code, in the current language. */
export function subjectName(tree: CategoryTree, code: string, language: string): string | undefined {
  for (const branch of tree.subjects) {
    for (const group of branch.groups) {
      const leaf = group.children.find((l) => l.code === code);
      if (leaf) return `${localName(group, language)} / ${localName(leaf, language)}`;
    }
  }
  return undefined;
}

export function problemName(tree: CategoryTree, code: string, language: string): string | undefined {
  const found = tree.problem_types.find((p) => p.code === code);
  return found ? localName(found, language) : undefined;
}

type SubjectInputProps = { id?: string; value?: string | null; onChange?: (code: string | undefined) => void; tree?: CategoryTree; loading: boolean };

/** A Cascader holding one leaf code. */
function SubjectInput({ id, value, onChange, tree, loading }: SubjectInputProps) {
  const { t, i18n } = useTranslation();
  const options = useMemo(() => (tree ? subjectOptions(tree, i18n.language) : []), [tree, i18n.language]);
  const path = tree && value ? pathOf(tree, value) : undefined;
  return (
    <Cascader
      id={id}
      options={options}
      value={path}
      loading={loading}
      disabled={loading}
      placeholder={t('orders.taxonomy.subjectPlaceholder')}
      showSearch={{ filter: (input, path) => path.some((o) => String(o.label).toLowerCase().includes(input.toLowerCase())) }}
      onChange={(next) => onChange?.(Array.isArray(next) ? (next[next.length - 1] as string | undefined) : undefined)}
      allowClear
      style={{ width: '100%' }}
      data-testid="subject-category"
    />
  );
}

type CategoryFieldsProps = { subjectRequired: boolean; problemRequired: boolean; status: FieldStatus };

export function CategoryFields({ subjectRequired, problemRequired, status }: CategoryFieldsProps) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const categories = useCategories();
  const tree = categories.data;
  if (categories.isError) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        data-testid="categories-error"
        title={t('orders.taxonomy.loadFailed')}
        description={message(categories.error)}
        action={
          <Button size="small" onClick={() => void categories.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return (
    <>
      <Form.Item
        label={t('orders.taxonomy.subject')}
        name="subject_category"
        extra={t('orders.taxonomy.subjectHint')}
        rules={subjectRequired ? [{ required: true, message: t('orders.taxonomy.subjectRequired') }] : []}
        {...status('subject_category')}
      >
        <SubjectInput tree={tree} loading={categories.isPending} />
      </Form.Item>
      <Form.Item
        label={t('orders.taxonomy.problem')}
        name="problem_type"
        rules={problemRequired ? [{ required: true, message: t('orders.taxonomy.problemRequired') }] : []}
        {...status('problem_type')}
      >
        <Select
          loading={categories.isPending}
          disabled={categories.isPending}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('orders.taxonomy.problemPlaceholder')}
          options={(tree?.problem_types ?? []).map((p) => ({ value: p.code, label: localName(p, i18n.language) }))}
          data-testid="problem-type"
        />
      </Form.Item>
    </>
  );
}
