import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { divisionRoutes } from '@/testing/divisions-data';
import { mockFetch } from '@/testing/fetch-mock';
import { renderRoutes } from '@/testing/render';
import { routes } from './router';

describe('consumer routes', () => {
  it('renders the home page inside the site layout with its landmarks', async () => {
    mockFetch(divisionRoutes);
    renderRoutes(routes, { path: '/' });
    expect(await screen.findByRole('heading', { level: 1, name: '消费者权益保护，一站办理' })).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
  });

  it('shows not found for an unknown deep link and goes home from there', async () => {
    mockFetch(divisionRoutes);
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, { path: '/some/deep/link' });
    expect(await screen.findByRole('heading', { level: 1, name: '页面不存在' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /返回首页/ }));
    expect(await screen.findByRole('heading', { level: 1, name: '消费者权益保护，一站办理' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });

  it('the header language switch translates the page', async () => {
    mockFetch(divisionRoutes);
    const user = userEvent.setup();
    renderRoutes(routes, { path: '/' });
    await screen.findByRole('heading', { level: 1 });

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Consumer protection in one place' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Make a complaint' }).getAttribute('href')).toBe('/appeals/new?kind=complaint');
    expect(await screen.findByLabelText('Province')).toBeTruthy();
  });
});
