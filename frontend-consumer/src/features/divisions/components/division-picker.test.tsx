import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { divisionRoutes, provinces } from '@/testing/divisions-data';
import { mockFetch, problem } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { DivisionPicker } from './division-picker';

type User = ReturnType<typeof userEvent.setup>;

/** Opens the select labelled `label` and clicks the option `name`. */
async function choose(user: User, label: string, name: string) {
  const combobox = await screen.findByLabelText(label);
  await waitFor(() => expect(combobox.hasAttribute('disabled')).toBe(false));
  await user.click(combobox);
  const options = await screen.findAllByTitle(name);
  const option = options.find((el) => el.classList.contains('ant-select-item-option'));
  if (!option) throw new Error(`no option ${name}`);
  await user.click(option);
}

describe('DivisionPicker', () => {
  it('walks province → city → county and shows the full path and code', async () => {
    mockFetch(divisionRoutes);
    const onChange = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<DivisionPicker onChange={onChange} />);

    await choose(user, '省份', '广东省');
    expect(await screen.findByText('请继续选择下一级区划。')).toBeTruthy();
    await choose(user, '城市', '深圳市');
    await choose(user, '区县', '南山区');

    expect((await screen.findByTestId('division-code')).textContent).toBe('440305');
    expect(screen.getByTestId('division-path').textContent).toBe('广东省 / 深圳市 / 南山区');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ code: '440305' }));
  });

  it('stops after two levels for a municipality', async () => {
    mockFetch(divisionRoutes);
    const user = userEvent.setup();
    renderWithProviders(<DivisionPicker />);

    await choose(user, '省份', '北京市');
    // Beijing's children are counties, so the second select is labelled as such.
    await choose(user, '区县', '朝阳区');

    expect((await screen.findByTestId('division-code')).textContent).toBe('110105');
    expect(screen.getByTestId('division-path').textContent).toBe('北京市 / 朝阳区');
    expect(screen.queryByLabelText('城市')).toBeNull();
  });

  it('accepts a city without children as the final choice', async () => {
    mockFetch(divisionRoutes);
    const user = userEvent.setup();
    renderWithProviders(<DivisionPicker />);

    await choose(user, '省份', '广东省');
    await choose(user, '城市', '东莞市');

    expect((await screen.findByTestId('division-code')).textContent).toBe('441900');
    expect(screen.getAllByRole('combobox')).toHaveLength(2);
  });

  it('changing the province drops the levels below it', async () => {
    mockFetch(divisionRoutes);
    const user = userEvent.setup();
    renderWithProviders(<DivisionPicker />);

    await choose(user, '省份', '广东省');
    await choose(user, '城市', '深圳市');
    await choose(user, '区县', '南山区');
    await choose(user, '省份', '北京市');

    await waitFor(() => expect(screen.queryByTestId('division-code')).toBeNull());
    expect(screen.queryByLabelText('城市')).toBeNull();
    expect(await screen.findByLabelText('区县')).toBeTruthy();
  });

  it('shows the chosen division from an initial code', async () => {
    mockFetch({
      ...divisionRoutes,
      '/api/v1/divisions/440305': {
        body: {
          code: '440305',
          name: '南山区',
          level: 'county',
          parent_code: '440300',
          has_children: false,
          ancestors: [provinces[1], { code: '440300', name: '深圳市', level: 'city', parent_code: '440000', has_children: true }],
        },
      },
    });
    renderWithProviders(<DivisionPicker initialCode="440305" />);

    expect((await screen.findByTestId('division-path')).textContent).toBe('广东省 / 深圳市 / 南山区');
    expect(screen.getByTestId('division-code').textContent).toBe('440305');
  });

  it('shows the problem detail and retries after a failed load', async () => {
    let fail = true;
    mockFetch({
      '/api/v1/divisions': () =>
        fail
          ? problem(503, 'service_unavailable', 'Database unavailable.', '数据库暂时不可用。')
          : { body: { items: provinces } },
    });
    const user = userEvent.setup();
    renderWithProviders(<DivisionPicker />);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('区划加载失败')).toBeTruthy();
    expect(within(alert).getByText('数据库暂时不可用。')).toBeTruthy();

    fail = false;
    await user.click(within(alert).getByRole('button', { name: /重\s*试/ }));
    await choose(user, '省份', '广东省');
  });

  it('shows the English problem detail in English', async () => {
    await i18n.changeLanguage('en');
    mockFetch({
      '/api/v1/divisions': problem(503, 'service_unavailable', 'Database unavailable.', '数据库暂时不可用。'),
    });
    renderWithProviders(<DivisionPicker />);
    expect(await screen.findByText('Database unavailable.')).toBeTruthy();
    expect(screen.getByText('Could not load divisions')).toBeTruthy();
  });

  it('says so when there are no divisions', async () => {
    mockFetch({ '/api/v1/divisions': { body: { items: [] } } });
    renderWithProviders(<DivisionPicker />);
    expect(await screen.findByText('暂无区划数据')).toBeTruthy();
    expect(screen.getByLabelText('省份').hasAttribute('disabled')).toBe(true);
  });
});
