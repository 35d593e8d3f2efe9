// The recovery codes, shown once right after enrolment: copy or download them, and say they
// are saved before going on. Each code signs in once when the phone with the app is lost.
import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A recovery code as people read it, `xxxx-xxxx-xx`. The server may send the bare ten
 * characters; it accepts either form (dashes, spaces and case do not matter to it).
 */
export function formatRecoveryCode(code: string): string {
  const bare = code.replace(/[\s-]/g, '');
  return bare.length === 10 ? `${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}` : code;
}

export function recoveryCodesText(codes: readonly string[], heading: string): string {
  return [heading, '', ...codes.map(formatRecoveryCode), ''].join('\n');
}

export function RecoveryCodes({ codes, account, onContinue }: { codes: string[]; account: string; onContinue: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const text = recoveryCodesText(codes, t('recovery.fileHeading', { account }));

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `weiquan-recovery-codes-${account}.txt`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div>
      <Alert type="warning" showIcon title={t('recovery.once')} description={t('recovery.explain')} style={{ marginBottom: 16 }} />
      <ol className="wq-recovery-codes" data-testid="recovery-codes" aria-label={t('recovery.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{formatRecoveryCode(code)}</code>
          </li>
        ))}
      </ol>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Button icon={<CopyOutlined aria-hidden="true" />} onClick={() => void copy()}>
          {t('recovery.copy')}
        </Button>
        <Button icon={<DownloadOutlined aria-hidden="true" />} onClick={download}>
          {t('recovery.download')}
        </Button>
      </Flex>
      <Typography.Paragraph type={copyState === 'failed' ? 'danger' : 'success'} aria-live="polite" style={{ minHeight: 22 }}>
        {copyState === 'copied' ? t('recovery.copied') : copyState === 'failed' ? t('recovery.copyFailed') : ''}
      </Typography.Paragraph>
      <Checkbox checked={saved} onChange={(event) => setSaved(event.target.checked)}>
        {t('recovery.confirmSaved')}
      </Checkbox>
      <Button type="primary" block disabled={!saved} onClick={onContinue} style={{ marginTop: 16 }}>
        {t('recovery.continue')}
      </Button>
    </div>
  );
}
