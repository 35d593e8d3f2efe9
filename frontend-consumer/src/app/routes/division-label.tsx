// A division code shown as its full name (广东省 深圳市 南山区), for the appeal pages; the
// code itself until the name has loaded (or if it cannot be).
import { useDivision } from '@/features/divisions/api/get-division';

export function DivisionLabel({ code }: { code: string }) {
  const division = useDivision(code);
  if (!division.data) return <span>{code}</span>;
  return <span>{[...division.data.ancestors, division.data].map((d) => d.name).join(' ')}</span>;
}
