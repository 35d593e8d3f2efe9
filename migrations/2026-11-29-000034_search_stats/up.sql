-- Trigrams found in a large share of the appeals' search text (at least 1% of a sample), so
-- that the inbox search asks the trigram index only for the uncommon part of a query
-- (api/domain/src/search.rs). Refreshed from a sample by every server instance every few
-- hours and by `weiquan orders search-stats`; empty means "ask for the whole query".
CREATE TABLE search_common_trigrams (
    trigram text PRIMARY KEY,
    share   real NOT NULL CHECK (share > 0 AND share <= 1)
);
