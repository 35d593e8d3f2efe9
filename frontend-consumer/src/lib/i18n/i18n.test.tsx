import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LanguageSwitch } from '@/components/language-switch';
import { renderWithProviders } from '@/testing/render';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, i18n } from '.';

describe('i18n', () => {
  it('starts in Chinese', () => {
    expect(DEFAULT_LANGUAGE).toBe('zh-CN');
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.t('home.servicesTitle')).toBe('我们提供的服务');
  });

  it('switching to English translates, updates <html lang> and remembers the choice', async () => {
    await i18n.changeLanguage('en');
    expect(i18n.t('home.servicesTitle')).toBe('Our services');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('the language switch flips the visible text both ways', async () => {
    const user = userEvent.setup();
    renderWithProviders(<LanguageSwitch />);
    const toEnglish = screen.getByRole('button', { name: 'English' });
    expect(toEnglish.getAttribute('lang')).toBe('en');

    await user.click(toEnglish);
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    const toChinese = await screen.findByRole('button', { name: '中文' });

    await user.click(toChinese);
    await screen.findByRole('button', { name: 'English' });
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
  });

  it('interpolates values in both languages', async () => {
    expect(i18n.t('problem.status', { status: 502 })).toContain('HTTP 502');
    await i18n.changeLanguage('en');
    expect(i18n.t('problem.status', { status: 502 })).toBe(
      'The request failed (HTTP 502). Please try again later.',
    );
  });
});
