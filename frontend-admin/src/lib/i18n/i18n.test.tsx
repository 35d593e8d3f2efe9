import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '@/app/router';
import { mockFetch } from '@/testing/fetch-mock';
import { renderRoutes } from '@/testing/render';
import { readyBody } from '@/testing/health-data';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, i18n } from '.';

describe('i18n', () => {
  it('starts in Chinese', () => {
    expect(DEFAULT_LANGUAGE).toBe('zh-CN');
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.t('status.title')).toBe('系统状态');
  });

  it('switching to English translates, updates <html lang> and remembers the choice', async () => {
    await i18n.changeLanguage('en');
    expect(i18n.t('status.title')).toBe('System status');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('the header switch changes the whole console, antd components included', async () => {
    mockFetch({ '/api/health/ready': { body: readyBody } });
    const user = userEvent.setup();
    renderRoutes(routes, { path: '/status' });

    expect(await screen.findByRole('heading', { level: 1, name: '系统状态' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '系统状态' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'System status' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'System status' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Refresh/ })).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));

    await user.click(screen.getByRole('button', { name: '中文' }));
    expect(await screen.findByRole('heading', { level: 1, name: '系统状态' })).toBeTruthy();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
  });
});
