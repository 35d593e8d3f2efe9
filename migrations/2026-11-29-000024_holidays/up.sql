-- The State Council's holiday schedule as data (issue 4). `holiday_years` lists the years whose
-- schedule has been entered (a year absent here is counted on weekdays alone and every due date
-- that crosses it is provisional); `holidays` holds that year's public holidays ('off') and
-- make-up working days ('work', always a Saturday or Sunday). 2025 and 2026 are loaded from
-- api/db/data/holidays-cn.csv by `weiquan migrate` (reference data, idempotent); later years
-- are entered by national administrators (PUT /api/v1/calendar/years/{year}), which replaces a
-- year's rows in one transaction.
--
-- `revision` takes a new value from `holiday_revision_seq` on every change of a year, so a
-- server instance knows its cached calendar is current when max(revision) and count(*) of
-- this table are what it loaded (checked once per request that counts days).
CREATE SEQUENCE holiday_revision_seq;

CREATE TABLE holiday_years (
    year        integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    -- Null for reference data loaded by `weiquan migrate`.
    entered_by  bigint REFERENCES users (id),
    entered_at  timestamptz NOT NULL DEFAULT now(),
    -- Where the dates come from, e.g. 国办发明电〔2024〕12号.
    source      text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
    revision    bigint NOT NULL DEFAULT nextval('holiday_revision_seq')
);

CREATE TABLE holidays (
    date     date PRIMARY KEY,
    year     integer NOT NULL REFERENCES holiday_years (year) ON DELETE CASCADE,
    kind     text NOT NULL CHECK (kind IN ('off', 'work')),
    name_zh  text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 50),
    name_en  text CHECK (length(name_en) BETWEEN 1 AND 100),
    CHECK (extract(year FROM date)::integer = year),
    CHECK (kind = 'off' OR extract(isodow FROM date) IN (6, 7))
);
CREATE INDEX holidays_year_idx ON holidays (year, date);
