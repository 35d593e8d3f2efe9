DROP TABLE search_common_trigrams;
