// Province → city → county picker. Each level is its own labelled, searchable select that
// loads the children of the level above; a division without children ends the path, so
// municipalities (北京市 → 朝阳区) stop at two levels and cities like 东莞市 at two as well.
import { Empty, Form, Select, Skeleton, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useDivision, type DivisionDetail } from '../api/get-division';
import { useDivisions, type Division } from '../api/get-divisions';
import { DivisionSummary } from './division-summary';

const DIVISION_CODE = /^[0-9]{6}$/;

type DivisionPickerProps = {
  /** A division to show as already chosen (for example from the page URL). */
  initialCode?: string | undefined;
  /** Called with the chosen division once it has no children, or `undefined` when unfinished. */
  onChange?: (division: Division | undefined) => void;
  /** Prefix of the level selects' ids, so that two pickers can share a page. */
  idPrefix?: string | undefined;
};

function pathOf(detail: DivisionDetail): Division[] {
  const { ancestors, ...self } = detail;
  return [...ancestors, self];
}

export function DivisionPicker({ initialCode, onChange, idPrefix = 'division-level' }: DivisionPickerProps) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Division[] | null>(null);
  const validInitial = initialCode && DIVISION_CODE.test(initialCode) ? initialCode : undefined;
  const initial = useDivision(picked === null ? validInitial : undefined);

  if (picked === null && validInitial && initial.isPending) {
    return <Skeleton active paragraph={{ rows: 3 }} aria-busy="true" />;
  }
  const path = picked ?? (initial.data ? pathOf(initial.data) : []);

  const choose = (depth: number, division: Division | undefined) => {
    const next = division ? [...path.slice(0, depth), division] : path.slice(0, depth);
    setPicked(next);
    const last = next.at(-1);
    onChange?.(last && !last.has_children ? last : undefined);
  };

  // One select per level: the provinces, then the children of every chosen division that has any.
  const parents: (Division | undefined)[] = [undefined, ...path.filter((d) => d.has_children)];

  return (
    <div className="wq-division-picker">
      {picked === null && initial.isError ? (
        <QueryError title={t('divisions.loadFailed')} error={initial.error} />
      ) : null}
      <Form layout="vertical" component="div">
        {parents.map((parent, depth) => (
          <LevelSelect
            key={parent?.code ?? 'root'}
            depth={depth}
            idPrefix={idPrefix}
            parent={parent}
            value={path[depth]?.code}
            onSelect={(division) => choose(depth, division)}
          />
        ))}
      </Form>
      <DivisionSummary path={path} />
    </div>
  );
}

type LevelSelectProps = {
  depth: number;
  idPrefix: string;
  parent: Division | undefined;
  value: string | undefined;
  onSelect: (division: Division | undefined) => void;
};

function LevelSelect({ depth, idPrefix, parent, value, onSelect }: LevelSelectProps) {
  const { t } = useTranslation();
  const query = useDivisions(parent?.code);
  const items = query.data ?? [];
  const level = items[0]?.level ?? (parent ? undefined : 'province');
  const label = level ? t(`divisions.level.${level}`) : t('divisions.level.next');
  const id = `${idPrefix}-${depth}`;

  if (query.isError) {
    return (
      <Form.Item label={label}>
        <QueryError
          title={t('divisions.loadFailed')}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      </Form.Item>
    );
  }

  const empty = query.isSuccess && items.length === 0;
  return (
    <Form.Item label={label} htmlFor={id} help={empty ? t('divisions.empty') : undefined}>
      <Select
        id={id}
        value={value}
        placeholder={query.isPending ? t('divisions.loading') : t('divisions.placeholder', { level: label })}
        loading={query.isPending}
        disabled={query.isPending || empty}
        showSearch={{ optionFilterProp: 'label' }}
        options={items.map((d) => ({ value: d.code, label: d.name }))}
        notFoundContent={
          query.isPending ? (
            <Spin size="small" />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('divisions.empty')} />
          )
        }
        onChange={(code: string | undefined) => onSelect(items.find((d) => d.code === code))}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}
