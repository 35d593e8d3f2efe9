// 批量分派: the selected orders (ids and the versions the list loaded) to one handler of the
// unit or one of its stations, through POST /orders/bulk-actions. The server takes each order
// as the single action would; the dialog then lists each order's result (done, or why not),
// and the inbox and counts reload.
import { Alert, Button, Flex, Form, Input, List, Modal, Radio, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/lib/auth';
import { problemMessage, useErrorMessage } from '@/lib/problem';
import { type BulkItemResult, useBulkAssign } from '../api/inbox';
import { useChildren, useMembers } from '../api/choices';

export type Selected = { id: number; number: string; version: number };

type Values = { action: 'assign_handler' | 'assign_station'; target?: number; reason?: string };

const MAX = 100;

export function BulkAssign({ orgId, selected, onDone }: { orgId: number; selected: Selected[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const action = Form.useWatch('action', form) ?? 'assign_handler';
  const members = useMembers(open ? orgId : undefined);
  const children = useChildren(open ? orgId : undefined);
  const bulk = useBulkAssign();
  const [results, setResults] = useState<BulkItemResult[] | null>(null);

  const handlers = (members.data ?? [])
    .filter((m) => m.status === 'active' && m.roles.includes('handler'))
    // The caller's own entry says so, as in the single action's picker (a handler takes orders
    // himself; only a reviewer may name someone else, and the server answers per order).
    .map((m) => ({
      value: m.id,
      label: m.id === me?.user_id ? t('orders.form.myself', { name: m.display_name }) : m.display_name,
    }));
  const stations = (children.data ?? [])
    .filter((c) => c.kind === 'station' && c.status === 'active')
    .map((c) => ({ value: c.id, label: c.name }));
  const options = action === 'assign_handler' ? handlers : stations;
  const pending = action === 'assign_handler' ? members.isPending : children.isPending;

  const close = () => {
    setOpen(false);
    if (results) onDone();
    setResults(null);
    bulk.reset();
    form.resetFields();
  };

  const submit = (values: Values) => {
    bulk.mutate(
      {
        action: values.action,
        handler_id: values.action === 'assign_handler' ? values.target : undefined,
        station_id: values.action === 'assign_station' ? values.target : undefined,
        reason: values.reason?.trim() || undefined,
        orders: selected.map(({ id, version }) => ({ id, version })),
      },
      { onSuccess: (answer) => setResults(answer.results) },
    );
  };

  const numberOf = (id: number) => selected.find((s) => s.id === id)?.number ?? `#${id}`;
  const okCount = results?.filter((r) => r.ok).length ?? 0;

  return (
    <>
      <Button type="primary" disabled={selected.length === 0} onClick={() => setOpen(true)}>
        {t('orders.bulk.assign')}
      </Button>
      <Modal
        open={open}
        title={t('orders.bulk.title', { count: selected.length })}
        onCancel={close}
        destroyOnHidden
        footer={
          results ? (
            <Button type="primary" onClick={close}>
              {t('orders.bulk.close')}
            </Button>
          ) : (
            <Flex gap={8} justify="end">
              <Button onClick={close}>{t('orders.bulk.cancel')}</Button>
              <Button
                type="primary"
                loading={bulk.isPending}
                disabled={selected.length > MAX}
                onClick={() => form.submit()}
              >
                {t('orders.bulk.submit')}
              </Button>
            </Flex>
          )
        }
      >
        {results ? (
          <Flex vertical gap={12}>
            <Typography.Text role="status">
              {t('orders.bulk.results', { ok: okCount, failed: results.length - okCount })}
            </Typography.Text>
            <List
              size="small"
              aria-label={t('orders.bulk.title', { count: results.length })}
              dataSource={results}
              renderItem={(r) => (
                <List.Item data-testid="bulk-result">
                  <Flex gap={8} wrap align="baseline">
                    <Typography.Text strong>{numberOf(r.id)}</Typography.Text>
                    {r.ok ? (
                      <Tag color="#237804">{t('orders.bulk.ok')}</Tag>
                    ) : (
                      <Tag color="#a8071a">{t('orders.bulk.failed')}</Tag>
                    )}
                    {!r.ok && r.problem ? (
                      <Typography.Text>{problemMessage(r.problem, t, i18n.language)}</Typography.Text>
                    ) : null}
                  </Flex>
                </List.Item>
              )}
            />
          </Flex>
        ) : (
          <Form<Values> form={form} layout="vertical" name="bulk-assign" initialValues={{ action: 'assign_handler' }} onFinish={submit}>
            {selected.length > MAX ? <Alert type="warning" showIcon title={t('orders.bulk.tooMany')} /> : null}
            <Form.Item name="action" label={t('orders.bulk.action')}>
              <Radio.Group
                onChange={() => form.setFieldValue('target', undefined)}
                options={[
                  { value: 'assign_handler', label: t('orders.bulk.assign_handler') },
                  { value: 'assign_station', label: t('orders.bulk.assign_station') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="target"
              label={action === 'assign_handler' ? t('orders.bulk.handler') : t('orders.bulk.station')}
              htmlFor="bulk-target"
              rules={[{ required: true, message: t('orders.bulk.required') }]}
            >
              {/* Not virtual, so that each choice is an accessible option (see TargetPicker). */}
              <Select
                id="bulk-target"
                virtual={false}
                loading={pending}
                options={options}
                notFoundContent={t('orders.bulk.noChoices')}
              />
            </Form.Item>
            <Form.Item name="reason" label={t('orders.bulk.reason')} htmlFor="bulk-reason">
              <Input.TextArea id="bulk-reason" maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
            {bulk.isError ? <Alert type="error" showIcon role="alert" title={message(bulk.error)} /> : null}
          </Form>
        )}
      </Modal>
    </>
  );
}
