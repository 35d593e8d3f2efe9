import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { divisionRoutes } from '@/testing/divisions-data';
import { mockFetch } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { HomeRoute } from './home';

describe('HomeRoute', () => {
  it('explains the four services, each linking to the wizard with its kind, without dead buttons', async () => {
    mockFetch(divisionRoutes);
    renderWithProviders(<HomeRoute />);

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('消费者权益保护，一站办理');
    for (const name of ['投诉', '举报', '建议', '咨询']) {
      expect(screen.getByRole('heading', { level: 3, name: new RegExp(name) })).toBeTruthy();
    }
    expect(screen.queryByText('即将开放')).toBeNull();
    expect(
      screen.getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['我要投诉', '/appeals/new?kind=complaint'],
      ['我要举报', '/appeals/new?kind=report'],
      ['我要建议', '/appeals/new?kind=suggestion'],
      ['我要咨询', '/appeals/new?kind=consultation'],
    ]);
    // The only buttons lead to pages that exist: filing and following appeals, applying.
    expect(screen.queryAllByRole('button').map((b) => b.textContent?.replace(/\s/g, ''))).toEqual([
      '我要投诉举报',
      '查看我的诉求',
      '机构入驻申请',
      '查询申请进度',
    ]);
    expect(await screen.findByLabelText('省份')).toBeTruthy();
  });
});
