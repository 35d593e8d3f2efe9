import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { divisionRoutes } from '@/testing/divisions-data';
import { mockFetch } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { HomeRoute } from './home';

describe('HomeRoute', () => {
  it('explains the four services as coming soon, without dead links or buttons', async () => {
    mockFetch(divisionRoutes);
    renderWithProviders(<HomeRoute />);

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('消费者权益保护，一站办理');
    for (const name of ['投诉', '举报', '建议', '咨询']) {
      expect(screen.getByRole('heading', { level: 3, name: new RegExp(name) })).toBeTruthy();
    }
    expect(screen.getAllByText('即将开放')).toHaveLength(4);
    expect(screen.queryAllByRole('link')).toHaveLength(0);
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
