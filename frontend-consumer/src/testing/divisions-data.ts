// A small, real-shaped slice of the division tree for component tests.
import type { Division } from '@/features/divisions/api/get-divisions';

const division = (
  code: string,
  name: string,
  level: Division['level'],
  parent_code: string | null,
  has_children: boolean,
): Division => ({ code, name, level, parent_code, has_children });

export const provinces = [
  division('110000', '北京市', 'province', null, true),
  division('440000', '广东省', 'province', null, true),
];
export const guangdongCities = [
  division('440300', '深圳市', 'city', '440000', true),
  division('441900', '东莞市', 'city', '440000', false),
];
export const shenzhenCounties = [
  division('440304', '福田区', 'county', '440300', false),
  division('440305', '南山区', 'county', '440300', false),
];
export const beijingCounties = [
  division('110105', '朝阳区', 'county', '110000', false),
  division('110108', '海淀区', 'county', '110000', false),
];

export const divisionRoutes = {
  '/api/v1/divisions': { body: { items: provinces } },
  '/api/v1/divisions?parent=440000': { body: { items: guangdongCities } },
  '/api/v1/divisions?parent=440300': { body: { items: shenzhenCounties } },
  '/api/v1/divisions?parent=110000': { body: { items: beijingCounties } },
};

/** `GET /api/v1/divisions/440305`: 南山区 with its ancestors. */
export const nanshanDetailRoute = {
  '/api/v1/divisions/440305': {
    body: { ...shenzhenCounties[1], ancestors: [provinces[1], guangdongCities[0]] },
  },
};
