// Parts of the order page beyond the record itself: the evidence files (download links, as
// the server lets this caller see them) and, for staff viewing a complaint, the Art. 17
// signals: facts to weigh, marked plainly as never deciding anything.
import { FileImageOutlined, FilePdfOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isChinese } from '@/lib/i18n';
import type { OrderDto } from '../api/order';

function size(bytes: number, language: string): string {
  const format = (n: number, unit: string) =>
    `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  if (bytes >= 1024 * 1024) return format(bytes / (1024 * 1024), 'MB');
  if (bytes >= 1024) return format(bytes / 1024, 'KB');
  return format(bytes, 'B');
}

export function AttachmentList({ order }: { order: OrderDto }) {
  const { t, i18n } = useTranslation();
  if (order.attachments.length === 0) {
    return <Typography.Text type="secondary">{t('orders.attachments.none')}</Typography.Text>;
  }
  return (
    <List
      size="small"
      bordered
      data-testid="order-attachments"
      dataSource={order.attachments}
      renderItem={(a) => (
        <List.Item>
          <Typography.Link
            href={`/api/v1/orders/${order.id}/attachments/${a.id}`}
            download={a.file_name}
            aria-label={t('orders.attachments.download', { name: a.file_name })}
          >
            {a.media_type === 'application/pdf' ? <FilePdfOutlined aria-hidden /> : <FileImageOutlined aria-hidden />}{' '}
            {a.file_name}
          </Typography.Link>
          <Typography.Text type="secondary">{size(a.size_bytes, i18n.language)}</Typography.Text>
        </List.Item>
      )}
    />
  );
}

/** Only when the server sends signals (staff, complaints); nothing otherwise. */
export function SignalsPanel({ order }: { order: OrderDto }) {
  const { t, i18n } = useTranslation();
  if (order.signals.length === 0) return null;
  const zh = isChinese(i18n.language);
  return (
    <section aria-labelledby="order-signals-title" data-testid="order-signals">
      <Alert
        type="warning"
        showIcon
        icon={<WarningOutlined aria-hidden />}
        title={
          <span id="order-signals-title">
            {t('orders.signals.title')} <Typography.Text strong>{t('orders.signals.notDecisive')}</Typography.Text>
          </span>
        }
        description={
          <div>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{t('orders.signals.help')}</Typography.Paragraph>
            <ul style={{ marginBottom: 0, paddingInlineStart: 20 }}>
              {order.signals.map((s) => (
                <li key={s.kind} data-testid="signal">
                  {zh ? s.text_zh : s.text}
                </li>
              ))}
            </ul>
          </div>
        }
      />
    </section>
  );
}
