DROP TABLE holidays;
DROP TABLE holiday_years;
DROP SEQUENCE holiday_revision_seq;
