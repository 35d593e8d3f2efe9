//! The staff inbox, its counts and the supervision list: one filter, applied the same way to
//! the page query and the count query, on the indexes of migrations `000020_orders` and
//! `000026_inbox_search`.
//!
//! - Pages are keyset queries on `(due_on, id)` (undated last), so a page costs the rows it
//!   returns plus those the filters skip, whatever the table's size.
//! - Text (`q`) is a substring match over `coalesce(business_name, '') || ' ' || facts`,
//!   served by a GIN trigram index for 3 or more characters; 1-2 characters have no trigram,
//!   so they are checked row by row on whatever the other filters leave (document: a
//!   2-character query over a whole province scans its rows).
//! - Counts read open orders only (a bounded set: the orders received in the last weeks and
//!   those not yet finished): a subtree's totals from the running counts of migration
//!   `000033_open_counts` (rows per unit, not per order), the overdue ones and any other
//!   filter by an index-only scan of `orders_open_due_idx` / `orders_open_idx`.
//! - A page's keys are found on the indexes alone and its rows read by primary key (`Rows`).
//! - A text query asks the trigram index only for its uncommon part when it has a common one
//!   (`weiquan_domain::search`).

use chrono::Datelike as _;
use chrono::NaiveDate;
use diesel::dsl::{count_star, sql};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool};
use weiquan_domain::workflow::State;

use crate::DbError;
use crate::orders::OrderRow;
use crate::schema::{order_appeals, orders, organisations};

/// Which orders an inbox starts from (`weiquan_domain::access::inbox_scope`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    /// Those held in the subtree of [`InboxFilter::path`] (`orders_inbox_due_idx`).
    #[default]
    Subtree,
    /// The complaints about this approved ODR enterprise (`orders_business_inbox_idx`).
    Business(i64),
    /// Those whose mediation was delegated to this association (`orders_mediator_inbox_idx`).
    Mediator(i64),
}

/// What an inbox is filtered by. Every field is optional (`Default` is the whole subtree).
#[derive(Debug, Clone, Default)]
pub struct InboxFilter {
    /// The organisation's `path`: its whole subtree (when `scope` is [`Scope::Subtree`]).
    pub path: String,
    pub scope: Scope,
    /// Any of these states (none: every state).
    pub states: Vec<String>,
    /// Only open orders ([`State::OPEN_NAMES`]), stated so that the partial indexes apply.
    pub open_only: bool,
    pub kind: Option<String>,
    /// A category code or its beginning: a parent category matches its children.
    pub category: Option<String>,
    /// Only orders whose due date is before this day.
    pub overdue_on: Option<NaiveDate>,
    /// Only orders due on one of these days (inclusive).
    pub due_between: Option<(NaiveDate, NaiveDate)>,
    /// Only orders with this handler.
    pub handler: Option<i64>,
    /// Received on or after / on or before (inclusive).
    pub received_from: Option<NaiveDate>,
    pub received_to: Option<NaiveDate>,
    /// An order number (exact) or the start of one.
    pub number_prefix: Option<String>,
    /// A substring of the business name or the facts (case-insensitive for Latin letters).
    pub text: Option<String>,
    /// The part of `text` the trigram index is asked for, when not the whole of it
    /// (`weiquan_domain::search::indexed_part`): set by [`inbox`] and [`counts`] from the
    /// statistics, whatever a caller put here.
    pub text_index: Option<String>,
}

/// A keyset position in an inbox (by due date, undated last, then id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InboxCursor {
    pub due_on: Option<NaiveDate>,
    pub id: i64,
}

impl InboxCursor {
    /// What every token matches (the OpenAPI document says so); every string that matches
    /// it is a position, so a client can never send a well-formed token the server refuses.
    pub const PATTERN: &'static str = r"^(-|[0-9]{1,7})_[0-9]{1,18}$";

    /// The token clients pass back: the due date as days since 0001-01-01 (`739586_123`), or
    /// `-_123` for an undated order.
    pub fn token(&self) -> String {
        format!(
            "{}_{}",
            self.due_on
                .map_or_else(|| "-".to_owned(), |d| d.num_days_from_ce().to_string()),
            self.id
        )
    }

    pub fn parse(s: &str) -> Option<Self> {
        let (due, id) = s.split_once('_')?;
        let digits = |t: &str, max: usize| {
            !t.is_empty() && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(id, 18) || (due != "-" && !digits(due, 7)) {
            return None;
        }
        Some(Self {
            due_on: if due == "-" {
                None
            } else {
                Some(NaiveDate::from_num_days_from_ce_opt(due.parse().ok()?)?)
            },
            id: id.parse().ok()?,
        })
    }

    pub fn of(row: &OrderRow) -> Self {
        Self {
            due_on: row.due_on,
            id: row.id,
        }
    }
}

pub(crate) fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// `orders.state IN (<open states>)` as literal SQL: the planner can only match a partial
/// index's predicate against constants, not bind parameters of a generic plan.
fn open_states_sql() -> String {
    let names: Vec<String> = State::OPEN_NAMES.iter().map(|n| format!("'{n}'")).collect();
    format!("orders.state IN ({})", names.join(", "))
}

/// The search text the trigram index is built on (the expression must match the index's).
const SEARCH_TEXT: &str =
    "(coalesce(order_appeals.business_name, '') || ' ' || order_appeals.facts)";

/// `filter` with the part of its text the trigram index is to be asked for
/// (`weiquan_domain::search::indexed_part`, on the common trigrams of
/// `search_common_trigrams`): one primary-key read of the query's trigrams.
fn searchable(conn: &mut PgConnection, filter: &InboxFilter) -> Result<InboxFilter, DbError> {
    use crate::schema::search_common_trigrams as common;
    let mut filter = filter.clone();
    filter.text_index = None;
    let Some(text) = &filter.text else {
        return Ok(filter);
    };
    let trigrams = weiquan_domain::search::trigrams(text);
    if trigrams.is_empty() {
        return Ok(filter);
    }
    let found: Vec<String> = common::table
        .filter(common::trigram.eq_any(&trigrams))
        .select(common::trigram)
        .load(conn)?;
    filter.text_index =
        weiquan_domain::search::indexed_part(text, |t| found.iter().any(|f| f == t));
    Ok(filter)
}

/// Appeals sampled to measure which trigrams are common.
const SEARCH_SAMPLE: i64 = 20_000;

/// Re-measures which trigrams of the appeals' search text are common (in at least 1% of a
/// sample of about [`SEARCH_SAMPLE`] appeals, and in at least 20 of them, so that a small
/// table has none) and replaces `search_common_trigrams` with them, in one transaction.
/// Returns how many there are. About a second at 10 M orders.
pub fn refresh_search_stats(conn: &mut PgConnection) -> Result<usize, DbError> {
    #[derive(QueryableByName)]
    struct Rows {
        #[diesel(sql_type = diesel::sql_types::Double)]
        n: f64,
    }
    let rows: Rows = diesel::sql_query(
        "SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = 'order_appeals'::regclass",
    )
    .get_result(conn)?;
    // Pages, not rows, are sampled (SYSTEM): enough of them for the sample, all of a small table.
    let percent = if rows.n <= 0.0 {
        100.0
    } else {
        (SEARCH_SAMPLE as f64 * 2.0 * 100.0 / rows.n).clamp(0.001, 100.0)
    };
    conn.transaction(|conn| {
        diesel::sql_query("DELETE FROM search_common_trigrams").execute(conn)?;
        Ok(diesel::sql_query(format!(
            "WITH sample AS (
                 SELECT row_number() OVER () AS r, lower({SEARCH_TEXT}) AS t
                 FROM order_appeals TABLESAMPLE SYSTEM ({percent}) LIMIT {SEARCH_SAMPLE}),
             seen AS (
                 SELECT DISTINCT r, substr(t, i, 3) AS w
                 FROM sample, generate_series(1, length(t) - 2) AS i)
             INSERT INTO search_common_trigrams (trigram, share)
             SELECT w, count(*)::real / (SELECT count(*) FROM sample)
             FROM seen GROUP BY w
             HAVING count(*) >= greatest(20, 0.01 * (SELECT count(*) FROM sample))"
        ))
        .execute(conn)?)
    })
}

/// Applies every filter but the cursor to a boxed query on `orders`: the subtree of
/// `f.path`, or with `unit` only the orders held by that one unit (an ordered index range).
macro_rules! filtered {
    ($query:expr, $filter:expr) => {{ filtered!($query, $filter, None::<&str>) }};
    ($query:expr, $filter:expr, $unit:expr) => {{
        let f: &InboxFilter = $filter;
        let mut query = match (f.scope, $unit) {
            (Scope::Subtree, Some(unit)) => $query.filter(orders::holder_path.eq(unit.to_owned())),
            (Scope::Subtree, None) => {
                $query.filter(orders::holder_path.like(format!("{}%", like_escape(&f.path))))
            }
            (Scope::Business(org), _) => $query
                .filter(orders::business_org_id.eq(org))
                .filter(orders::kind.eq("complaint"))
                .filter(orders::business_odr.eq(true)),
            (Scope::Mediator(org), _) => $query.filter(orders::mediator_org_id.eq(org)),
        };
        if !f.states.is_empty() {
            query = query.filter(orders::state.eq_any(f.states.clone()));
        }
        if f.open_only {
            query = query.filter(sql::<Bool>(&open_states_sql()));
        }
        if let Some(kind) = &f.kind {
            query = query.filter(orders::kind.eq(kind.clone()));
        }
        if let Some(day) = f.overdue_on {
            query = query.filter(orders::due_on.lt(day));
        }
        if let Some((from, to)) = f.due_between {
            query = query.filter(orders::due_on.between(from, to));
        }
        if let Some(handler) = f.handler {
            query = query.filter(orders::handler_id.eq(handler));
        }
        if let Some(day) = f.received_from {
            query = query.filter(orders::received_on.ge(day));
        }
        if let Some(day) = f.received_to {
            query = query.filter(orders::received_on.le(day));
        }
        if let Some(number) = &f.number_prefix {
            query = query.filter(orders::number.like(format!("{}%", like_escape(number))));
        }
        if f.category.is_some() || f.text.is_some() {
            let mut appeals = order_appeals::table
                .select(order_appeals::order_id)
                .into_boxed();
            if let Some(category) = &f.category {
                appeals = appeals.filter(
                    order_appeals::subject_category.like(format!("{}%", like_escape(category))),
                );
            }
            if let Some(text) = &f.text {
                let pattern = format!("%{}%", like_escape(text));
                appeals = match &f.text_index {
                    None => appeals.filter(
                        sql::<Bool>(&format!("{SEARCH_TEXT} ILIKE "))
                            .bind::<diesel::sql_types::Text, _>(pattern),
                    ),
                    // The index for the uncommon part; the whole query checked on what it
                    // finds, on an expression the index does not match (`|| ''`).
                    Some(part) => appeals
                        .filter(
                            sql::<Bool>(&format!("{SEARCH_TEXT} ILIKE "))
                                .bind::<diesel::sql_types::Text, _>(format!(
                                    "%{}%",
                                    like_escape(part)
                                )),
                        )
                        .filter(
                            sql::<Bool>(&format!("({SEARCH_TEXT} || '') ILIKE "))
                                .bind::<diesel::sql_types::Text, _>(pattern),
                        ),
                };
            }
            query = query.filter(orders::id.eq_any(appeals));
        }
        query
    }};
}

/// A page's keys: `(due_on, id)`, all an index holds, so the walk that finds a page can be an
/// index-only scan; [`Rows`] then reads the page's rows by primary key.
type Boxed<'a> = orders::BoxedQuery<
    'a,
    diesel::pg::Pg,
    (diesel::sql_types::Nullable<diesel::sql_types::Date>, BigInt),
>;

fn inbox_query<'a>(filter: &InboxFilter, cursor: Option<InboxCursor>, limit: i64) -> Boxed<'a> {
    unit_query(filter, None, cursor, limit)
}

fn unit_query<'a>(
    filter: &InboxFilter,
    unit: Option<&str>,
    cursor: Option<InboxCursor>,
    limit: i64,
) -> Boxed<'a> {
    let mut query = filtered!(
        orders::table
            .select((orders::due_on, orders::id))
            .order((orders::due_on.asc().nulls_last(), orders::id.asc()))
            .limit(limit)
            .into_boxed(),
        filter,
        unit
    );
    match cursor {
        Some(InboxCursor {
            due_on: Some(due),
            id,
        }) => {
            query = query.filter(
                orders::due_on
                    .gt(due)
                    .or(orders::due_on.eq(due).and(orders::id.gt(id)))
                    .or(orders::due_on.is_null()),
            );
        }
        Some(InboxCursor { due_on: None, id }) => {
            query = query.filter(orders::due_on.is_null().and(orders::id.gt(id)));
        }
        None => {}
    }
    query
}

/// Subtrees of at most this many units are listed unit by unit (see [`inbox`]).
pub const MERGED_UNITS: usize = 32;

/// The paths of the units in the subtree of `path`, when there are at most [`MERGED_UNITS`]
/// (none when there are more).
fn narrow_units(conn: &mut PgConnection, path: &str) -> Result<Vec<String>, DbError> {
    let units: Vec<String> = organisations::table
        .filter(organisations::path.like(format!("{}%", like_escape(path))))
        .select(organisations::path)
        .limit(MERGED_UNITS as i64 + 1)
        .load(conn)?;
    Ok(if units.len() > MERGED_UNITS {
        Vec::new()
    } else {
        units
    })
}

/// `(page of unit 1) UNION ALL (page of unit 2) … ORDER BY due_on NULLS LAST, id LIMIT n`:
/// PostgreSQL merges the units' ordered index scans (Merge Append) and stops after `n` rows.
struct Merged<'a> {
    units: Vec<Boxed<'a>>,
    limit: i64,
}

impl diesel::query_builder::QueryId for Merged<'_> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for Merged<'_> {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> QueryResult<()> {
        for (i, unit) in self.units.iter().enumerate() {
            if i > 0 {
                out.push_sql(" UNION ALL ");
            }
            out.push_sql("(");
            diesel::query_builder::QueryFragment::<diesel::pg::Pg>::walk_ast(unit, out.reborrow())?;
            out.push_sql(")");
        }
        out.push_sql(" ORDER BY due_on ASC NULLS LAST, id ASC LIMIT ");
        out.push_bind_param::<BigInt, _>(&self.limit)?;
        Ok(())
    }
}

impl diesel::query_builder::Query for Merged<'_> {
    type SqlType = (diesel::sql_types::Nullable<diesel::sql_types::Date>, BigInt);
}

impl RunQueryDsl<PgConnection> for Merged<'_> {}

/// What [`inbox`] runs: one query over the subtree, or one per unit, merged.
enum Page<'a> {
    Subtree(Boxed<'a>),
    Units(Merged<'a>),
}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for Page<'_> {
    fn walk_ast<'b>(
        &'b self,
        out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> QueryResult<()> {
        match self {
            Page::Subtree(query) => {
                diesel::query_builder::QueryFragment::<diesel::pg::Pg>::walk_ast(query, out)
            }
            Page::Units(query) => query.walk_ast(out),
        }
    }
}

/// `SELECT <order row> FROM orders WHERE id = ANY (ARRAY (SELECT id FROM (<page keys>) k))
/// ORDER BY due_on NULLS LAST, id`: the page found on the indexes alone, then its rows by
/// primary key, in one statement (one snapshot). Read whole while walking, a page of the
/// overdue orders of a province made the planner prefer fetching every overdue order in the
/// country and sorting them (6,000 heap pages at 10 M orders) over a walk that would fetch
/// each row it skips.
struct Rows<'a> {
    rows: diesel::dsl::Select<orders::table, diesel::dsl::AsSelect<OrderRow, diesel::pg::Pg>>,
    page: Page<'a>,
}

impl<'a> Rows<'a> {
    fn of(page: Page<'a>) -> Self {
        Self {
            rows: orders::table.select(OrderRow::as_select()),
            page,
        }
    }
}

impl diesel::query_builder::QueryId for Rows<'_> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for Rows<'_> {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> QueryResult<()> {
        diesel::query_builder::QueryFragment::<diesel::pg::Pg>::walk_ast(
            &self.rows,
            out.reborrow(),
        )?;
        out.push_sql(" WHERE \"orders\".\"id\" = ANY (ARRAY (SELECT k.id FROM (");
        self.page.walk_ast(out.reborrow())?;
        out.push_sql(") AS k (due_on, id))) ORDER BY \"orders\".\"due_on\" ASC NULLS LAST, \"orders\".\"id\" ASC");
        Ok(())
    }
}

impl diesel::query_builder::Query for Rows<'_> {
    type SqlType = diesel::dsl::SqlTypeOf<diesel::dsl::AsSelect<OrderRow, diesel::pg::Pg>>;
}

impl RunQueryDsl<PgConnection> for Rows<'_> {}

fn page<'a>(
    conn: &mut PgConnection,
    filter: &InboxFilter,
    cursor: Option<InboxCursor>,
    limit: i64,
) -> Result<Page<'a>, DbError> {
    // Only a subtree is made of units; an enterprise's or an association's orders are one
    // index range already.
    let units = match filter.scope {
        Scope::Subtree => narrow_units(conn, &filter.path)?,
        Scope::Business(_) | Scope::Mediator(_) => Vec::new(),
    };
    Ok(match units.as_slice() {
        [] => Page::Subtree(inbox_query(filter, cursor, limit)),
        [unit] => Page::Subtree(unit_query(filter, Some(unit), cursor, limit)),
        _ => Page::Units(Merged {
            units: units
                .iter()
                .map(|u| unit_query(filter, Some(u), cursor, limit))
                .collect(),
            limit,
        }),
    })
}

/// A subtree's orders by due date (undated last), after `cursor`.
///
/// A page of a wide subtree (a province, the country) walks `orders_due_idx` by due date and
/// keeps the subtree's rows: the walk is about `limit / share of the subtree` rows, whatever
/// the table's size. A narrow subtree (a county and its stations, a city: at most
/// [`MERGED_UNITS`] units) holds too small a share for that, and a path-prefix range of
/// `orders_inbox_due_idx` is not in due-date order once it spans several paths, so it would
/// read and sort every order the subtree ever held (10 M orders: 7,000 for 南山区, 10 times as
/// many as at 1 M). Instead each unit's orders are read in index order (`holder_path = unit`)
/// and merged, which costs the page plus one index descent per unit.
pub fn inbox(
    conn: &mut PgConnection,
    filter: &InboxFilter,
    cursor: Option<InboxCursor>,
    limit: i64,
) -> Result<Vec<OrderRow>, DbError> {
    let filter = &searchable(conn, filter)?;
    Ok(Rows::of(page(conn, filter, cursor, limit)?).load(conn)?)
}

/// The plan of [`inbox`], for tests that check which index it uses.
pub fn explain_inbox(
    conn: &mut PgConnection,
    filter: &InboxFilter,
    cursor: Option<InboxCursor>,
) -> Result<String, DbError> {
    let filter = &searchable(conn, filter)?;
    let lines: Vec<String> =
        crate::audit::Explain(Rows::of(page(conn, filter, cursor, 50)?)).load(conn)?;
    Ok(lines.join("\n"))
}

/// Open orders per state, and how many of each are past due on `today`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateCount {
    pub state: String,
    pub total: i64,
    pub overdue: i64,
}

type CountQuery<'a> = diesel::dsl::IntoBoxed<
    'a,
    diesel::dsl::Select<
        diesel::dsl::GroupBy<orders::table, orders::state>,
        (
            orders::state,
            diesel::dsl::count_star,
            diesel::expression::SqlLiteral<BigInt>,
        ),
    >,
    diesel::pg::Pg,
>;

fn count_query<'a>(filter: &InboxFilter, today: NaiveDate) -> CountQuery<'a> {
    let overdue = sql::<BigInt>(&format!(
        "count(*) FILTER (WHERE orders.due_on < DATE '{}')",
        today.format("%Y-%m-%d")
    ));
    let open = InboxFilter {
        states: Vec::new(),
        open_only: true,
        ..filter.clone()
    };
    filtered!(
        orders::table
            .group_by(orders::state)
            .select((orders::state, count_star(), overdue))
            .into_boxed(),
        &open
    )
}

/// Whether the running totals of `order_open_counts` answer a count with `filter`: a subtree,
/// optionally one kind, nothing else (its `states` are ignored by counts anyway).
fn totals_answer(filter: &InboxFilter) -> bool {
    let InboxFilter {
        path: _,
        scope,
        states: _,
        open_only: _,
        kind: _,
        category,
        overdue_on,
        due_between,
        handler,
        received_from,
        received_to,
        number_prefix,
        text,
        text_index: _,
    } = filter;
    *scope == Scope::Subtree
        && category.is_none()
        && overdue_on.is_none()
        && due_between.is_none()
        && handler.is_none()
        && received_from.is_none()
        && received_to.is_none()
        && number_prefix.is_none()
        && text.is_none()
}

#[derive(QueryableByName)]
struct Total {
    #[diesel(sql_type = diesel::sql_types::Text)]
    state: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The open orders of a subtree per state from the running totals (migration
/// `000033_open_counts`): the folded rows of its units plus the deltas not folded yet, in one
/// statement (one snapshot, so a fold running meanwhile is seen whole or not at all).
fn totals(conn: &mut PgConnection, filter: &InboxFilter) -> Result<Vec<Total>, DbError> {
    let kind = if filter.kind.is_some() {
        "AND kind = $2"
    } else {
        "AND $2::text IS NULL"
    };
    let sql = format!(
        "SELECT state, sum(n)::bigint AS n FROM (
             SELECT state, n FROM order_open_counts WHERE holder_path LIKE $1 {kind}
             UNION ALL
             SELECT state, n::bigint FROM order_open_count_deltas WHERE holder_path LIKE $1 {kind}
         ) t GROUP BY state HAVING sum(n) <> 0"
    );
    Ok(diesel::sql_query(sql)
        .bind::<diesel::sql_types::Text, _>(format!("{}%", like_escape(&filter.path)))
        .bind::<diesel::sql_types::Nullable<diesel::sql_types::Text>, _>(filter.kind.clone())
        .load(conn)?)
}

/// How many open orders match `filter` (its `states` ignored), per state, and how many of
/// them are past due on `today`.
///
/// For a subtree, optionally of one kind, the totals come from the running counts
/// (`order_open_counts`): at most 20 rows per unit, whatever the volume. The overdue part,
/// and every count with other filters, is one index-only pass over the matching open orders
/// (`orders_open_due_idx` or `orders_open_idx`, plus the appeals for `category` and `text`):
/// linear in those open orders, never in the subtree's history.
pub fn counts(
    conn: &mut PgConnection,
    filter: &InboxFilter,
    today: NaiveDate,
) -> Result<Vec<StateCount>, DbError> {
    if !totals_answer(filter) {
        let filter = &searchable(conn, filter)?;
        let rows: Vec<(String, i64, i64)> = count_query(filter, today).load(conn)?;
        return Ok(rows
            .into_iter()
            .map(|(state, total, overdue)| StateCount {
                state,
                total,
                overdue,
            })
            .collect());
    }
    // One snapshot for both parts, so that overdue never exceeds the total.
    conn.build_transaction()
        .read_only()
        .repeatable_read()
        .run(|conn| {
            let totals = totals(conn, filter)?;
            let overdue_filter = InboxFilter {
                overdue_on: Some(today),
                ..filter.clone()
            };
            let overdue: Vec<(String, i64, i64)> =
                count_query(&overdue_filter, today).load(conn)?;
            let mut counts: Vec<StateCount> = totals
                .into_iter()
                .map(|t| StateCount {
                    overdue: overdue
                        .iter()
                        .find(|(state, _, _)| *state == t.state)
                        .map_or(0, |(_, n, _)| *n),
                    state: t.state,
                    total: t.n,
                })
                .collect();
            counts.sort_by(|a, b| a.state.cmp(&b.state));
            Ok(counts)
        })
}

/// Folds the deltas of the open counts into their totals (every minute, by the server's
/// background job; any instance may, several at once are safe): the rows it deletes are the
/// rows it adds, in one transaction. Returns the (unit, state, kind) totals it changed.
pub fn fold_open_counts(conn: &mut PgConnection) -> Result<usize, DbError> {
    Ok(diesel::sql_query(
        "WITH folded AS (DELETE FROM order_open_count_deltas RETURNING holder_path, state, kind, n),
              summed AS (SELECT holder_path, state, kind, sum(n)::bigint AS n
                         FROM folded GROUP BY holder_path, state, kind)
         INSERT INTO order_open_counts (holder_path, state, kind, n)
         SELECT holder_path, state, kind, n FROM summed
         ON CONFLICT (holder_path, state, kind)
         DO UPDATE SET n = order_open_counts.n + excluded.n",
    )
    .execute(conn)?)
}

/// The plan of [`counts`].
pub fn explain_counts(
    conn: &mut PgConnection,
    filter: &InboxFilter,
    today: NaiveDate,
) -> Result<String, DbError> {
    let filter = &searchable(conn, filter)?;
    let lines: Vec<String> = crate::audit::Explain(count_query(filter, today)).load(conn)?;
    Ok(lines.join("\n"))
}

/// The filter of the supervision list: a subtree's open orders past due on `today`, oldest
/// due date first. (An `escalated` flag, when orders carry one, is one more field here.)
pub fn supervision_filter(path: String, today: NaiveDate) -> InboxFilter {
    InboxFilter {
        path,
        open_only: true,
        overdue_on: Some(today),
        ..InboxFilter::default()
    }
}

/// `(order_id, business_name, subject_category)`.
pub type AppealSummary = (i64, Option<String>, Option<String>);

/// What a list row shows from an order's appeal ([`AppealSummary`]) for these orders, by primary key (at most a page's rows). Read after
/// the page rather than joined into it, so the page's plan (and the index it walks) stays
/// exactly that of [`inbox`].
pub fn appeal_summaries(
    conn: &mut PgConnection,
    ids: &[i64],
) -> Result<Vec<AppealSummary>, DbError> {
    Ok(order_appeals::table
        .filter(order_appeals::order_id.eq_any(ids))
        .select((
            order_appeals::order_id,
            order_appeals::business_name,
            order_appeals::subject_category,
        ))
        .load(conn)?)
}

/// The names of these organisations, by id.
pub fn org_names(conn: &mut PgConnection, ids: &[i64]) -> Result<Vec<(i64, String)>, DbError> {
    Ok(organisations::table
        .filter(organisations::id.eq_any(ids))
        .select((organisations::id, organisations::name))
        .load(conn)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_through_their_token() {
        for c in [
            InboxCursor {
                due_on: NaiveDate::from_ymd_opt(2026, 12, 1),
                id: 123,
            },
            InboxCursor {
                due_on: None,
                id: 7,
            },
        ] {
            assert_eq!(InboxCursor::parse(&c.token()), Some(c));
        }
        for bad in [
            "",
            "x",
            "2026-12-01_1",
            "739586_",
            "-_x",
            "739586",
            "_1",
            "1_-1",
            "1_+1",
            "12345678_1",
            "1_1234567890123456789",
        ] {
            assert_eq!(InboxCursor::parse(bad), None, "{bad}");
        }
        // Every token of the documented pattern is a position, the extremes included.
        for good in [
            "0_0",
            "-_1",
            "9999999_999999999999999999",
            "0000001_000000000000000001",
        ] {
            assert!(InboxCursor::parse(good).is_some(), "{good}");
        }
    }

    #[test]
    fn the_open_states_are_the_domains() {
        assert_eq!(
            open_states_sql(),
            "orders.state IN ('received', 'with_enterprise', 'accepted', 'mediating', 'checking')"
        );
    }

    #[test]
    fn like_patterns_escape_their_wildcards() {
        assert_eq!(like_escape("50%_a\\b"), "50\\%\\_a\\\\b");
    }
}
