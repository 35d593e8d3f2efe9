import { Button, Card, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { DivisionPicker } from '@/features/divisions/components/division-picker';
import { ServiceCards } from '@/features/services/components/service-cards';

export function HomeRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();

  return (
    <Space orientation="vertical" size={32} style={{ width: '100%' }}>
      <section aria-labelledby="home-title">
        <Typography.Title id="home-title" level={1} style={{ fontSize: 28 }}>
          {t('home.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16, maxWidth: 760 }}>{t('home.intro')}</Typography.Paragraph>
      </section>

      <section aria-labelledby="services-title">
        <Typography.Title id="services-title" level={2} style={{ fontSize: 22 }}>
          {t('home.servicesTitle')}
        </Typography.Title>
        <ServiceCards />
      </section>

      <section aria-labelledby="appeals-title">
        <Card>
          <Typography.Title id="appeals-title" level={2} style={{ fontSize: 22, marginTop: 0 }}>
            {t('orders.homeTitle')}
          </Typography.Title>
          <Typography.Paragraph>{t('orders.homeIntro')}</Typography.Paragraph>
          <Flex gap={12} wrap>
            <Button type="primary" onClick={() => void navigate('/appeals/new')}>
              {t('orders.homeNew')}
            </Button>
            <Button onClick={() => void navigate('/appeals')}>{t('orders.homeMine')}</Button>
          </Flex>
        </Card>
      </section>

      <section aria-labelledby="apply-title">
        <Card>
          <Typography.Title id="apply-title" level={2} style={{ fontSize: 22, marginTop: 0 }}>
            {t('apply.homeTitle')}
          </Typography.Title>
          <Typography.Paragraph>{t('apply.homeIntro')}</Typography.Paragraph>
          <Flex gap={12} wrap>
            <Button type="primary" onClick={() => void navigate('/apply')}>
              {t('apply.link')}
            </Button>
            <Button onClick={() => void navigate('/apply/status')}>{t('apply.statusLink')}</Button>
          </Flex>
        </Card>
      </section>

      <section aria-labelledby="divisions-title">
        <Card>
          <Typography.Title id="divisions-title" level={2} style={{ fontSize: 22, marginTop: 0 }}>
            {t('divisions.title')}
          </Typography.Title>
          <Typography.Paragraph>{t('divisions.intro')}</Typography.Paragraph>
          <div style={{ maxWidth: 480 }}>
            <DivisionPicker
              initialCode={params.get('division') ?? undefined}
              onChange={(division) =>
                setParams(division ? { division: division.code } : {}, { replace: true })
              }
            />
          </div>
        </Card>
      </section>
    </Space>
  );
}
