// The signed-in half of the header's account corner: the user's name opening a menu
// (my appeals, file one, profile, devices, sign out). Loaded only once someone is signed in, so visitors do not
// download antd's Dropdown and Menu with the first page.
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignOut, type Me } from '@/lib/auth';

export function SignedInMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const signOut = useSignOut('/');
  const navigate = useNavigate();
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items: [
          { key: '/appeals', label: t('orders.navMine') },
          { key: '/appeals/new', label: t('orders.navNew') },
          { type: 'divider' },
          { key: '/me', label: t('account.profile') },
          { key: '/me/sessions', label: t('account.sessions') },
          { type: 'divider' },
          { key: 'sign-out', label: t('account.signOut'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'sign-out') {
            signOut.mutate(undefined, { onSettled: () => void navigate('/', { replace: true }) });
          } else {
            void navigate(key);
          }
        },
      }}
    >
      <Button
        className="wq-account-button"
        icon={<UserOutlined aria-hidden="true" />}
        loading={signOut.isPending}
        aria-label={t('account.menuFor', { name: me.display_name })}
      >
        <span className="wq-account-name">{me.display_name}</span>
        <DownOutlined aria-hidden="true" style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
