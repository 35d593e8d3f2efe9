import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The narrow, centred card the sign-in, registration and reset pages share. */
export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <div className="wq-narrow">
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {title}
        </Typography.Title>
        {intro ? <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph> : null}
        {children}
      </Card>
    </div>
  );
}
