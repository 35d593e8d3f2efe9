import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Forbidden } from '@/components/forbidden';
import { PageSpinner } from '@/components/page-spinner';
import { QueryError } from '@/components/query-error';
import { can, isStaffSignedIn, type Capability } from '@/lib/access';
import { sessionEnding, useMe } from '@/lib/auth';

/**
 * A layout route for pages that need a completed staff sign-in (and, if given, a capability
 * from `me.capabilities`): others go to /login?next=…; a user without the capability sees a
 * 403 page instead of a screen that would fail request by request.
 */
export function RequireAuth({ capability }: { capability?: Capability }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  if (me.isPending) return <PageSpinner />;
  if (me.isError) {
    return <QueryError title={t('auth.meFailed')} error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (!isStaffSignedIn(me.data)) {
    // Ended on purpose (signed out, password changed): go where that said, not to sign in.
    const ending = sessionEnding(queryClient);
    if (ending) {
      return <Navigate to={ending.to} replace state={ending.notice ? { notice: ending.notice } : undefined} />;
    }
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (capability && !can(me.data, capability)) return <Forbidden />;
  return <Outlet />;
}
