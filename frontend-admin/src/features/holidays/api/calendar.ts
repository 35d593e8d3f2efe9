// The holiday calendar: GET /api/v1/calendar/years, GET and PUT /api/v1/calendar/years/{year}.
// Entering a year replaces its dates and recomputes the due dates that depend on it.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type CalendarYearSummary = components['schemas']['CalendarYearSummary'];
export type CalendarYear = components['schemas']['CalendarYear'];
export type Holiday = components['schemas']['HolidayDto'];
export type DayKind = components['schemas']['DayKindDto'];
export type YearSchedule = components['schemas']['YearSchedule'];
export type EnteredYear = components['schemas']['EnteredYear'];

/** Under `me`: forgotten when the user signs out. */
export const calendarQueryKey = ['me', 'calendar'] as const;

export const yearsQueryOptions = () =>
  queryOptions({
    queryKey: [...calendarQueryKey, 'years'],
    queryFn: () => unwrap(api.GET('/api/v1/calendar/years')),
  });

export const yearQueryOptions = (year: number) =>
  queryOptions({
    queryKey: [...calendarQueryKey, 'year', year],
    queryFn: () => unwrap(api.GET('/api/v1/calendar/years/{year}', { params: { path: { year } } })),
  });

export function useCalendarYears() {
  return useQuery(yearsQueryOptions());
}

export function useCalendarYear(year: number | null) {
  return useQuery({ ...yearQueryOptions(year ?? 0), enabled: year !== null });
}

export function useEnterYear(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: YearSchedule) =>
      unwrap(api.PUT('/api/v1/calendar/years/{year}', { params: { path: { year } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: calendarQueryKey }),
  });
}

/** The weekday of an ISO date (0 Sunday … 6 Saturday), read as a calendar date, not a time. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay();
}
