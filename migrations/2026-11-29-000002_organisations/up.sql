-- The organisation tree. Every unit carries its materialised path of ids from the root
-- ('/1/44/4403/'), so a subtree is a prefix match served by the text_pattern_ops index, and
-- permission checks in Rust (weiquan_domain::access) use the same paths.
CREATE TABLE organisations (
    id            bigserial PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN
                    ('bureau', 'station', 'association', 'department', 'international', 'enterprise')),
    bureau_level  text CHECK (bureau_level IN ('national', 'province', 'city', 'county')),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_en       text CHECK (length(name_en) <= 200),
    parent_id     bigint REFERENCES organisations (id),
    path          text NOT NULL UNIQUE CHECK (path ~ '^/([0-9]+/)+$'),
    -- The division a bureau, station or association serves; an enterprise's registered one.
    division_code text REFERENCES divisions (code),
    -- Enterprises only: unified social credit code (GB 32100), ODR status.
    credit_code   text UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NP-RTUWXY]{18}$'),
    odr_status    text CHECK (odr_status IN ('approved', 'suspended')),
    status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'bureau') = (bureau_level IS NOT NULL)),
    CHECK ((parent_id IS NULL) = (kind = 'bureau' AND bureau_level = 'national')),
    CHECK ((kind = 'enterprise') = (credit_code IS NOT NULL)),
    CHECK (kind = 'enterprise' OR odr_status IS NULL)
);

-- One bureau per division, and one national bureau.
CREATE UNIQUE INDEX organisations_one_bureau_per_division
    ON organisations (coalesce(division_code, '')) WHERE kind = 'bureau';
CREATE INDEX organisations_path_prefix_idx ON organisations (path text_pattern_ops);
CREATE INDEX organisations_parent_idx ON organisations (parent_id, kind, name);
