import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS = ['submitted', 'approved', 'rejected'] as const;
const KINDS = ['enterprise', 'department', 'international'] as const;
// Solid tags in dark tones: antd's light presets (green, orange) fail WCAG contrast.
const COLOURS: Record<string, string> = { submitted: '#0958d9', approved: '#237804', rejected: '#a8071a' };

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="application-status">
      {isOneOf(STATUS, status) ? t(`applications.statusName.${status}`) : status}
    </Tag>
  );
}

export function KindName({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <>{isOneOf(KINDS, kind) ? t(`applications.kindName.${kind}`) : kind}</>;
}
