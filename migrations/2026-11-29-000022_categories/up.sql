-- The classification taxonomy 分类 (domain.md "Classification"): subject categories (goods 商品
-- and services 服务 → groups → leaf categories) and problem types, as data edited by national
-- administrators. Codes are stable and never deleted once used: a code is retired
-- (`active = false`) and may be reactivated. The rules on codes are
-- `weiquan_domain::taxonomy`; the seed is `api/db/data/categories.csv`, loaded by
-- `weiquan migrate` (insert-if-missing, so administrators' edits survive a reload).
--
-- Codes: subject groups `G01` / `S01` (G goods, S services), leaves `G0101` (the group's code
-- + two digits), problem types `P01`. A subtree filter is a prefix match on the code.
CREATE TABLE categories (
    code        text PRIMARY KEY CHECK (code ~ '^([GS][0-9]{2}([0-9]{2})?|P[0-9]{2})$'),
    kind        text NOT NULL CHECK (kind IN ('subject', 'problem')),
    parent_code text REFERENCES categories (code),
    name_zh     text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 50),
    name_en     text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
    position    integer NOT NULL DEFAULT 0,
    active      boolean NOT NULL DEFAULT true,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'problem') = (code LIKE 'P%')),
    -- A leaf hangs under its group; groups and problem types have no parent.
    CHECK ((length(code) = 5) = (parent_code IS NOT NULL)),
    CHECK (parent_code IS NULL OR left(code, 3) = parent_code)
);
CREATE INDEX categories_parent_idx ON categories (parent_code, position, code);

-- The order's classification: a subject leaf and a problem type (codes, so the inbox filters
-- a group or a branch by prefix). The old free-text `category` stays for orders filed before
-- the taxonomy existed; new orders leave it empty.
ALTER TABLE order_appeals
    ADD COLUMN subject_category text REFERENCES categories (code),
    ADD COLUMN problem_type     text REFERENCES categories (code);
