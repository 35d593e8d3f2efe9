-- Administrative divisions (GB/T 2260), the reference data that jurisdiction is built on.
-- Rows are loaded and kept up to date by `weiquan migrate` from api/db/data/divisions.csv.
CREATE TABLE divisions (
    code         text PRIMARY KEY CHECK (code ~ '^[1-8][0-9]{5}$'),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    level        text NOT NULL CHECK (level IN ('province', 'city', 'county')),
    parent_code  text REFERENCES divisions (code) DEFERRABLE INITIALLY DEFERRED,
    has_children boolean NOT NULL DEFAULT false,
    CHECK ((level = 'province') = (parent_code IS NULL))
);

CREATE INDEX divisions_parent_code_idx ON divisions (parent_code, code);
