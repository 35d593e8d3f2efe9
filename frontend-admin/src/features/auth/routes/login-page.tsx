// Staff sign-in as a small state machine: credentials → (a code | enrolment → recovery codes)
// → the page the person was going to. `me` decides only where a freshly opened page starts:
// fully signed in goes straight on, a session still owing its second factor resumes there.
import { Alert, Card, Layout, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { Brand } from '@/components/layouts/brand';
import { PageSpinner } from '@/components/page-spinner';
import '@/components/layouts/admin-layout.css';
import { isAwaitingSecondFactor, isStaffSignedIn } from '@/lib/access';
import { pendingSecondFactor, safeNext, useMe, useSignOut, type Me } from '@/lib/auth';
import type { SignInResult } from '../api/sign-in';
import { CredentialsForm } from '../components/credentials-form';
import { RecoveryCodes } from '../components/recovery-codes';
import { SecondFactorForm } from '../components/second-factor-form';
import { TotpEnrolment } from '../components/totp-enrolment';

export type LoginStep =
  | { kind: 'credentials' }
  | { kind: 'code' }
  | { kind: 'enrol' }
  | { kind: 'recovery'; codes: string[]; account: string };

/** Where a freshly opened sign-in page starts, given who the server says is signed in. */
export function initialStep(me: Me | null | undefined): LoginStep {
  if (isAwaitingSecondFactor(me)) {
    return { kind: pendingSecondFactor() === 'enrolment_required' ? 'enrol' : 'code' };
  }
  return { kind: 'credentials' };
}

export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut('/login');
  const [params] = useSearchParams();
  const location = useLocation();
  const signedOutEverywhere = (location.state as { notice?: unknown } | null)?.notice === 'signedOutEverywhere';
  const next = safeNext(params.get('next'));
  const [step, setStep] = useState<LoginStep | null>(null);

  if (me.isPending) return <PageSpinner />;
  if (step === null) {
    // Decided once, when the page opens; from then on only the steps move it along (the
    // enrolment step completes the sign-in before the recovery codes have been shown).
    if (isStaffSignedIn(me.data)) return <Navigate to={next} replace />;
    setStep(initialStep(me.data));
    return <PageSpinner />;
  }
  const current = step;
  const done = () => void navigate(next, { replace: true });

  const afterPassword = (result: SignInResult) => {
    if (result.second_factor === 'required') setStep({ kind: 'code' });
    else if (result.second_factor === 'enrolment_required') setStep({ kind: 'enrol' });
    else done();
  };
  const startOver = () => signOut.mutate(undefined, { onSettled: () => setStep({ kind: 'credentials' }) });

  const titles = {
    credentials: t('login.title'),
    code: t('secondFactor.title'),
    enrol: t('enrol.title'),
    recovery: t('recovery.title'),
  } as const;

  return (
    <Layout className="wq-layout">
      <Layout.Header className="wq-header">
        <Brand />
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content id="main" className="wq-main wq-login">
        <Card style={{ width: '100%', maxWidth: current.kind === 'credentials' ? 400 : 520 }}>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
            {titles[current.kind]}
          </Typography.Title>
          {current.kind === 'credentials' ? (
            <>
              <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
              {signedOutEverywhere ? (
                <Alert type="success" showIcon title={t('login.signedOutEverywhere')} style={{ marginBottom: 16 }} />
              ) : null}
              <CredentialsForm onSignedIn={afterPassword} />
            </>
          ) : null}
          {current.kind === 'code' ? (
            <SecondFactorForm
              onVerified={done}
              onStartOver={startOver}
              onNeedsEnrolment={() => setStep({ kind: 'enrol' })}
            />
          ) : null}
          {current.kind === 'enrol' ? (
            <TotpEnrolment
              onAlreadyEnrolled={() => setStep({ kind: 'code' })}
              onEnrolled={(result) =>
                setStep({
                  kind: 'recovery',
                  codes: result.recovery_codes,
                  account: result.me.username ?? String(result.me.user_id),
                })
              }
            />
          ) : null}
          {current.kind === 'recovery' ? (
            <RecoveryCodes codes={current.codes} account={current.account} onContinue={done} />
          ) : null}
          {current.kind === 'credentials' ? (
            <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
              <Link to="/status">{t('login.statusLink')}</Link>
            </Typography.Paragraph>
          ) : null}
        </Card>
      </Layout.Content>
    </Layout>
  );
}
