//! Row generator for `scripts/bench/seed-scale`: prints one table's rows of N synthetic work
//! orders in PostgreSQL's COPY text format on stdout, to be piped into `COPY … FROM STDIN`.
//!
//!   seed-scale-gen TABLE N REFS HOLIDAYS TODAY SEED [FIRST LAST]
//!
//! TABLE is orders, order_appeals, order_parties, order_events, attachments or
//! order_attachments; REFS the reference file the orchestrator wrote (counties with their
//! bureau, handler and weight; categories; consumer ids); HOLIDAYS api/db/data/holidays-cn.csv;
//! TODAY YYYY-MM-DD. Orders FIRST..=LAST (default 1..=N) are printed, so a table can be split
//! over several streams.
//!
//! Every table's generator derives the same order from (SEED, order id) alone: an order's
//! plan (kind, county, consumer, timeline, state, due date) is a pure function of its id, so
//! the six tables are generated independently and in parallel and still agree. Ids are
//! assigned in receipt order (received_on never decreases with the id), as intake does; event
//! ids are `order_id * 8 + seq`, attachment ids `order_id * 4 + position` (sparse: the
//! orchestrator moves the sequences past them).
//!
//! No dependencies: compiled with `rustc -O` by the orchestrator.

use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};

// ---------------------------------------------------------------------------------- random

#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64, id: u64, stream: u64) -> Self {
        let mut r = Rng(seed ^ id.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in 0..n.
    fn below(&mut self, n: u64) -> u64 {
        ((self.next() >> 32) * n) >> 32
    }
    /// Uniform in lo..=hi.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    /// True with probability p.
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

// ----------------------------------------------------------------------------------- dates

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn parse_date(s: &str) -> i64 {
    let p: Vec<i64> = s.trim().split('-').map(|x| x.parse().expect("date")).collect();
    days_from_civil(p[0], p[1], p[2])
}

fn date(out: &mut String, day: i64) {
    let (y, m, d) = civil_from_days(day);
    let _ = write!(out, "{y:04}-{m:02}-{d:02}");
}

/// A timestamp on `day` (China time) at `secs` seconds after midnight.
fn stamp(out: &mut String, day: i64, secs: i64) {
    date(out, day);
    let _ = write!(out, " {:02}:{:02}:{:02}+08", secs / 3600, secs / 60 % 60, secs % 60);
}

/// Working days from the holiday file: weekdays unless `off`, weekends if `work`. Years
/// the file does not cover count on weekdays and mark a due date provisional, as the
/// server does.
struct Calendar {
    first: i64,
    work: Vec<bool>,
    known_until: i64,
}

impl Calendar {
    fn load(path: &str, first: i64, last: i64) -> Self {
        let text = std::fs::read_to_string(path).expect("holiday file");
        let mut work: Vec<bool> = (first..=last)
            .map(|d| (d + 3).rem_euclid(7) < 5) // 1970-01-01 was a Thursday; Monday = 0
            .collect();
        let mut max_year = 0;
        for line in text.lines() {
            if line.starts_with('#') || line.starts_with("date") || line.trim().is_empty() {
                continue;
            }
            let mut f = line.split(',');
            let day = parse_date(f.next().unwrap());
            let kind = f.next().unwrap_or("");
            max_year = max_year.max(civil_from_days(day).0);
            if day >= first && day <= last {
                work[(day - first) as usize] = kind == "work";
            }
        }
        Calendar { first, work, known_until: days_from_civil(max_year + 1, 1, 1) }
    }
    fn is_work(&self, d: i64) -> bool {
        self.work[(d - self.first) as usize]
    }
    /// The `n`th working day after `start`, and whether it is provisional.
    fn add(&self, start: i64, n: i64) -> (i64, bool) {
        let mut d = start;
        let mut left = n;
        while left > 0 {
            d += 1;
            if self.is_work(d) {
                left -= 1;
            }
        }
        (d, d >= self.known_until)
    }
}

// ------------------------------------------------------------------------------- reference

struct County {
    code: String,
    name: String,
    bureau: i64,
    path: String,
    handler: i64,
}

struct Refs {
    counties: Vec<County>,
    /// Cumulative weights (population share of the county) for picking a county.
    cumulative: Vec<f64>,
    leaves: Vec<String>,
    problems: Vec<String>,
    consumer_first: i64,
    consumers: i64,
}

fn load_refs(path: &str) -> Refs {
    let text = std::fs::read_to_string(path).expect("refs file");
    let mut r = Refs {
        counties: Vec::new(),
        cumulative: Vec::new(),
        leaves: Vec::new(),
        problems: Vec::new(),
        consumer_first: 0,
        consumers: 0,
    };
    let mut total = 0.0;
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match f[0] {
            "county" => {
                total += f[7].parse::<f64>().unwrap();
                r.cumulative.push(total);
                r.counties.push(County {
                    code: f[1].into(),
                    name: f[2].into(),
                    bureau: f[4].parse().unwrap(),
                    path: f[5].into(),
                    handler: f[6].parse().unwrap(),
                });
            }
            "leaf" => r.leaves.push(f[1].into()),
            "problem" => r.problems.push(f[1].into()),
            "consumers" => {
                r.consumer_first = f[1].parse().unwrap();
                r.consumers = f[2].parse().unwrap();
            }
            _ => {}
        }
    }
    for c in &mut r.cumulative {
        *c /= total;
    }
    r
}

impl Refs {
    fn county(&self, rng: &mut Rng) -> usize {
        let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
        self.cumulative.partition_point(|&c| c < x).min(self.counties.len() - 1)
    }
}

// ------------------------------------------------------------------------------ word lists

const SHOP_WORDS: [&str; 40] = [
    "华润", "鑫源", "恒达", "佳美", "金鼎", "宏发", "瑞丰", "天成", "百盛", "永辉", "新世纪",
    "东方", "锦程", "万家", "福满", "安和", "家和", "盛世", "鸿运", "明珠", "泰康", "顺心",
    "德润", "汇丰源", "长青", "星河", "云帆", "和美", "嘉禾", "鼎盛", "优品", "乐购", "同心",
    "惠民", "誉丰", "晨光", "君悦", "新纪元", "祥瑞", "聚宝",
];
const SHOP_TYPES: [&str; 24] = [
    "电器商行", "家电城", "数码通讯店", "餐饮店", "火锅店", "健身会所", "美容美发店", "教育培训中心",
    "汽车销售服务有限公司", "超市", "便利店", "家具城", "装饰工程有限公司", "旅行社", "眼镜店",
    "药店", "母婴用品店", "服装店", "珠宝金行", "房地产经纪有限公司", "物业服务有限公司",
    "电子商务有限公司", "网络科技有限公司", "洗衣店",
];
const ITEMS: [(&str, &str, i64, i64); 24] = [
    ("变频空调", "G0101", 180_000, 900_000),
    ("滚筒洗衣机", "G0101", 150_000, 600_000),
    ("智能手机", "G0102", 100_000, 1_200_000),
    ("蓝牙耳机", "G0102", 10_000, 200_000),
    ("电饭煲", "G0103", 20_000, 120_000),
    ("羽绒服", "G0201", 30_000, 300_000),
    ("运动鞋", "G0202", 20_000, 150_000),
    ("进口奶粉", "G0304", 20_000, 100_000),
    ("预包装月饼", "G0301", 5_000, 60_000),
    ("保健品", "G0303", 20_000, 800_000),
    ("新能源汽车", "G0401", 8_000_000, 30_000_000),
    ("电动自行车", "G0402", 150_000, 500_000),
    ("面霜", "G0501", 10_000, 200_000),
    ("实木沙发", "G0503", 300_000, 2_000_000),
    ("黄金手镯", "G0601", 200_000, 3_000_000),
    ("全屋装修", "G0702", 3_000_000, 20_000_000),
    ("健身年卡", "S", 200_000, 800_000),
    ("美容套餐", "S", 50_000, 2_000_000),
    ("少儿编程课程", "S", 300_000, 2_500_000),
    ("婚宴套餐", "S", 1_000_000, 8_000_000),
    ("跟团游", "S", 200_000, 1_500_000),
    ("宽带套餐", "S", 10_000, 300_000),
    ("外卖餐品", "S", 2_000, 30_000),
    ("二手房中介服务", "S", 1_000_000, 10_000_000),
];
const PROBLEMS: [(&str, &str); 16] = [
    ("使用不到一个月即出现故障，多次维修仍未修好", "P01"),
    ("收到后发现有明显质量问题，不制冷也不制热", "P01"),
    ("产品存在安全隐患，充电时发热冒烟", "P02"),
    ("结账时实际收费高于标价", "P03"),
    ("称重缺斤短两，实际重量明显不足", "P04"),
    ("怀疑所售商品为假冒品牌", "P05"),
    ("商家单方面变更合同约定的服务内容", "P06"),
    ("预付卡余额无法使用，门店已停业", "P06"),
    ("宣传中承诺的功效与实际严重不符", "P07"),
    ("店员态度恶劣并当众辱骂", "P08"),
    ("申请七天无理由退货被拒绝", "P09"),
    ("售后电话长期无人接听，维修一拖再拖", "P09"),
    ("包装上的生产日期被涂改", "P05"),
    ("课程未上满即更换老师且课时缩水", "P06"),
    ("交付时间一再推迟且不作任何说明", "P06"),
    ("擅自开通收费业务并持续扣费", "P10"),
];
const NEGOTIATION: [&str; 6] = [
    "多次与商家协商无果",
    "商家承诺处理后再无回应",
    "客服以各种理由推脱",
    "门店负责人拒绝见面",
    "平台客服介入后仍未解决",
    "商家只同意维修不同意退换",
];
const REQUESTS: [&str; 6] = [
    "要求退货退款并赔偿损失。",
    "要求按合同约定履行义务。",
    "要求退还剩余费用。",
    "要求更换同型号新品。",
    "要求赔礼道歉并退还多收款项。",
    "要求依法给予三倍赔偿。",
];
const REPORT_FACTS: [&str; 6] = [
    "发现该经营者销售过期食品，货架上多件商品已超过保质期。",
    "该店无证经营，且长期占用人行道摆放商品。",
    "该经营者在网店宣传中使用“国家级”“最高级”等用语。",
    "该店销售的电动自行车未取得强制性产品认证。",
    "该药店在无处方的情况下销售处方药。",
    "该经营者使用未经检定的计量器具。",
];
const QUESTIONS: [&str; 6] = [
    "请问网购商品七天无理由退货的运费由谁承担？",
    "请问预付卡办理后商家转让门店，余额如何处理？",
    "请问个体工商户营业执照如何办理变更登记？",
    "请问食品标签缺少生产日期是否违法？",
    "请问购买的商品房面积缩水应向哪个部门反映？",
    "请问商家拒绝开具发票应如何处理？",
];
const FILE_NAMES: [(&str, &str); 5] = [
    ("购物小票.jpg", "image/jpeg"),
    ("商品照片.jpg", "image/jpeg"),
    ("聊天记录截图.png", "image/png"),
    ("合同.pdf", "application/pdf"),
    ("付款凭证.png", "image/png"),
];
const TERMINATION: [&str; 3] = ["withdrawn_or_self_settled", "party_refused", "no_agreement_possible"];
const NOT_ACCEPTED: [&str; 5] =
    ["outside_remit", "handled_elsewhere", "not_consumer_dispute", "time_barred", "materials_missing"];

// ------------------------------------------------------------------------------------ plan

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Complaint,
    Report,
    Consultation,
}

struct Event {
    day: i64,
    command: &'static str,
    from: Option<&'static str>,
    to: &'static str,
    public: bool,
    staff: bool,
    data: String,
}

/// One work order, as every table's generator sees it.
struct Plan {
    id: i64,
    kind: Kind,
    county: usize,
    received: i64,
    secs: i64,
    consumer: i64,
    anonymous: bool,
    state: &'static str,
    detail: Option<String>,
    conclusion: Option<String>,
    clock_start: i64,
    due: Option<(i64, bool)>,
    accepted_on: Option<i64>,
    handler: bool,
    events: Vec<Event>,
    attachments: i64,
    updated: i64,
}

struct World {
    refs: Refs,
    cal: Calendar,
    today: i64,
    seed: u64,
    order121: i64,
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Complaint => "complaint",
        Kind::Report => "report",
        Kind::Consultation => "consultation",
    }
}

impl World {
    fn plan(&self, id: i64, received: i64) -> Plan {
        let mut r = Rng::new(self.seed, id as u64, 1);
        let k = r.below(100);
        let kind = if k < 47 {
            Kind::Complaint
        } else if k < 61 {
            Kind::Report
        } else {
            Kind::Consultation
        };
        let county = self.refs.county(&mut r);
        // Consumers file a few orders each: a skewed pick (some file many).
        let c = if r.chance(0.2) {
            r.below((self.refs.consumers as u64 / 50).max(1))
        } else {
            r.below(self.refs.consumers as u64)
        };
        let consumer = self.refs.consumer_first + c as i64;
        let anonymous = kind == Kind::Report && r.chance(0.3);
        let secs = r.range(7 * 3600, 23 * 3600);
        let mut p = Plan {
            id,
            kind,
            county,
            received,
            secs,
            consumer,
            anonymous,
            state: "received",
            detail: None,
            conclusion: None,
            clock_start: received,
            due: None,
            accepted_on: None,
            handler: false,
            events: Vec::with_capacity(6),
            attachments: 0,
            updated: received,
        };
        let holder = self.refs.counties[county].bureau;
        p.events.push(Event {
            day: received,
            command: "received",
            from: None,
            to: "received",
            public: true,
            staff: false,
            data: format!(
                "{{\"holder_org_id\": {holder}, \"routing_rule\": \"place_of_business\", \"routing_intended\": null}}"
            ),
        });
        let cal = &self.cal;
        // The timeline, then cut at today.
        let mut t: Vec<(i64, &'static str, &'static str, Option<String>, Option<String>, bool)> = Vec::new();
        // (day, command, to_state, detail, conclusion, staff_only)
        match kind {
            Kind::Complaint => {
                t.push((received + r.range(0, 1), "assign_handler", "received", None, None, true));
                let late = r.chance(0.03);
                let decide = cal.add(received, if late { r.range(8, 14) } else { r.range(1, 7) }).0;
                let o = r.below(100);
                if o < 22 {
                    let g = r.pick(&NOT_ACCEPTED);
                    t.push((decide, "not_accept", "concluded", None,
                            Some(format!("{{\"outcome\": \"not_accepted\", \"ground\": \"{g}\"}}")), false));
                } else if o < 27 {
                    t.push((received + r.range(1, 20), "withdraw", "concluded", None,
                            Some("{\"outcome\": \"withdrawn\"}".into()), false));
                } else {
                    t.push((decide, "accept", "accepted", None, None, false));
                    let consent = decide + r.range(1, 6);
                    t.push((consent, "record_consent", "accepted", None, None, false));
                    t.push((consent + r.range(0, 3), "record_consent", "mediating", None, None, false));
                    let late = r.chance(0.04);
                    let end = decide + if late { r.range(61, 80) } else { r.range(8, 58) };
                    if r.chance(0.72) {
                        let fen = r.range(5_000, 2_000_000);
                        t.push((end, "settle", "concluded", None,
                                Some(format!("{{\"outcome\": \"settled\", \"recovered_fen\": {fen}, \"by_enterprise\": false}}")), false));
                    } else {
                        let why = r.pick(&TERMINATION);
                        t.push((end, "terminate", "concluded", None,
                                Some(format!("{{\"outcome\": \"terminated\", \"reason\": \"{why}\"}}")), false));
                    }
                }
            }
            Kind::Report => {
                t.push((received + r.range(0, 1), "assign_handler", "received", None, None, true));
                let accept = cal.add(received, r.range(1, 5)).0;
                t.push((accept, "accept", "checking", Some("{\"extended\": false}".into()), None, false));
                let extended = r.chance(0.1);
                if extended {
                    t.push((cal.add(received, 13).0, "extend_check", "checking", Some("{\"extended\": true}".into()), None, true));
                }
                let late = r.chance(0.03);
                let limit = if extended { 30 } else { 15 };
                let done = cal.add(received, if late { limit + r.range(1, 8) } else { r.range(6, limit) }).0;
                let d = if r.chance(0.15) { "case_opened" } else { "no_case" };
                t.push((done, "decide_report", "concluded", None,
                        Some(format!("{{\"outcome\": \"checked\", \"decision\": \"{d}\"}}")), false));
            }
            Kind::Consultation => {
                let days = if r.chance(0.97) { r.range(0, 3) } else { r.range(4, 12) };
                t.push((received + days, "answer", "concluded", None,
                        Some("{\"outcome\": \"answered\"}".into()), false));
            }
        }
        // Archived after the leader's review (most), a few days after the conclusion.
        if let Some(&(end, _, _, _, ref c, _)) = t.last() {
            if r.chance(0.95) {
                t.push((end + r.range(1, 10), "archive", "archived", None, c.clone(), false));
            }
        }
        let mut state = "received";
        for (day, command, to, detail, conclusion, staff) in t {
            if day > self.today {
                break;
            }
            if command == "assign_handler" {
                p.handler = true;
            }
            if command == "accept" {
                p.accepted_on = Some(day);
            }
            if detail.is_some() || to != state {
                p.detail = detail;
            }
            if conclusion.is_some() {
                p.conclusion = conclusion;
            }
            p.events.push(Event {
                day,
                command,
                from: Some(state),
                to,
                public: !staff,
                staff,
                data: "{}".into(),
            });
            state = to;
            p.updated = day;
        }
        p.state = state;
        if state != "checking" && state != "with_enterprise" {
            p.detail = None;
        }
        // The running period's due date, as workflow::deadlines computes it.
        p.due = match (state, kind) {
            ("received", Kind::Complaint) => Some(cal.add(received, 7)),
            ("received", Kind::Report) => Some(cal.add(received, 15)),
            ("checking", _) => {
                let ext = p.detail.as_deref() == Some("{\"extended\": true}");
                Some(cal.add(received, if ext { 30 } else { 15 }))
            }
            ("accepted" | "mediating", _) => {
                let a = p.accepted_on.unwrap_or(received);
                if a >= self.order121 { Some((a + 60, false)) } else { Some(cal.add(a, 45)) }
            }
            _ => None,
        };
        p.attachments = match kind {
            Kind::Complaint if r.chance(0.4) => r.range(1, 3),
            Kind::Report if r.chance(0.3) => r.range(1, 2),
            _ => 0,
        };
        p
    }
}

// ------------------------------------------------------------------------------------ rows

fn opt(out: &mut String, v: Option<&str>) {
    match v {
        Some(s) => out.push_str(s),
        None => out.push_str("\\N"),
    }
}

fn order_row(w: &World, p: &Plan, out: &mut String) {
    let c = &w.refs.counties[p.county];
    let rules = if p.received >= w.order121 { "order121" } else { "interim2019" };
    let (y, m, d) = civil_from_days(p.received);
    let _ = write!(out, "{}\tWQ{y:04}{m:02}{d:02}{:06}\t{}\t{rules}\t{}\t", p.id, p.id, kind_name(p.kind), p.state);
    opt(out, p.detail.as_deref());
    out.push('\t');
    opt(out, p.conclusion.as_deref());
    out.push('\t');
    date(out, p.received);
    out.push('\t');
    date(out, p.clock_start);
    out.push('\t');
    match p.due {
        Some((due, prov)) => {
            date(out, due);
            out.push_str(if prov { "\tt\t" } else { "\tf\t" });
        }
        None => out.push_str("\\N\tf\t"),
    }
    if p.anonymous {
        out.push_str("\\N");
    } else {
        let _ = write!(out, "{}", p.consumer);
    }
    let _ = write!(out, "\t{}\t{}\t{}\t", p.consumer, c.bureau, c.path);
    if p.handler {
        let _ = write!(out, "{}", c.handler);
    } else {
        out.push_str("\\N");
    }
    // sender, referral, business, business_odr, mediator
    out.push_str("\t\\N\t\\N\t\\N\tf\t\\N\t");
    let consent = if p.events.iter().filter(|e| e.command == "record_consent").count() >= 2 {
        "{\"consumer\": true, \"business\": true}"
    } else if p.events.iter().any(|e| e.command == "record_consent") {
        "{\"consumer\": true, \"business\": null}"
    } else {
        "{\"consumer\": null, \"business\": null}"
    };
    out.push_str(consent);
    out.push('\t');
    match p.accepted_on {
        Some(a) => date(out, a),
        None => out.push_str("\\N"),
    }
    // clue, pauses, rating, routing_rule, routing_intended, linked_order_id, version
    let _ = write!(out, "\t\\N\t[]\t\\N\tplace_of_business\t\\N\t\\N\t{}\t", p.events.len());
    stamp(out, p.received, p.secs);
    out.push('\t');
    stamp(out, p.updated, if p.updated == p.received { p.secs } else { 10 * 3600 });
    out.push('\t');
    // Escalated: open, past due (the overdue job ran the day after).
    match p.due {
        Some((due, _)) if due < w.today => {
            stamp(out, due + 1, 2 * 3600);
            out.push('\t');
            date(out, due);
        }
        _ => out.push_str("\\N\t\\N"),
    }
    out.push('\n');
}

fn appeal_row(w: &World, p: &Plan, out: &mut String) {
    let mut r = Rng::new(w.seed, p.id as u64, 2);
    let c = &w.refs.counties[p.county];
    let shop = format!("{}{}{}", c.name, r.pick(&SHOP_WORDS), r.pick(&SHOP_TYPES));
    let item = *r.pick(&ITEMS);
    let problem = *r.pick(&PROBLEMS);
    let online = r.chance(0.4);
    let _ = write!(out, "{}\t", p.id);
    match p.kind {
        Kind::Complaint | Kind::Report => out.push_str(&shop),
        Kind::Consultation => out.push_str("\\N"),
    }
    out.push('\t');
    out.push_str("\\N\t"); // credit_code
    match p.kind {
        Kind::Consultation => out.push_str("\\N\t\\N\t\\N\t"),
        _ => {
            let _ = write!(out, "{}\t{}{}路{}号\t{}\t", c.code, c.name, r.pick(&SHOP_WORDS),
                           r.range(1, 999), if online { "ecommerce_operator" } else { "offline" });
        }
    }
    out.push_str("\\N\t\\N\t\\N\t"); // platform, platform_division, conduct_division
    match p.kind {
        Kind::Complaint => {
            let (m, d) = (civil_from_days(p.received).1, civil_from_days(p.received).2);
            let amount = r.range(item.2, item.3);
            let bought = p.received - r.range(1, 90);
            let _ = write!(out, "{}\t", item.0);
            date(out, bought);
            let _ = write!(
                out,
                "\t{amount}\t{}\t本人于{m}月{d}日前在该{}消费，购买{}（订单尾号{:04}），{}。{}，现投诉，请依法处理。\t\\N\t",
                r.pick(&REQUESTS),
                if online { "网店" } else { "店" },
                item.0,
                r.below(10_000),
                problem.0,
                r.pick(&NEGOTIATION),
            );
            let leaf = if item.1 == "S" {
                w.refs.leaves.iter().filter(|l| l.starts_with('S')).nth(r.below(8) as usize)
                    .cloned().unwrap_or_else(|| w.refs.leaves[0].clone())
            } else {
                item.1.to_string()
            };
            let _ = write!(out, "{leaf}\t{}\n", problem.1);
        }
        Kind::Report => {
            let _ = write!(out, "\\N\t\\N\t\\N\t\\N\t{}线索编号{:05}。\t\\N\t", r.pick(&REPORT_FACTS), r.below(100_000));
            if r.chance(0.5) {
                out.push_str(r.pick(&w.refs.leaves[..]).as_str());
            } else {
                out.push_str("\\N");
            }
            let _ = write!(out, "\t{}\n", r.pick(w.refs.problems.as_slice()));
        }
        Kind::Consultation => {
            let _ = write!(out, "\\N\t\\N\t\\N\t\\N\t{}（{}）\t\\N\t\\N\t\\N\n", r.pick(&QUESTIONS), c.name);
        }
    }
}

fn phone(w: &World, consumer: i64) -> String {
    format!("15{:09}", consumer - w.refs.consumer_first + 1)
}

fn party_row(w: &World, p: &Plan, out: &mut String) {
    if p.anonymous {
        let _ = writeln!(out, "{}\tt\t\\N\t\\N\t\\N\t\\N\t\\N", p.id);
    } else {
        let j = p.consumer - w.refs.consumer_first + 1;
        let _ = writeln!(out, "{}\tf\t{}\t压测用户{j}\t{}\t\\N\t\\N", p.id, p.consumer, phone(w, p.consumer));
    }
}

fn event_rows(w: &World, p: &Plan, out: &mut String) {
    let c = &w.refs.counties[p.county];
    for (i, e) in p.events.iter().enumerate() {
        let seq = i as i64 + 1;
        let _ = write!(out, "{}\t{}\t{seq}\t", p.id * 8 + seq, p.id);
        let secs = if i == 0 { p.secs } else { (9 * 3600 + seq * 1800).min(86_000) };
        stamp(out, e.day, secs);
        if i == 0 {
            if p.anonymous {
                out.push_str("\tanonymous\t\\N\t\\N\t");
            } else {
                let _ = write!(out, "\tconsumer\t{}\t\\N\t", p.consumer);
            }
        } else if e.command == "withdraw" || (e.command == "record_consent" && seq % 2 == 0) {
            let _ = write!(out, "\tconsumer\t{}\t\\N\t", p.consumer);
        } else {
            let _ = write!(out, "\tmember\t{}\t{}\t", c.handler, c.bureau);
        }
        out.push_str(e.command);
        out.push('\t');
        opt(out, e.from);
        let _ = writeln!(out, "\t{}\t{}\t\\N\t{}", e.to, if e.public && !e.staff { "t" } else { "f" }, e.data);
    }
}

fn attachment_rows(w: &World, p: &Plan, out: &mut String) {
    let mut r = Rng::new(w.seed, p.id as u64, 3);
    for pos in 0..p.attachments {
        let (name, media) = *r.pick(&FILE_NAMES);
        let _ = write!(out, "{}\t{:016x}{:016x}{:016x}{:016x}\t{media}\t{}\t{name}\t{}\t", p.id * 4 + pos, r.next(), r.next(), r.next(), r.next(), r.range(40_000, 6_000_000), p.consumer);
        stamp(out, p.received, p.secs);
        out.push('\t');
        stamp(out, p.received, (p.secs - 300 + pos * 20).max(0));
        out.push('\n');
    }
}

fn order_attachment_rows(p: &Plan, out: &mut String) {
    for pos in 0..p.attachments {
        let _ = writeln!(out, "{}\t{}\t{pos}", p.id, p.id * 4 + pos);
    }
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 7 {
        eprintln!("usage: seed-scale-gen TABLE N REFS HOLIDAYS TODAY SEED [FIRST LAST] [DAYS]");
        std::process::exit(2);
    }
    let table = a[1].as_str();
    let n: i64 = a[2].parse().expect("N");
    let today = parse_date(&a[5]);
    let days: i64 = a.get(9).map_or(365, |d| d.parse().expect("DAYS"));
    let first: i64 = a.get(7).map_or(1, |x| x.parse().expect("FIRST"));
    let last: i64 = a.get(8).map_or(n, |x| x.parse().expect("LAST"));
    let w = World {
        refs: load_refs(&a[3]),
        cal: Calendar::load(&a[4], today - days - 10, today + 200),
        today,
        seed: a[6].parse().expect("SEED"),
        order121: days_from_civil(2026, 4, 15),
    };
    // Receipt day by rank: cumulative volume over the days (weekends at 60%).
    let start = today - days + 1;
    let weights: Vec<f64> = (start..=today)
        .map(|d| if (d + 3).rem_euclid(7) < 5 { 1.0 } else { 0.6 })
        .collect();
    let total: f64 = weights.iter().sum();
    let mut bounds = Vec::with_capacity(weights.len());
    let mut acc = 0.0;
    for wt in &weights {
        acc += wt;
        bounds.push(((acc / total) * n as f64).round() as i64);
    }
    let day_of = |id: i64| -> i64 {
        let rank = id - 1;
        start + bounds.partition_point(|&b| b <= rank) as i64
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    let mut buf = String::with_capacity(1 << 16);
    for id in first..=last {
        let p = w.plan(id, day_of(id).min(today));
        match table {
            "orders" => order_row(&w, &p, &mut buf),
            "order_appeals" => appeal_row(&w, &p, &mut buf),
            "order_parties" => party_row(&w, &p, &mut buf),
            "order_events" => event_rows(&w, &p, &mut buf),
            "attachments" => attachment_rows(&w, &p, &mut buf),
            "order_attachments" => order_attachment_rows(&p, &mut buf),
            _ => {
                eprintln!("unknown table {table}");
                std::process::exit(2);
            }
        }
        if buf.len() > 60_000 {
            if out.write_all(buf.as_bytes()).is_err() {
                std::process::exit(1);
            }
            buf.clear();
        }
    }
    if out.write_all(buf.as_bytes()).is_err() || out.flush().is_err() {
        std::process::exit(1);
    }
}
