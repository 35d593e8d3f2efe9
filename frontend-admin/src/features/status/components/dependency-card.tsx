import { Badge, Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dependency, DependencyState } from '../api/get-readiness';

const BADGE = { up: 'success', down: 'error', unknown: 'default' } as const;

/** One dependency's state, in words as well as colour. */
export function DependencyCard({ name, dependency }: { name: Dependency; dependency: DependencyState }) {
  const { t } = useTranslation();
  const headingId = `dependency-${name}-title`;
  return (
    <Card
      data-testid={`dependency-${name}`}
      data-state={dependency.state}
      title={
        <h2 id={headingId} style={{ fontSize: 16, fontWeight: 600, margin: 0 }}>
          {t(`status.dependency.${name}`)}
        </h2>
      }
      aria-labelledby={headingId}
      role="region"
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'state',
            label: t('status.state'),
            children: (
              <Badge
                status={BADGE[dependency.state]}
                text={<strong data-testid={`dependency-${name}-state`}>{t(`status.${dependency.state}`)}</strong>}
              />
            ),
          },
          {
            key: 'latency',
            label: t('status.latency'),
            children:
              dependency.latencyMs === null
                ? t('status.noLatency')
                : t('status.latencyValue', { ms: dependency.latencyMs.toFixed(1) }),
          },
        ]}
      />
    </Card>
  );
}
