//! Text search over the appeals (`q` of the staff inbox) by trigrams: which part of a query
//! the trigram index is asked for.
//!
//! A GIN trigram index answers `LIKE '%query%'` by intersecting the posting lists of every
//! trigram of the query, and for each candidate it reads every list, however long. A query that
//! contains a phrase found in a large share of the appeals (订单尾号4321: 订单尾 and 单尾号 are
//! in nearly every complaint of the national-shape data) then costs in proportion to the table,
//! although its rare part (号4321) alone would find the few candidates at once. So the index is
//! asked only for the longest run of the query whose trigrams are all uncommon, and the whole
//! query is checked on those candidates. Which trigrams are common is measured on a sample of
//! the appeals (`weiquan_db::inbox::refresh_search_stats`); without statistics, or when every
//! trigram is common, the whole query goes to the index as before.

/// The query as the index sees it: lower case, one `char` per position.
fn folded(query: &str) -> Vec<char> {
    query.chars().flat_map(char::to_lowercase).collect()
}

/// A window of three characters that the trigram extraction keeps (all alphanumeric, which
/// includes Chinese characters; punctuation and spaces separate words).
fn is_trigram(window: &[char]) -> bool {
    window.len() == 3 && window.iter().all(|c| c.is_alphanumeric())
}

/// The trigrams of `query` (lower case, in order, repeated ones repeated).
pub fn trigrams(query: &str) -> Vec<String> {
    folded(query)
        .windows(3)
        .filter(|w| is_trigram(w))
        .map(|w| w.iter().collect())
        .collect()
}

/// The part of `query` to ask the trigram index for, when it should not be the whole query:
/// the longest run (lower case) none of whose trigrams `is_common` says is common and which has
/// at least one trigram. `None`: ask for the whole query (it has no common trigram, or nothing
/// but common ones).
pub fn indexed_part(query: &str, is_common: impl Fn(&str) -> bool) -> Option<String> {
    let chars = folded(query);
    if chars.len() < 3 {
        return None;
    }
    let common: Vec<bool> = chars
        .windows(3)
        .map(|w| is_trigram(w) && is_common(&w.iter().collect::<String>()))
        .collect();
    if !common.contains(&true) {
        return None;
    }
    // Windows start..k are not common: the characters start..k + 2 hold exactly them.
    let mut best: Option<(usize, usize)> = None;
    let mut start = 0;
    for k in 0..=common.len() {
        if k < common.len() && !common[k] {
            continue;
        }
        if k > start && (start..k).any(|i| is_trigram(&chars[i..i + 3])) {
            let longer = best.is_none_or(|(a, b)| k + 2 - start > b - a);
            if longer {
                best = Some((start, k + 2));
            }
        }
        start = k + 1;
    }
    best.map(|(a, b)| chars[a..b].iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn common_of(list: &'static [&'static str]) -> impl Fn(&str) -> bool {
        move |t| list.contains(&t)
    }

    #[test]
    fn trigrams_are_lower_case_windows_of_word_characters() {
        assert_eq!(
            trigrams("订单尾号4321"),
            ["订单尾", "单尾号", "尾号4", "号43", "432", "321"]
        );
        assert_eq!(trigrams("iPhone"), ["iph", "pho", "hon", "one"]);
        // Punctuation and spaces end a word: no window spans them.
        assert_eq!(trigrams("空调，不制冷"), ["不制冷"]);
        assert_eq!(trigrams("a b"), Vec::<String>::new());
        assert!(trigrams("空调").is_empty());
    }

    #[test]
    fn the_index_gets_the_longest_uncommon_run() {
        let common = common_of(&["订单尾", "单尾号", "尾号4"]);
        assert_eq!(
            indexed_part("订单尾号4321", &common).as_deref(),
            Some("号4321")
        );
        // A common phrase in the middle: the longer side wins.
        let common = common_of(&["要求退"]);
        assert_eq!(
            indexed_part("空调要求退款12345", &common).as_deref(),
            Some("求退款12345")
        );
        // Upper case is folded like the index folds it.
        let common = common_of(&["iph", "pho", "hon", "one"]);
        assert_eq!(
            indexed_part("iPhone15Pro", &common).as_deref(),
            Some("ne15pro")
        );
    }

    #[test]
    fn the_whole_query_goes_to_the_index_otherwise() {
        // No statistics, or nothing common.
        assert_eq!(indexed_part("订单尾号4321", |_| false), None);
        // Everything common: a common phrase, found faster by walking the inbox anyway.
        assert_eq!(indexed_part("订单尾号", |_| true), None);
        // Too short for a trigram.
        assert_eq!(indexed_part("空调", |_| true), None);
        // What is left has no trigram of its own (two characters, or split by punctuation).
        let common = common_of(&["订单尾", "单尾号"]);
        assert_eq!(indexed_part("订单尾号", &common), None);
        assert_eq!(indexed_part("订单尾，1", &common), None);
    }

    #[test]
    fn a_run_may_hold_non_word_windows_but_needs_one_trigram() {
        let common = common_of(&["不制冷"]);
        // "空调，" has no trigram (the comma splits), "，不制" neither: the run before the common
        // window holds no trigram, so nothing is better than the whole query.
        assert_eq!(indexed_part("空调，不制冷", &common), None);
        let common = common_of(&["预付卡"]);
        assert_eq!(
            indexed_part("健身房 预付卡", &common).as_deref(),
            Some("健身房 预付")
        );
    }
}
