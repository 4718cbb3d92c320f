//! A fake ABRA Flexi "world": a company (`demo`) with an address book,
//! a price list, issued invoices and their lines, generated from the
//! vendor's metadata and kept changing through a change log — the test
//! double for mirroring Flexi evidences through the Changes API (an
//! initial export with `add-global-version`, then polling `changes.json`
//! and fetching the changed records).
//!
//! The fake shares no code with the client it tests: it reads the element
//! tables of the committed `schemas/flexi/{adresar,cenik,faktura-vydana,
//! faktura-vydana-polozka}.toml` with the `toml` crate into its own small
//! structs, and builds its JSON with `serde_json` by its own rules.
//!
//! Where each shape comes from:
//!
//! - **Records** follow `tests/fixtures/flexi/faktura-vydana.json` (a
//!   captured export): every scalar is a JSON string (`"12"`, `"1234.50"`,
//!   `"true"`); dates `"2024-08-20+02:00"`; datetimes
//!   `"2024-08-20T08:59:21.655+02:00"`; `external-ids` an array of
//!   `"code:…"`/`"ext:…"` ids; a relation is `"firma": "code:ADR0001"`
//!   with `"firma@ref"` and `"firma@showAs"` beside it; an enumeration
//!   (`zamekK`) carries `@showAs` too (its labels are the fixture's where it
//!   has them, else the value's last part); an unset string or relation is
//!   sometimes `""` (the fixture's `"popis": ""`, `"cenik": ""`,
//!   `"stavUhrK": ""`) and sometimes absent; invoice lines carry no `code:`
//!   id (`"external-ids": []`) and their `kod` is the product's code, as in
//!   the fixture. `@ref` ends in `.json`, as in JSON exports captured from
//!   public Flexi servers (`"typAkt@ref": "/c/rezervace1/typ-aktivity/1.json"`,
//!   `"firma@ref": "/c/anela/adresar/1152.json"`; the project's fixture has
//!   `.xml` there); users are `"code:admin"` shown as `"admin"` (the same
//!   capture). Decimals are written with exactly their metadata `scale`
//!   (`"1210.00"`; no scale in the metadata: 2) — the fixture and public
//!   captures show Flexi trimming trailing zeros (`"1210.0"`); a client must
//!   read both.
//! - **Listings** follow ABRA Flexi's REST documentation: the `winstrom`
//!   envelope with `@version`, the evidence's records in an array, `start`,
//!   `limit` (default 20, `0` for all), `detail` (`full`, `id`, `summary` —
//!   the default — and `custom:a,b`), `add-row-count=true` → `@rowCount`,
//!   `add-global-version=true` → `@globalVersion`, `order=id` (without it,
//!   newest first: the documentation promises no order), filters in the path
//!   (`/c/demo/adresar/(id > 10).json`, `(id in (1,2,3))`, joined by `and`).
//! - **The changes listing** follows `/work/shared/SEEDS.md` section 003
//!   and `tests/fixtures/flexi/changes.json` / `changes.hook.json`: each
//!   change `{"@evidence", "@in-version", "@operation", "@timestamp", "id",
//!   "external-ids"}`, timestamps without a zone and with 1 to 6 fraction
//!   digits (`"2021-03-12 23:59:52.11093"`), `@globalVersion` = the latest
//!   change (inclusive), `next` = the version of the first change not
//!   listed or `"none"`; `start` inclusive, `limit` default 100, at most
//!   1000; `records=`/`evidence=` (repeatable) select evidences. Versions
//!   ascend with gaps; an invoice's creation is logged before its lines'
//!   (the hook capture), its deletion after theirs; adding or deleting a
//!   line of an existing invoice also logs an update of the invoice (its
//!   `lastUpdate` and `updatedBy` move; the sums are not recomputed).
//!
//! The data: ids ascend per evidence in creation order and are never
//! reused; codes `ADR0001`, `CEN0001`, `VF1-0001/2026` are unique per
//! evidence; each record has every element of its table with `out = true`
//! and a scalar, relation or `external-ids` type (`many`, `one`, `any` are
//! left out), optional ones unset with a probability of 15 %; values keep
//! the metadata's `length`, `values`, `precision` and `scale`. Relations to
//! this world point at existing records (an invoice's `firma`, a line's
//! `doklFak` and `cenik` always; `dodavatel`, `vyrobce` sometimes); those
//! to other evidences take a few fixed codes with fixed ids (`code:CZK`,
//! `/c/demo/mena/31.json`). The names of addresses and products never
//! change, so the `@showAs` of relations to them stays true.
//! - **Errors and login** are those of [`crate::flexi`]: basic auth or an
//!   `authSessionId` from `/login-logout/login.json` ([`crate::flexi::USER`],
//!   [`crate::flexi::PASSWORD`]); a `winstrom` message with `success`
//!   `"false"` (401, 404 for an unknown firm, evidence or record, 406 for a
//!   format other than JSON, 400 for a filter the fake does not read).
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use elementa_fakes::flexi_world::{FakeFlexiWorld, WorldConfig};
//!
//! let world = FakeFlexiWorld::start(WorldConfig {
//!     seed: 7,
//!     addresses: 5,
//!     products: 3,
//!     invoices: 4,
//!     ..WorldConfig::default()
//! })
//! .await?;
//! assert_eq!(world.records("adresar").len(), 5);
//! assert_eq!(world.global_version(), world.log().last().map_or(0, |c| c.version));
//! # Ok(()) }
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{RngExt, SeedableRng};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::flexi::{authorised_by, envelope, login_answer, message};
use crate::{Running, answer, every, get, lock, pairs, percent_decode};

/// The evidences the world serves, in the order they are generated.
pub const EVIDENCES: [&str; 4] = [
    "adresar",
    "cenik",
    "faktura-vydana",
    "faktura-vydana-polozka",
];

/// The only company.
const FIRM: &str = "demo";
/// Percent of optional elements left unset in a new record or an update.
const UNSET_PERCENT: u32 = 15;
/// Strings without a length in the metadata are at most this long.
const FREE_TEXT_CHARS: usize = 120;
/// The changes listing's default and largest page.
const CHANGES_DEFAULT: usize = 100;
const CHANGES_MAX: usize = 1000;
/// The clock's start: 2026-01-05 07:30 local time, in microseconds.
const CLOCK_START_DAYS: i64 = 20_458;
const MICROS_PER_DAY: i64 = 86_400_000_000;

/// Sizes and behaviour of a world; a seed reproduces it (within one version
/// of the `rand` crate).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorldConfig {
    /// The generator's seed.
    pub seed: u64,
    /// Address-book entries created initially (`ADR0001` …).
    pub addresses: usize,
    /// Price-list entries created initially (`CEN0001` …).
    pub products: usize,
    /// Issued invoices created initially (`VF1-0001/2026` …).
    pub invoices: usize,
    /// Each invoice gets 1..=`max_lines` lines (none when 0).
    pub max_lines: usize,
    /// Mutations applied before answering each changes request (an
    /// inclusive range), while automatic mutations are on.
    pub mutations_per_poll: (usize, usize),
    /// Every this many requests (of any kind) first applies one mutation,
    /// while automatic mutations are on: changes during the initial load.
    /// `0`: never.
    pub mutate_every_requests: u64,
    /// Version gaps: the next version is the last + 1 + a random
    /// `0..=max_gap`.
    pub max_gap: u64,
}

impl Default for WorldConfig {
    /// 300 addresses, 100 products, 400 invoices of 1 to 4 lines, 0 to 5
    /// mutations per changes request, none per request, gaps up to 3.
    fn default() -> Self {
        WorldConfig {
            seed: 2026,
            addresses: 300,
            products: 100,
            invoices: 400,
            max_lines: 4,
            mutations_per_poll: (0, 5),
            mutate_every_requests: 0,
            max_gap: 3,
        }
    }
}

/// One entry of the change log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedChange {
    /// The change's version (`@in-version`).
    pub version: u64,
    /// The evidence (`@evidence`).
    pub evidence: String,
    /// `create`, `update` or `delete` (`@operation`).
    pub operation: String,
    /// The record's numeric id.
    pub id: i64,
}

/// What the world saw and did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// HTTP requests of any kind.
    pub requests: u64,
    /// Login requests.
    pub logins: u64,
    /// Listings and one-record requests answered with records.
    pub listings: u64,
    /// Changes requests answered.
    pub changes_requests: u64,
    /// Records served by listings and one-record requests.
    pub records_served: u64,
    /// Changes served by changes listings.
    pub changes_served: u64,
    /// Mutations applied (automatic and through [`FakeFlexiWorld::mutate`]).
    pub mutations: u64,
    /// Answers 404 to a record that does not exist (any more).
    pub not_found: u64,
}

// ---------------------------------------------------------------------------
// The metadata.

/// The evidences of this world.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Ev {
    Adresar,
    Cenik,
    Faktura,
    Polozka,
}

impl Ev {
    const ALL: [Ev; 4] = [Ev::Adresar, Ev::Cenik, Ev::Faktura, Ev::Polozka];

    fn name(self) -> &'static str {
        match self {
            Ev::Adresar => "adresar",
            Ev::Cenik => "cenik",
            Ev::Faktura => "faktura-vydana",
            Ev::Polozka => "faktura-vydana-polozka",
        }
    }

    fn from_name(name: &str) -> Option<Ev> {
        Ev::ALL.into_iter().find(|ev| ev.name() == name)
    }

    fn schema_text(self) -> &'static str {
        match self {
            Ev::Adresar => include_str!("../../../schemas/flexi/adresar.toml"),
            Ev::Cenik => include_str!("../../../schemas/flexi/cenik.toml"),
            Ev::Faktura => include_str!("../../../schemas/flexi/faktura-vydana.toml"),
            Ev::Polozka => include_str!("../../../schemas/flexi/faktura-vydana-polozka.toml"),
        }
    }
}

/// One value per evidence.
#[derive(Debug, Clone, Default)]
struct PerEv<T> {
    adresar: T,
    cenik: T,
    faktura: T,
    polozka: T,
}

impl<T> PerEv<T> {
    fn get(&self, ev: Ev) -> &T {
        match ev {
            Ev::Adresar => &self.adresar,
            Ev::Cenik => &self.cenik,
            Ev::Faktura => &self.faktura,
            Ev::Polozka => &self.polozka,
        }
    }

    fn get_mut(&mut self, ev: Ev) -> &mut T {
        match ev {
            Ev::Adresar => &mut self.adresar,
            Ev::Cenik => &mut self.cenik,
            Ev::Faktura => &mut self.faktura,
            Ev::Polozka => &mut self.polozka,
        }
    }
}

/// A schema file, as far as this fake reads it.
#[derive(Debug, Deserialize)]
struct SchemaFile {
    #[serde(default)]
    element: Vec<RawElement>,
}

/// An `[[element]]` of a schema file; other keys are ignored.
#[derive(Debug, Deserialize)]
struct RawElement {
    wire: String,
    #[serde(rename = "type")]
    kind: String,
    length: Option<usize>,
    precision: Option<u32>,
    scale: Option<u32>,
    #[serde(default)]
    values: Vec<String>,
    target: Option<String>,
    #[serde(default)]
    out: bool,
    #[serde(default)]
    required: bool,
    detail: Option<String>,
}

/// Where a relation points.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// An evidence of this world: the value names an existing record.
    World(Ev),
    /// Another evidence: a small fixed set of codes ([`fixed_targets`]).
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Id,
    Integer,
    Decimal {
        precision: u32,
        scale: u32,
    },
    Text {
        length: Option<usize>,
        values: Vec<String>,
    },
    Boolean,
    Date,
    Datetime,
    Relation(Target),
    ExternalIds,
}

/// Detail levels, from the least to the most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Detail {
    Id,
    Summary,
    Full,
}

#[derive(Debug, Clone)]
struct Element {
    wire: String,
    kind: Kind,
    required: bool,
}

/// An evidence's served elements, in metadata order, and their detail
/// levels by wire name.
#[derive(Debug, Clone, Default)]
struct Schema {
    elements: Vec<Element>,
    detail: BTreeMap<String, Detail>,
}

fn schema(ev: Ev) -> Result<Schema, String> {
    let file: SchemaFile = toml::from_str(ev.schema_text())
        .map_err(|e| format!("schemas/flexi/{}.toml: {e}", ev.name()))?;
    let mut schema = Schema::default();
    for raw in file.element {
        if !raw.out {
            continue;
        }
        let kind = match raw.kind.as_str() {
            "relation" if raw.wire == "id" => Kind::Id,
            "relation" => {
                // A relation without a target in the metadata is a user
                // (`createdBy`, `updatedBy`, `zodpOsoba`, `uzivatel`).
                let target = raw.target.as_deref().unwrap_or("uzivatel");
                Kind::Relation(match Ev::from_name(target) {
                    Some(ev) => Target::World(ev),
                    None => Target::Other(target.to_owned()),
                })
            }
            "integer" => Kind::Integer,
            "decimal" => Kind::Decimal {
                precision: raw.precision.unwrap_or(15),
                scale: raw.scale.unwrap_or(2),
            },
            "string" | "text" => Kind::Text {
                length: raw.length,
                values: raw.values,
            },
            "boolean" => Kind::Boolean,
            "date" => Kind::Date,
            "datetime" | "timestamp" => Kind::Datetime,
            "strings" if raw.wire == "external-ids" => Kind::ExternalIds,
            _ => continue,
        };
        let detail = match raw.detail.as_deref() {
            Some("id") => Detail::Id,
            Some("summary") => Detail::Summary,
            _ => Detail::Full,
        };
        schema.detail.insert(raw.wire.clone(), detail);
        schema.elements.push(Element {
            wire: raw.wire,
            kind,
            required: raw.required,
        });
    }
    Ok(schema)
}

/// The codes a relation to an evidence outside this world takes: `(id,
/// code, showAs)`, the same ids for the same code always. CZK 31 and
/// FAKTURA 1 are the fixture's, CZ 39 [`crate::flexi`]'s, `admin` the
/// public capture's; the others are made up.
fn fixed_targets(target: &str) -> Vec<(i64, String, String)> {
    let known: &[(i64, &str, &str)] = match target {
        "mena" => &[
            (31, "CZK", "CZK: Česká koruna"),
            (32, "EUR", "EUR: Euro"),
            (35, "USD", "USD: Americký dolar"),
        ],
        "stat" => &[
            (39, "CZ", "CZ: Česká republika"),
            (40, "SK", "SK: Slovenská republika"),
            (46, "DE", "DE: Německo"),
        ],
        "typ-faktury-vydane" => &[
            (1, "FAKTURA", "FAKTURA: Faktura - daňový doklad"),
            (2, "FAKTURA-EU", "FAKTURA-EU: Faktura do EU"),
        ],
        "uzivatel" => &[(1, "admin", "admin"), (2, "novak", "novak")],
        "merna-jednotka" => &[
            (1, "KS", "KS: kus"),
            (2, "KG", "KG: kilogram"),
            (3, "HOD", "HOD: hodina"),
        ],
        _ => &[],
    };
    if !known.is_empty() {
        return known
            .iter()
            .map(|(id, code, show)| (*id, (*code).to_owned(), (*show).to_owned()))
            .collect();
    }
    let prefix: String = target
        .chars()
        .filter(char::is_ascii_alphabetic)
        .take(3)
        .collect::<String>()
        .to_ascii_uppercase();
    (1..=2)
        .map(|n| {
            let code = format!("{prefix}{n}");
            let show = format!("{code}: {target} {n}");
            (n, code, show)
        })
        .collect()
}

/// The label shown for an enumeration value: the fixture's where it has
/// one, else the value's last part (`typZasoby.zbozi` → `zbozi`).
fn enum_label(value: &str) -> String {
    match value {
        "zamek.otevreno" => "Otevřeno".to_owned(),
        "typPolozky.katalog" => "Ceníková".to_owned(),
        "typPolozky.text" => "Textová".to_owned(),
        "typSzbDph.dphZakl" => "základní".to_owned(),
        _ => value.rsplit('.').next().unwrap_or(value).to_owned(),
    }
}

// ---------------------------------------------------------------------------
// The clock: local time in microseconds since 1970-01-01 00:00 local.

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The last Sunday of a month, in days since 1970-01-01.
fn last_sunday(y: i64, m: i64) -> i64 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    let last = days_from_civil(ny, nm, 1) - 1;
    // 1970-01-01 was a Thursday: (days + 4) mod 7 is 0 on Sundays.
    last - (last + 4).rem_euclid(7)
}

/// Prague's offset on a day: summer time from the last Sunday of March to
/// the last Sunday of October (by date; the hour of the switch is ignored).
fn zone(days: i64) -> &'static str {
    let (y, _, _) = civil_from_days(days);
    if days >= last_sunday(y, 3) && days < last_sunday(y, 10) {
        "+02:00"
    } else {
        "+01:00"
    }
}

struct Moment {
    days: i64,
    date: String,
    time: String,
    micros: i64,
}

fn moment(us: i64) -> Moment {
    let days = us.div_euclid(MICROS_PER_DAY);
    let rest = us.rem_euclid(MICROS_PER_DAY);
    let (y, m, d) = civil_from_days(days);
    let secs = rest / 1_000_000;
    Moment {
        days,
        date: format!("{y:04}-{m:02}-{d:02}"),
        time: format!("{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60),
        micros: rest % 1_000_000,
    }
}

/// `2024-08-20+02:00`.
fn wire_date(us: i64) -> String {
    let m = moment(us);
    format!("{}{}", m.date, zone(m.days))
}

/// `2024-08-20T08:59:21.655+02:00`.
fn wire_datetime(us: i64) -> String {
    let m = moment(us);
    format!(
        "{}T{}.{:03}{}",
        m.date,
        m.time,
        m.micros / 1000,
        zone(m.days)
    )
}

/// `2021-03-12 23:59:52.11093`: no zone, 1 to 6 fraction digits.
fn change_timestamp(us: i64) -> String {
    let m = moment(us);
    let fraction = format!("{:06}", m.micros);
    let fraction = fraction.trim_end_matches('0');
    let fraction = if fraction.is_empty() { "0" } else { fraction };
    format!("{} {}.{fraction}", m.date, m.time)
}

fn year(us: i64) -> i64 {
    civil_from_days(us.div_euclid(MICROS_PER_DAY)).0
}

// ---------------------------------------------------------------------------
// The world.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Create,
    Update,
    Delete,
}

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::Create => "create",
            Op::Update => "update",
            Op::Delete => "delete",
        }
    }
}

#[derive(Debug, Clone)]
struct Change {
    version: u64,
    evidence: Ev,
    operation: Op,
    timestamp: String,
    id: i64,
    external_ids: Value,
}

/// A record at detail=full, and the records of this world it points at.
#[derive(Debug, Clone, Default)]
struct Rec {
    fields: Map<String, Value>,
    links: BTreeMap<String, (Ev, i64)>,
}

impl Rec {
    fn text(&self, key: &str) -> Option<&str> {
        self.fields.get(key).and_then(Value::as_str)
    }

    /// Removes an element with its `@ref` and `@showAs`.
    fn remove(&mut self, wire: &str) {
        self.fields.remove(wire);
        self.fields.remove(&format!("{wire}@ref"));
        self.fields.remove(&format!("{wire}@showAs"));
        self.links.remove(wire);
    }
}

#[derive(Debug, Clone)]
struct Table {
    records: BTreeMap<i64, Rec>,
    next_id: i64,
    codes: u64,
}

impl Table {
    fn new(first_id: i64) -> Self {
        Table {
            records: BTreeMap::new(),
            next_id: first_id,
            codes: 0,
        }
    }
}

/// The whole state, behind one lock: data, log, generator, sessions, stats.
#[derive(Debug)]
struct World {
    config: WorldConfig,
    rng: StdRng,
    schemas: Arc<PerEv<Schema>>,
    tables: PerEv<Table>,
    log: Vec<Change>,
    last_version: u64,
    clock: i64,
    auto: bool,
    stats: Stats,
    sessions: Vec<(String, bool)>,
}

/// A record to create: its fixed values and links; the rest is generated.
#[derive(Default)]
struct NewRecord {
    values: Vec<(&'static str, Value)>,
    links: Vec<(&'static str, Ev, i64)>,
}

impl World {
    fn new(config: WorldConfig) -> Result<Self, String> {
        let schemas = PerEv {
            adresar: schema(Ev::Adresar)?,
            cenik: schema(Ev::Cenik)?,
            faktura: schema(Ev::Faktura)?,
            polozka: schema(Ev::Polozka)?,
        };
        let mut rng = StdRng::seed_from_u64(config.seed);
        let last_version = rng.random_range(0..10_000);
        let mut world = World {
            rng,
            schemas: Arc::new(schemas),
            tables: PerEv {
                adresar: Table::new(1001),
                cenik: Table::new(101),
                faktura: Table::new(2001),
                polozka: Table::new(5001),
            },
            log: Vec::new(),
            last_version,
            clock: CLOCK_START_DAYS * MICROS_PER_DAY + 27_000_000_000,
            auto: true,
            stats: Stats::default(),
            sessions: Vec::new(),
            config,
        };
        for _ in 0..world.config.addresses {
            world.tick();
            world.create_address();
        }
        for _ in 0..world.config.products {
            world.tick();
            world.create_product();
        }
        for _ in 0..world.config.invoices {
            world.tick();
            world.create_invoice();
        }
        Ok(world)
    }

    fn percent(&mut self, p: u32) -> bool {
        self.rng.random_range(0..100) < p
    }

    /// A new transaction: the clock moves on by a few seconds to minutes.
    fn tick(&mut self) {
        self.clock += self.rng.random_range(1_000_000..=120_000_000);
    }

    /// The time of the next change of the current transaction.
    fn stamp(&mut self) -> i64 {
        self.clock += self.rng.random_range(1..=40);
        self.clock
    }

    fn next_version(&mut self) -> u64 {
        let gap = self.rng.random_range(0..=self.config.max_gap);
        self.last_version += 1 + gap;
        self.last_version
    }

    fn push_change(&mut self, evidence: Ev, operation: Op, id: i64, external_ids: Value, at: i64) {
        let version = self.next_version();
        self.log.push(Change {
            version,
            evidence,
            operation,
            timestamp: change_timestamp(at),
            id,
            external_ids,
        });
    }

    fn global_version(&self) -> u64 {
        self.log.last().map_or(0, |c| c.version)
    }

    fn random_id(&mut self, ev: Ev) -> Option<i64> {
        let len = self.tables.get(ev).records.len();
        if len == 0 {
            return None;
        }
        let n = self.rng.random_range(0..len);
        self.tables.get(ev).records.keys().nth(n).copied()
    }

    /// Sets a relation to a record of this world: `code:…`, `@ref`, `@showAs`.
    fn link(&self, rec: &mut Rec, wire: &str, target: Ev, id: i64) {
        let Some(to) = self.tables.get(target).records.get(&id) else {
            unreachable!("invariant: links are made to existing records only");
        };
        let code = to.text("kod").unwrap_or_default();
        let show = match to.text("nazev") {
            Some(name) if target != Ev::Polozka => format!("{code}: {name}"),
            _ => code.to_owned(),
        };
        rec.fields
            .insert(wire.to_owned(), Value::String(format!("code:{code}")));
        rec.fields.insert(
            format!("{wire}@ref"),
            Value::String(format!("/c/{FIRM}/{}/{id}.json", target.name())),
        );
        rec.fields
            .insert(format!("{wire}@showAs"), Value::String(show));
        rec.links.insert(wire.to_owned(), (target, id));
    }

    /// Leaves an optional element unset: absent, or `""` for strings and
    /// relations half of the time.
    fn unset(&mut self, rec: &mut Rec, element: &Element) {
        rec.remove(&element.wire);
        if matches!(element.kind, Kind::Text { .. } | Kind::Relation(_)) && self.percent(50) {
            rec.fields
                .insert(element.wire.clone(), Value::String(String::new()));
        }
    }

    /// Gives an element a new generated value (relations to this world: an
    /// existing record; a relation of a line to another line: unset).
    fn fill(&mut self, rec: &mut Rec, element: &Element, at: i64) {
        rec.remove(&element.wire);
        let wire = element.wire.clone();
        let value = match &element.kind {
            Kind::Id | Kind::ExternalIds => return,
            Kind::Integer => self.rng.random_range(0..=60_u32).to_string(),
            Kind::Decimal { precision, scale } => self.decimal(*precision, *scale),
            Kind::Text { length, values } => {
                if let Some(value) = values.choose(&mut self.rng) {
                    rec.fields
                        .insert(format!("{wire}@showAs"), Value::String(enum_label(value)));
                    value.clone()
                } else {
                    self.text(&wire, *length, at)
                }
            }
            Kind::Boolean => self.rng.random_bool(0.5).to_string(),
            Kind::Date => {
                let days = self.rng.random_range(-30..=30_i64);
                wire_date(at + days * MICROS_PER_DAY)
            }
            Kind::Datetime => {
                let back = self.rng.random_range(0..30 * MICROS_PER_DAY);
                wire_datetime(at - back)
            }
            Kind::Relation(Target::World(target)) => {
                if matches!(target, Ev::Adresar | Ev::Cenik)
                    && let Some(id) = self.random_id(*target)
                {
                    self.link(rec, &wire, *target, id);
                }
                return;
            }
            Kind::Relation(Target::Other(target)) => {
                let choices = fixed_targets(target);
                let Some((id, code, show)) = choices.choose(&mut self.rng) else {
                    return;
                };
                rec.fields.insert(
                    format!("{wire}@ref"),
                    Value::String(format!("/c/{FIRM}/{target}/{id}.json")),
                );
                rec.fields
                    .insert(format!("{wire}@showAs"), Value::String(show.clone()));
                format!("code:{code}")
            }
        };
        rec.fields.insert(wire, Value::String(value));
    }

    /// A decimal with exactly `scale` fraction digits and at most
    /// `precision` digits (the integer part kept to 7 digits).
    fn decimal(&mut self, precision: u32, scale: u32) -> String {
        let int_digits = precision.saturating_sub(scale).min(7);
        let int = if int_digits == 0 {
            0
        } else {
            let digits = self.rng.random_range(1..=int_digits);
            self.rng.random_range(0..10_u64.pow(digits))
        };
        if scale == 0 {
            return int.to_string();
        }
        let fraction: String = (0..scale)
            .map(|_| char::from(b'0' + self.rng.random_range(0..10_u8)))
            .collect();
        format!("{int}.{fraction}")
    }

    /// A string for an element, shaped after its name where that says what
    /// it holds, at most `length` characters.
    fn text(&mut self, wire: &str, length: Option<usize>, at: i64) -> String {
        const CITIES: &[&str] = &[
            "Praha",
            "Brno",
            "Ostrava",
            "Plzeň",
            "Ústí nad Labem",
            "České Budějovice",
            "Hradec Králové",
            "Žďár nad Sázavou",
        ];
        const STREETS: &[&str] = &[
            "Na Příkopě",
            "Dlouhá",
            "Čechova",
            "Masarykova",
            "Štefánikova",
            "Křižíkova",
        ];
        const WORDS: &[&str] = &[
            "dodávka",
            "zboží",
            "služba",
            "účetní",
            "přeprava",
            "měření",
            "řezání",
            "těsnění",
            "ložisko",
            "žluťoučký",
            "kůň",
            "úpěl",
            "ďábelské",
            "ódy",
            "šroub",
            "papír",
        ];
        let rng = &mut self.rng;
        let n = rng.random_range(1..=9999_u32);
        let digits = |rng: &mut StdRng, count: usize| -> String {
            (0..count)
                .map(|_| char::from(b'0' + rng.random_range(0..10_u8)))
                .collect()
        };
        let lower = wire.to_ascii_lowercase();
        let text = if lower.contains("email") {
            format!("info{n}@example.cz")
        } else if lower.contains("www") {
            format!("www.firma{n}.cz")
        } else if lower.ends_with("tel") || lower.contains("mobil") || lower.contains("fax") {
            format!(
                "+420 {} {} {}",
                digits(rng, 3),
                digits(rng, 3),
                digits(rng, 3)
            )
        } else if lower.ends_with("psc") {
            format!(
                "{}{} {}",
                rng.random_range(1..=7_u8),
                digits(rng, 2),
                digits(rng, 2)
            )
        } else if lower == "ic" {
            digits(rng, 8)
        } else if lower == "dic" || lower == "vatid" {
            format!("CZ{}", digits(rng, 8))
        } else if lower.contains("ean") {
            digits(rng, 13)
        } else if lower.ends_with("sym") {
            digits(rng, 10)
        } else if lower == "iban" {
            format!("CZ65 0800 0000 {} {}", digits(rng, 4), digits(rng, 4))
        } else if lower == "bic" {
            "GIBACZPX".to_owned()
        } else if lower == "buc" {
            format!("{}/0800", digits(rng, 9))
        } else if lower.contains("mesto") {
            CITIES.choose(rng).copied().unwrap_or("Praha").to_owned()
        } else if lower.contains("ulice") {
            let street = STREETS.choose(rng).copied().unwrap_or("Dlouhá");
            format!(
                "{street} {}/{}",
                rng.random_range(1..=3000_u32),
                rng.random_range(1..=99_u32)
            )
        } else {
            let a = WORDS.choose(rng).copied().unwrap_or("zboží");
            let b = WORDS.choose(rng).copied().unwrap_or("služba");
            match rng.random_range(0..4_u8) {
                0 => format!("Odběratel č. {n}"),
                1 => format!("Dodávka č. {n}/{}", year(at)),
                2 => format!("Poznámka: {a} {b}"),
                _ => format!("{a} {b} {n}"),
            }
        };
        truncate(&text, length.unwrap_or(FREE_TEXT_CHARS))
    }

    /// Builds and stores a record, and logs its creation.
    fn create(&mut self, ev: Ev, new: NewRecord) -> i64 {
        let table = self.tables.get_mut(ev);
        let id = table.next_id;
        table.next_id += 1;
        let at = self.stamp();
        let schemas = Arc::clone(&self.schemas);
        let mut rec = Rec::default();
        for element in &schemas.get(ev).elements {
            let wire = element.wire.as_str();
            if let Some((_, value)) = new.values.iter().find(|(w, _)| *w == wire) {
                rec.fields.insert(wire.to_owned(), value.clone());
                continue;
            }
            if let Some((_, target, to)) = new.links.iter().find(|(w, _, _)| *w == wire) {
                self.link(&mut rec, wire, *target, *to);
                continue;
            }
            match (&element.kind, wire) {
                (Kind::Id, _) => {
                    rec.fields
                        .insert("id".to_owned(), Value::String(id.to_string()));
                }
                (_, "lastUpdate" | "createdDate") => {
                    rec.fields
                        .insert(wire.to_owned(), Value::String(wire_datetime(at)));
                }
                (Kind::ExternalIds, _) => {
                    rec.fields.insert(wire.to_owned(), json!([]));
                }
                _ if !element.required && self.percent(UNSET_PERCENT) => {
                    self.unset(&mut rec, element);
                }
                _ => self.fill(&mut rec, element, at),
            }
        }
        let ids = rec.fields.get("external-ids").cloned().unwrap_or(json!([]));
        self.tables.get_mut(ev).records.insert(id, rec);
        self.push_change(ev, Op::Create, id, ids, at);
        id
    }

    /// `code:KOD`, and an e-shop's id on some records (as in the fixtures).
    fn external_ids(&mut self, code: &str, ext: u64) -> Value {
        if self.percent(20) {
            json!([format!("code:{code}"), format!("ext:SHOP:{ext}")])
        } else {
            json!([format!("code:{code}")])
        }
    }

    fn create_address(&mut self) -> i64 {
        const KINDS: &[&str] = &[
            "Odběratel",
            "Papírnictví",
            "Stavebniny",
            "Účetní kancelář",
            "Truhlářství",
        ];
        const FORMS: &[&str] = &["", " s.r.o.", " a.s.", " v.o.s."];
        let table = self.tables.get_mut(Ev::Adresar);
        table.codes += 1;
        let n = table.codes;
        let code = format!("ADR{n:04}");
        let kind = KINDS.choose(&mut self.rng).copied().unwrap_or("Odběratel");
        let form = FORMS.choose(&mut self.rng).copied().unwrap_or("");
        let ids = self.external_ids(&code, 10_000 + n);
        self.create(
            Ev::Adresar,
            NewRecord {
                values: vec![
                    ("kod", Value::String(code)),
                    ("nazev", Value::String(format!("{kind} č. {n}{form}"))),
                    ("external-ids", ids),
                ],
                links: Vec::new(),
            },
        )
    }

    fn create_product(&mut self) -> i64 {
        const NAMES: &[&str] = &[
            "Kancelářský papír A4",
            "Šroub M6×20 / pozink",
            "Kabel CYKY 3×2,5",
            "Toner černý",
            "Pořadač pákový",
            "Čisticí prostředek 1 l",
            "Montážní práce / hod.",
            "Ložisko 6204-2RS",
        ];
        let table = self.tables.get_mut(Ev::Cenik);
        table.codes += 1;
        let n = table.codes;
        let code = format!("CEN{n:04}");
        let name = NAMES.choose(&mut self.rng).copied().unwrap_or("Zboží");
        let ids = self.external_ids(&code, 20_000 + n);
        self.create(
            Ev::Cenik,
            NewRecord {
                values: vec![
                    ("kod", Value::String(code)),
                    ("nazev", Value::String(format!("{name} ({n})"))),
                    ("external-ids", ids),
                ],
                links: Vec::new(),
            },
        )
    }

    fn create_invoice(&mut self) -> i64 {
        let firma = match self.random_id(Ev::Adresar) {
            Some(id) => id,
            None => self.create_address(),
        };
        let table = self.tables.get_mut(Ev::Faktura);
        table.codes += 1;
        let n = table.codes;
        let year = year(self.clock);
        let code = format!("VF1-{n:04}/{year}");
        let ids = self.external_ids(&code, 991_000_000 + n);
        let id = self.create(
            Ev::Faktura,
            NewRecord {
                values: vec![
                    ("kod", Value::String(code)),
                    ("varSym", Value::String(format!("{year}{n:04}"))),
                    ("external-ids", ids),
                ],
                links: vec![("firma", Ev::Adresar, firma)],
            },
        );
        if self.config.max_lines > 0 {
            let lines = self.rng.random_range(1..=self.config.max_lines);
            for number in 1..=lines {
                self.create_line(id, number as u64);
            }
        }
        id
    }

    /// A line of an invoice: its `kod` and `nazev` are the product's, its
    /// `external-ids` empty (lines have no `code:` id).
    fn create_line(&mut self, invoice: i64, number: u64) -> i64 {
        let product = match self.random_id(Ev::Cenik) {
            Some(id) => id,
            None => self.create_product(),
        };
        let (code, name) = self
            .tables
            .get(Ev::Cenik)
            .records
            .get(&product)
            .map(|p| {
                (
                    p.text("kod").unwrap_or_default().to_owned(),
                    p.text("nazev").unwrap_or_default().to_owned(),
                )
            })
            .unwrap_or_default();
        self.create(
            Ev::Polozka,
            NewRecord {
                values: vec![
                    ("kod", Value::String(code)),
                    ("nazev", Value::String(name)),
                    ("cisRad", Value::String(number.to_string())),
                    ("external-ids", json!([])),
                ],
                links: vec![
                    ("doklFak", Ev::Faktura, invoice),
                    ("cenik", Ev::Cenik, product),
                ],
            },
        )
    }

    fn lines_of(&self, invoice: i64) -> Vec<i64> {
        self.tables
            .get(Ev::Polozka)
            .records
            .iter()
            .filter(|(_, line)| line.links.get("doklFak") == Some(&(Ev::Faktura, invoice)))
            .map(|(id, _)| *id)
            .collect()
    }

    fn delete(&mut self, ev: Ev, id: i64) {
        let at = self.stamp();
        if let Some(rec) = self.tables.get_mut(ev).records.remove(&id) {
            let ids = rec.fields.get("external-ids").cloned().unwrap_or(json!([]));
            self.push_change(ev, Op::Delete, id, ids, at);
        }
    }

    fn delete_invoice(&mut self, invoice: i64) {
        for line in self.lines_of(invoice) {
            self.delete(Ev::Polozka, line);
        }
        self.delete(Ev::Faktura, invoice);
    }

    /// Logs an update of a record whose fields `change` changes: `updatedBy`
    /// and `lastUpdate` move too.
    fn update_with(&mut self, ev: Ev, id: i64, change: impl FnOnce(&mut World, &mut Rec, i64)) {
        let Some(mut rec) = self.tables.get_mut(ev).records.remove(&id) else {
            return;
        };
        let at = self.stamp();
        change(self, &mut rec, at);
        let schemas = Arc::clone(&self.schemas);
        if let Some(by) = schemas
            .get(ev)
            .elements
            .iter()
            .find(|e| e.wire == "updatedBy")
        {
            self.fill(&mut rec, by, at);
        }
        rec.fields
            .insert("lastUpdate".to_owned(), Value::String(wire_datetime(at)));
        let ids = rec.fields.get("external-ids").cloned().unwrap_or(json!([]));
        self.tables.get_mut(ev).records.insert(id, rec);
        self.push_change(ev, Op::Update, id, ids, at);
    }

    /// Changes 1 to 3 fields of a record ([`updatable`] ones).
    fn update_random(&mut self, ev: Ev, id: i64) {
        let schemas = Arc::clone(&self.schemas);
        let mut candidates: Vec<&Element> = schemas
            .get(ev)
            .elements
            .iter()
            .filter(|e| updatable(ev, e))
            .collect();
        candidates.shuffle(&mut self.rng);
        let count = self.rng.random_range(1..=3).min(candidates.len());
        candidates.truncate(count);
        self.update_with(ev, id, |world, rec, at| {
            for element in candidates {
                if !element.required && !always(ev, &element.wire) && world.percent(UNSET_PERCENT) {
                    world.unset(rec, element);
                } else {
                    world.fill(rec, element, at);
                }
            }
        });
    }

    /// Records that no record of this world points at.
    fn unreferenced(&self) -> Vec<(Ev, i64)> {
        let referenced: BTreeSet<(Ev, i64)> = Ev::ALL
            .into_iter()
            .flat_map(|ev| self.tables.get(ev).records.values())
            .flat_map(|rec| rec.links.values().copied())
            .collect();
        [Ev::Adresar, Ev::Cenik]
            .into_iter()
            .flat_map(|ev| self.tables.get(ev).records.keys().map(move |id| (ev, *id)))
            .filter(|key| !referenced.contains(key))
            .collect()
    }

    /// One random mutation, in a transaction of its own.
    fn mutate_once(&mut self) {
        self.tick();
        self.stats.mutations += 1;
        match self.rng.random_range(0..100_u32) {
            0..12 => {
                self.create_address();
            }
            12..18 => {
                self.create_product();
            }
            18..38 => {
                self.create_invoice();
            }
            38..78 => {
                let records: usize = Ev::ALL
                    .into_iter()
                    .map(|ev| self.tables.get(ev).records.len())
                    .sum();
                if records == 0 {
                    self.create_address();
                    return;
                }
                let mut n = self.rng.random_range(0..records);
                for ev in Ev::ALL {
                    let len = self.tables.get(ev).records.len();
                    if n < len {
                        if let Some(id) = self.tables.get(ev).records.keys().nth(n).copied() {
                            self.update_random(ev, id);
                        }
                        return;
                    }
                    n -= len;
                }
            }
            78..84 => match self.random_id(Ev::Faktura) {
                Some(invoice) => self.delete_invoice(invoice),
                None => {
                    self.create_invoice();
                }
            },
            84..90 => match self.random_id(Ev::Polozka) {
                Some(line) => {
                    let invoice = self
                        .tables
                        .get(Ev::Polozka)
                        .records
                        .get(&line)
                        .and_then(|l| l.links.get("doklFak"))
                        .map(|(_, id)| *id);
                    self.delete(Ev::Polozka, line);
                    if let Some(invoice) = invoice {
                        self.update_with(Ev::Faktura, invoice, |_, _, _| {});
                    }
                }
                None => {
                    self.create_invoice();
                }
            },
            90..96 => match self.random_id(Ev::Faktura) {
                Some(invoice) => {
                    let number = self
                        .lines_of(invoice)
                        .iter()
                        .filter_map(|line| {
                            self.tables
                                .get(Ev::Polozka)
                                .records
                                .get(line)
                                .and_then(|l| l.text("cisRad"))
                                .and_then(|n| n.parse::<u64>().ok())
                        })
                        .max()
                        .unwrap_or(0)
                        + 1;
                    self.create_line(invoice, number);
                    self.update_with(Ev::Faktura, invoice, |_, _, _| {});
                }
                None => {
                    self.create_invoice();
                }
            },
            _ => {
                let candidates = self.unreferenced();
                match candidates.choose(&mut self.rng).copied() {
                    Some((ev, id)) => self.delete(ev, id),
                    None => {
                        self.create_product();
                    }
                }
            }
        }
    }

    fn mutate(&mut self, n: usize) {
        for _ in 0..n {
            self.mutate_once();
        }
    }

    fn records(&self, ev: Ev) -> Vec<Map<String, Value>> {
        self.tables
            .get(ev)
            .records
            .values()
            .map(|rec| rec.fields.clone())
            .collect()
    }

    fn find(&self, ev: Ev, ident: &str) -> Option<i64> {
        if let Ok(id) = ident.parse::<i64>() {
            return self.tables.get(ev).records.contains_key(&id).then_some(id);
        }
        if !(ident.starts_with("code:") || ident.starts_with("ext:")) {
            return None;
        }
        self.tables
            .get(ev)
            .records
            .iter()
            .find(|(_, rec)| {
                rec.fields
                    .get("external-ids")
                    .and_then(Value::as_array)
                    .is_some_and(|ids| ids.iter().any(|v| v.as_str() == Some(ident)))
            })
            .map(|(id, _)| *id)
    }
}

/// Whether an update may change an element. Not changed: ids, codes,
/// dates of creation, the names of addresses and products (shown in
/// relations to them), a line's invoice (or parent line).
fn updatable(ev: Ev, element: &Element) -> bool {
    if matches!(
        element.kind,
        Kind::Id | Kind::ExternalIds | Kind::Relation(Target::World(Ev::Faktura | Ev::Polozka))
    ) {
        return false;
    }
    match element.wire.as_str() {
        "kod" | "lastUpdate" | "createdDate" | "createdBy" | "updatedBy" => false,
        "nazev" => !matches!(ev, Ev::Adresar | Ev::Cenik),
        _ => true,
    }
}

/// Relations every record of an evidence has: an invoice's customer, a
/// line's invoice and product.
fn always(ev: Ev, wire: &str) -> bool {
    matches!(
        (ev, wire),
        (Ev::Faktura, "firma") | (Ev::Polozka, "doklFak" | "cenik")
    )
}

/// Cuts `text` to `max` characters (and the spaces at the cut).
fn truncate(text: &str, max: usize) -> String {
    let cut: String = text.chars().take(max).collect();
    cut.trim_end().to_owned()
}

// ---------------------------------------------------------------------------
// Filters and detail levels.

#[derive(Debug, Clone, PartialEq, Eq)]
enum Cond {
    Gt(i64),
    Ge(i64),
    Lt(i64),
    Le(i64),
    Eq(i64),
    Ne(i64),
    In(Vec<i64>),
}

impl Cond {
    fn holds(&self, id: i64) -> bool {
        match self {
            Cond::Gt(n) => id > *n,
            Cond::Ge(n) => id >= *n,
            Cond::Lt(n) => id < *n,
            Cond::Le(n) => id <= *n,
            Cond::Eq(n) => id == *n,
            Cond::Ne(n) => id != *n,
            Cond::In(ids) => ids.contains(&id),
        }
    }
}

type MakeCond = fn(i64) -> Cond;

/// `(id > 10)`, `(id in (1,2,3))`, conditions on `id` joined by `and`;
/// `+` reads as a space.
fn parse_filter(text: &str) -> Option<Vec<Cond>> {
    let text = text.replace('+', " ");
    let text = text.trim();
    let text = text
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(text);
    let mut conds = Vec::new();
    for part in text.split(" and ") {
        let rest = part.trim().strip_prefix("id")?.trim_start();
        if let Some(list) = rest.strip_prefix("in") {
            let list = list.trim().strip_prefix('(')?.strip_suffix(')')?;
            let ids = list
                .split(',')
                .map(|n| n.trim().parse::<i64>().ok())
                .collect::<Option<Vec<_>>>()?;
            conds.push(Cond::In(ids));
            continue;
        }
        let ops: [(&str, MakeCond); 8] = [
            (">=", Cond::Ge),
            ("<=", Cond::Le),
            ("!=", Cond::Ne),
            ("<>", Cond::Ne),
            ("==", Cond::Eq),
            (">", Cond::Gt),
            ("<", Cond::Lt),
            ("=", Cond::Eq),
        ];
        let (op, number) = ops
            .iter()
            .find_map(|(op, make)| rest.strip_prefix(op).map(|n| (make, n)))?;
        conds.push(op(number.trim().parse().ok()?));
    }
    Some(conds)
}

/// Which elements a listing shows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum View {
    Level(Detail),
    Custom(Vec<String>),
}

fn view(pairs: &[(String, String)]) -> View {
    match get(pairs, "detail") {
        Some("full") => View::Level(Detail::Full),
        Some("id") => View::Level(Detail::Id),
        Some(custom) if custom.starts_with("custom:") => View::Custom(
            custom
                .trim_start_matches("custom:")
                .split(',')
                .map(|name| name.split('(').next().unwrap_or(name).trim().to_owned())
                .filter(|name| !name.is_empty())
                .collect(),
        ),
        _ => View::Level(Detail::Summary),
    }
}

fn shown(fields: &Map<String, Value>, schema: &Schema, view: &View) -> Map<String, Value> {
    fields
        .iter()
        .filter(|(key, _)| {
            let base = key.split('@').next().unwrap_or(key);
            match view {
                View::Level(level) => schema
                    .detail
                    .get(base)
                    .is_some_and(|detail| detail <= level),
                View::Custom(names) => base == "id" || names.iter().any(|n| n == base),
            }
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

// ---------------------------------------------------------------------------
// The server.

type Shared = Arc<Mutex<World>>;

/// The fake world server; stopped when dropped.
#[derive(Debug)]
pub struct FakeFlexiWorld {
    running: Running,
    shared: Shared,
}

impl FakeFlexiWorld {
    /// Generates the world of `config` and starts serving it on the
    /// caller's tokio runtime, on a free port of 127.0.0.1.
    pub async fn start(config: WorldConfig) -> std::io::Result<Self> {
        let world = World::new(config).map_err(std::io::Error::other)?;
        let shared: Shared = Arc::new(Mutex::new(world));
        let app = Router::new().fallback(handle).with_state(shared.clone());
        Ok(FakeFlexiWorld {
            running: Running::start(app).await?,
            shared,
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> String {
        format!("http://{}", self.running.addr)
    }

    /// The current records of `evidence` at `detail=full`, exactly as the
    /// listing serves them, in ascending id order (none for an evidence not
    /// in [`EVIDENCES`]).
    pub fn records(&self, evidence: &str) -> Vec<Map<String, Value>> {
        Ev::from_name(evidence).map_or_else(Vec::new, |ev| lock(&self.shared).records(ev))
    }

    /// The whole change log, ascending by version.
    pub fn log(&self) -> Vec<LoggedChange> {
        lock(&self.shared)
            .log
            .iter()
            .map(|c| LoggedChange {
                version: c.version,
                evidence: c.evidence.name().to_owned(),
                operation: c.operation.name().to_owned(),
                id: c.id,
            })
            .collect()
    }

    /// The version of the latest change (`@globalVersion`).
    pub fn global_version(&self) -> u64 {
        lock(&self.shared).global_version()
    }

    /// What the world saw and did so far.
    pub fn stats(&self) -> Stats {
        lock(&self.shared).stats.clone()
    }

    /// Applies `n` random mutations now, whether automatic ones are on or
    /// not: creating an address, a product or an invoice with its lines;
    /// updating 1 to 3 elements of any record; deleting an invoice (its
    /// lines first), a line, or an address or product nothing points at;
    /// adding a line to an invoice.
    pub fn mutate(&self, n: usize) {
        lock(&self.shared).mutate(n);
    }

    /// Turns the automatic mutations (per changes request, per request) on
    /// or off; they are on from the start.
    pub fn set_mutations(&self, on: bool) {
        lock(&self.shared).auto = on;
    }
}

async fn handle(
    State(shared): State<Shared>,
    method: Method,
    uri: Uri,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut world = lock(&shared);
    world.stats.requests += 1;
    if world.auto && every(world.stats.requests, world.config.mutate_every_requests) {
        world.mutate(1);
    }
    let path = uri.path();
    if path == "/login-logout/login.json" {
        world.stats.logins += 1;
        let n = world.stats.logins;
        return login_answer(&mut world.sessions, n, &body);
    }
    if !authorised_by(&world.sessions, &headers) {
        return message(StatusCode::UNAUTHORIZED, "Nesprávné jméno nebo heslo.");
    }
    if path == "/login-logout/session-keep-alive.js" {
        return answer(StatusCode::OK, "application/javascript", String::new());
    }
    if method != Method::GET {
        return message(StatusCode::METHOD_NOT_ALLOWED, "Metoda není podporována.");
    }
    route(&mut world, path, &pairs(query.as_deref()))
}

fn route(world: &mut World, path: &str, pairs: &[(String, String)]) -> Response {
    let Some(rest) = path.strip_prefix("/c/") else {
        return message(StatusCode::NOT_FOUND, "Stránka nenalezena.");
    };
    let (firm, rest) = rest.split_once('/').unwrap_or((rest, ""));
    if percent_decode(firm, false) != FIRM {
        return message(StatusCode::NOT_FOUND, "Firma neexistuje.");
    }
    // The evidence, then what follows it: a filter or a record's id, which
    // may hold an encoded (or plain) `/` (`code:VF1-0001%2F2026`).
    let (head, tail) = match rest.split_once('/') {
        Some((head, tail)) => (head.to_owned(), Some(percent_decode(tail, false))),
        None => (rest.to_owned(), None),
    };
    let (evidence, tail) = match tail {
        None => {
            let Some(evidence) = head.strip_suffix(".json") else {
                return message(StatusCode::NOT_ACCEPTABLE, "Formát není podporován.");
            };
            (evidence.to_owned(), None)
        }
        Some(tail) => {
            let Some(tail) = tail.strip_suffix(".json") else {
                return message(StatusCode::NOT_ACCEPTABLE, "Formát není podporován.");
            };
            (head, Some(tail.to_owned()))
        }
    };
    let evidence = percent_decode(&evidence, false);
    if evidence == "changes" && tail.is_none() {
        return changes(world, pairs);
    }
    let Some(ev) = Ev::from_name(&evidence) else {
        return message(StatusCode::NOT_FOUND, "Evidence neexistuje.");
    };
    match tail {
        None => list(world, ev, &[], pairs),
        Some(filter) if filter.starts_with('(') => match parse_filter(&filter) {
            Some(conds) => list(world, ev, &conds, pairs),
            None => message(StatusCode::BAD_REQUEST, "Filtr nelze zpracovat."),
        },
        Some(ident) => match world.find(ev, &ident) {
            Some(id) => list(world, ev, &[Cond::Eq(id)], pairs),
            None => {
                world.stats.not_found += 1;
                message(StatusCode::NOT_FOUND, "Záznam nebyl nalezen.")
            }
        },
    }
}

fn list(world: &mut World, ev: Ev, conds: &[Cond], pairs: &[(String, String)]) -> Response {
    let start: usize = get(pairs, "start")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    // ABRA Flexi's default page is 20 records; `limit=0` is all of them.
    let limit = match get(pairs, "limit").and_then(|v| v.parse::<usize>().ok()) {
        Some(0) => usize::MAX,
        Some(l) => l,
        None => 20,
    };
    let view = view(pairs);
    let schema = world.schemas.get(ev);
    let matching: Vec<&Rec> = world
        .tables
        .get(ev)
        .records
        .iter()
        .filter(|(id, _)| conds.iter().all(|c| c.holds(**id)))
        .map(|(_, rec)| rec)
        .collect();
    let rows = matching.len();
    // ABRA Flexi's REST documentation promises no order without `order`:
    // the fake then lists newest first, so a client that pages by id must
    // ask for `order=id` (ascending, like `order=id@A`).
    let mut matching = matching;
    if !matches!(get(pairs, "order"), Some("id" | "id@A")) {
        matching.reverse();
    }
    let records: Vec<Value> = matching
        .into_iter()
        .skip(start)
        .take(limit)
        .map(|rec| Value::Object(shown(&rec.fields, schema, &view)))
        .collect();
    let mut content = Map::new();
    if get(pairs, "add-row-count") == Some("true") {
        content.insert("@rowCount".into(), Value::String(rows.to_string()));
    }
    if get(pairs, "add-global-version") == Some("true") {
        content.insert(
            "@globalVersion".into(),
            Value::String(world.global_version().to_string()),
        );
    }
    world.stats.listings += 1;
    world.stats.records_served += records.len() as u64;
    content.insert(ev.name().into(), Value::Array(records));
    answer(
        StatusCode::OK,
        "application/json",
        envelope(Value::Object(content)),
    )
}

fn changes(world: &mut World, pairs: &[(String, String)]) -> Response {
    if world.auto {
        let (low, high) = world.config.mutations_per_poll;
        let n = world.rng.random_range(low.min(high)..=high.max(low));
        world.mutate(n);
    }
    let start: u64 = get(pairs, "start")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let limit = match get(pairs, "limit").and_then(|v| v.parse::<usize>().ok()) {
        None => CHANGES_DEFAULT,
        Some(0) => CHANGES_MAX,
        Some(l) => l.min(CHANGES_MAX),
    };
    let wanted: Vec<&str> = pairs
        .iter()
        .filter(|(k, _)| k == "evidence" || k == "records")
        .map(|(_, v)| v.as_str())
        .collect();
    let first = world.log.partition_point(|c| c.version < start);
    let mut from = world
        .log
        .get(first..)
        .unwrap_or_default()
        .iter()
        .filter(|c| wanted.is_empty() || wanted.contains(&c.evidence.name()));
    let listed: Vec<Value> = from
        .by_ref()
        .take(limit)
        .map(|c| {
            json!({
                "@evidence": c.evidence.name(),
                "@in-version": c.version.to_string(),
                "@operation": c.operation.name(),
                "@timestamp": c.timestamp,
                "id": c.id.to_string(),
                "external-ids": c.external_ids,
            })
        })
        .collect();
    let next = from
        .next()
        .map_or_else(|| "none".to_owned(), |c| c.version.to_string());
    world.stats.changes_requests += 1;
    world.stats.changes_served += listed.len() as u64;
    answer(
        StatusCode::OK,
        "application/json",
        envelope(json!({
            "@globalVersion": world.global_version().to_string(),
            "changes": listed,
            "next": next,
        })),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    fn small(seed: u64) -> WorldConfig {
        WorldConfig {
            seed,
            addresses: 40,
            products: 15,
            invoices: 50,
            max_lines: 4,
            mutations_per_poll: (0, 0),
            mutate_every_requests: 0,
            max_gap: 3,
        }
    }

    fn world(config: WorldConfig) -> World {
        World::new(config).expect("the schemas parse")
    }

    fn all_records(world: &World) -> Vec<Vec<Map<String, Value>>> {
        Ev::ALL.into_iter().map(|ev| world.records(ev)).collect()
    }

    fn versions(world: &World) -> Vec<(u64, Ev, Op, i64)> {
        world
            .log
            .iter()
            .map(|c| (c.version, c.evidence, c.operation, c.id))
            .collect()
    }

    /// A GET (or a POST with `body`) over a plain TCP stream, with basic
    /// auth unless `session` is given (`Some("")`: no credentials at all).
    async fn http(
        base: &str,
        method: &str,
        target: &str,
        session: Option<&str>,
        body: &str,
    ) -> (u16, Value) {
        let addr = base.trim_start_matches("http://");
        let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
        let auth = match session {
            None => format!(
                "Authorization: Basic {}\r\n",
                base64::engine::general_purpose::STANDARD.encode(format!(
                    "{}:{}",
                    crate::flexi::USER,
                    crate::flexi::PASSWORD
                ))
            ),
            Some("") => String::new(),
            Some(id) => format!("X-authSessionId: {id}\r\n"),
        };
        let request = format!(
            "{method} {target} HTTP/1.1\r\nHost: {addr}\r\n{auth}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await.unwrap();
        let text = String::from_utf8(raw).unwrap();
        let (head, rest) = text.split_once("\r\n\r\n").unwrap();
        let status: u16 = head.split(' ').nth(1).unwrap().parse().unwrap();
        let body = if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            let mut out = String::new();
            let mut rest = rest;
            loop {
                let (size, after) = rest.split_once("\r\n").unwrap();
                let size = usize::from_str_radix(size.trim(), 16).unwrap();
                if size == 0 {
                    break;
                }
                out.push_str(&after[..size]);
                rest = &after[size + 2..];
            }
            out
        } else {
            rest.to_owned()
        };
        (status, serde_json::from_str(&body).unwrap())
    }

    async fn get_json(base: &str, target: &str) -> (u16, Value) {
        http(base, "GET", target, None, "").await
    }

    fn text<'a>(value: &'a Value, key: &str) -> &'a str {
        value[key]
            .as_str()
            .unwrap_or_else(|| panic!("{key} in {value}"))
    }

    #[test]
    fn the_same_seed_makes_the_same_world() {
        let mut a = world(small(11));
        let mut b = world(small(11));
        assert_eq!(all_records(&a), all_records(&b));
        assert_eq!(versions(&a), versions(&b));
        a.mutate(200);
        b.mutate(200);
        assert_eq!(all_records(&a), all_records(&b));
        assert_eq!(versions(&a), versions(&b));
        let c = world(small(12));
        assert_ne!(all_records(&a), all_records(&c));
    }

    #[test]
    fn the_initial_data_set_is_logged_as_creations() {
        let w = world(small(3));
        let created = w.log.iter().filter(|c| c.operation == Op::Create).count();
        let records: usize = Ev::ALL.into_iter().map(|ev| w.records(ev).len()).sum();
        assert_eq!(created, w.log.len());
        assert_eq!(created, records);
        assert!(w.log.first().unwrap().version > 0);
        assert!(w.log.windows(2).all(|p| p[0].version < p[1].version));
        assert!(
            w.log.windows(2).any(|p| p[1].version > p[0].version + 1),
            "gaps"
        );
        assert_eq!(w.global_version(), w.log.last().unwrap().version);
        assert_eq!(w.records(Ev::Adresar).len(), 40);
        assert_eq!(w.records(Ev::Faktura).len(), 50);
        // Each invoice's creation comes right before its lines'.
        for (i, c) in w.log.iter().enumerate() {
            if c.evidence == Ev::Polozka {
                let invoice = w.tables.polozka.records[&c.id].links["doklFak"].1;
                let before = w.log[..i]
                    .iter()
                    .rev()
                    .find(|p| p.evidence != Ev::Polozka)
                    .unwrap();
                assert_eq!((before.evidence, before.id), (Ev::Faktura, invoice));
            }
        }
    }

    /// Checks every record against the metadata and the world's relations.
    fn check_records(w: &World) {
        let date = |s: &str| {
            s.len() == 16
                && s.as_bytes()[4] == b'-'
                && (s.ends_with("+01:00") || s.ends_with("+02:00"))
        };
        for ev in Ev::ALL {
            let schema = w.schemas.get(ev);
            let mut codes = BTreeSet::new();
            for (id, rec) in &w.tables.get(ev).records {
                let f = &rec.fields;
                assert_eq!(f["id"], Value::String(id.to_string()));
                for always in ["lastUpdate", "kod", "external-ids"] {
                    assert!(f.contains_key(always), "{always} in {ev:?} {id}");
                }
                if ev != Ev::Polozka {
                    let kod = f["kod"].as_str().unwrap();
                    assert!(codes.insert(kod.to_owned()), "unique code {kod}");
                    assert_eq!(f["external-ids"][0], json!(format!("code:{kod}")));
                } else {
                    assert_eq!(f["external-ids"], json!([]));
                }
                for key in f.keys() {
                    let base = key.split('@').next().unwrap();
                    assert!(schema.detail.contains_key(base), "{key} is in the metadata");
                }
                for element in &schema.elements {
                    let wire = element.wire.as_str();
                    let Some(value) = f.get(wire) else {
                        assert!(!element.required, "{wire} is required");
                        continue;
                    };
                    if element.kind == Kind::ExternalIds {
                        assert!(value.is_array());
                        continue;
                    }
                    let s = value.as_str().unwrap_or_else(|| panic!("{wire}: a string"));
                    match &element.kind {
                        Kind::Integer => {
                            s.parse::<u64>().unwrap();
                        }
                        Kind::Decimal { precision, scale } => {
                            let (int, fraction) = s.split_once('.').unwrap();
                            assert_eq!(fraction.len(), *scale as usize, "{wire} = {s}");
                            assert!(fraction.bytes().all(|b| b.is_ascii_digit()));
                            let significant = int.trim_start_matches('0').len();
                            assert!(significant + fraction.len() <= *precision as usize);
                        }
                        Kind::Text { length, values } => {
                            if let Some(length) = length {
                                assert!(s.chars().count() <= *length, "{wire}: {s}");
                            }
                            if !values.is_empty() && !s.is_empty() {
                                assert!(values.iter().any(|v| v == s), "{wire}: {s}");
                                assert!(f.contains_key(&format!("{wire}@showAs")));
                            }
                        }
                        Kind::Boolean => assert!(s == "true" || s == "false"),
                        Kind::Date => assert!(date(s), "{wire}: {s}"),
                        Kind::Datetime => {
                            assert_eq!(s.len(), 29, "{wire}: {s}");
                            assert_eq!(&s[10..11], "T");
                            assert_eq!(&s[19..20], ".");
                        }
                        Kind::Relation(target) => {
                            if s.is_empty() {
                                assert!(!f.contains_key(&format!("{wire}@ref")));
                                continue;
                            }
                            let code = s.strip_prefix("code:").unwrap();
                            let reference = f[&format!("{wire}@ref")].as_str().unwrap();
                            let show = f[&format!("{wire}@showAs")].as_str().unwrap();
                            assert!(show.starts_with(code), "{show}");
                            if let Target::World(to) = target {
                                let (lt, lid) = rec.links[wire];
                                assert_eq!(lt, *to);
                                let target = &w.tables.get(lt).records[&lid];
                                assert_eq!(target.text("kod"), Some(code));
                                assert_eq!(reference, format!("/c/demo/{}/{lid}.json", lt.name()));
                            } else {
                                assert!(reference.starts_with("/c/demo/"));
                            }
                        }
                        Kind::Id | Kind::ExternalIds => {}
                    }
                }
                // Every link is shown and points at an existing record.
                for (wire, (to, lid)) in &rec.links {
                    assert!(w.tables.get(*to).records.contains_key(lid), "{wire}");
                    assert!(f.contains_key(wire));
                }
            }
        }
        for line in w.tables.polozka.records.values() {
            assert!(line.links.contains_key("doklFak"));
            assert!(line.links.contains_key("cenik"));
        }
        for invoice in w.tables.faktura.records.values() {
            assert!(invoice.links.contains_key("firma"));
        }
    }

    #[test]
    fn records_respect_the_metadata_and_point_at_existing_records() {
        for seed in 5..9 {
            let mut w = world(small(seed));
            check_records(&w);
            w.mutate(400);
            check_records(&w);
            for op in [Op::Create, Op::Update, Op::Delete] {
                assert!(w.log.iter().any(|c| c.operation == op), "{op:?}");
            }
        }
    }

    #[test]
    fn deleting_an_invoice_logs_its_lines_first() {
        let mut w = world(small(8));
        let invoice = *w.tables.faktura.records.keys().next().unwrap();
        let lines = w.lines_of(invoice);
        assert!(!lines.is_empty());
        let before = w.log.len();
        w.delete_invoice(invoice);
        let tail: Vec<(Ev, Op, i64)> = w.log[before..]
            .iter()
            .map(|c| (c.evidence, c.operation, c.id))
            .collect();
        let mut expected: Vec<(Ev, Op, i64)> = lines
            .iter()
            .map(|l| (Ev::Polozka, Op::Delete, *l))
            .collect();
        expected.push((Ev::Faktura, Op::Delete, invoice));
        assert_eq!(tail, expected);
        assert!(w.lines_of(invoice).is_empty());
        check_records(&w);
    }

    #[test]
    fn filters_parse() {
        assert_eq!(parse_filter("(id > 10)"), Some(vec![Cond::Gt(10)]));
        assert_eq!(parse_filter("(id+>+10)"), Some(vec![Cond::Gt(10)]));
        assert_eq!(
            parse_filter("(id in (1, 2,3))"),
            Some(vec![Cond::In(vec![1, 2, 3])])
        );
        assert_eq!(
            parse_filter("(id >= 5 and id <= 9)"),
            Some(vec![Cond::Ge(5), Cond::Le(9)])
        );
        assert_eq!(parse_filter("(nazev like 'x')"), None);
    }

    #[test]
    fn timestamps_have_flexi_forms() {
        // 2026-07-01 12:00:00.120000 local: summer time.
        let july = days_from_civil(2026, 7, 1) * MICROS_PER_DAY + 43_200_120_000;
        assert_eq!(change_timestamp(july), "2026-07-01 12:00:00.12");
        assert_eq!(wire_datetime(july), "2026-07-01T12:00:00.120+02:00");
        assert_eq!(wire_date(july), "2026-07-01+02:00");
        let january = CLOCK_START_DAYS * MICROS_PER_DAY;
        assert_eq!(change_timestamp(january), "2026-01-05 00:00:00.0");
        assert_eq!(wire_date(january), "2026-01-05+01:00");
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        // 2026: summer time from 29 March to 25 October.
        assert_eq!(last_sunday(2026, 3), days_from_civil(2026, 3, 29));
        assert_eq!(last_sunday(2026, 10), days_from_civil(2026, 10, 25));
    }

    #[tokio::test]
    async fn paging_by_id_covers_every_record_once() {
        let fake = FakeFlexiWorld::start(small(21)).await.unwrap();
        let base = fake.base();
        for evidence in EVIDENCES {
            let mut seen = Vec::new();
            let mut last = 0_i64;
            loop {
                let (status, doc) = get_json(
                    &base,
                    &format!(
                        "/c/demo/{evidence}/(id%20%3E%20{last}).json?limit=17&detail=full&add-global-version=true&add-row-count=true&order=id"
                    ),
                )
                .await;
                assert_eq!(status, 200);
                let w = &doc["winstrom"];
                assert_eq!(w["@version"], "1.0");
                assert_eq!(text(w, "@globalVersion"), fake.global_version().to_string());
                let page = w[evidence].as_array().unwrap().clone();
                let rows: usize = text(w, "@rowCount").parse().unwrap();
                assert!(page.len() <= 17 && page.len() <= rows);
                let Some(end) = page.last() else { break };
                last = text(end, "id").parse().unwrap();
                seen.extend(page);
            }
            let expected: Vec<Value> = fake
                .records(evidence)
                .into_iter()
                .map(Value::Object)
                .collect();
            assert_eq!(seen, expected, "{evidence}");
        }
        assert_eq!(fake.global_version(), fake.log().last().unwrap().version);
        let stats = fake.stats();
        assert!(stats.records_served > 0 && stats.listings > 4);
    }

    #[tokio::test]
    async fn listings_page_and_show_their_detail_level() {
        let fake = FakeFlexiWorld::start(small(22)).await.unwrap();
        let base = fake.base();
        let all = fake.records("faktura-vydana");
        // Default: 20 records, summary detail.
        let (_, doc) = get_json(&base, "/c/demo/faktura-vydana.json?order=id").await;
        let page = doc["winstrom"]["faktura-vydana"].as_array().unwrap();
        assert_eq!(page.len(), 20);
        let first = page[0].as_object().unwrap();
        assert!(first.contains_key("kod") && first.contains_key("firma@showAs"));
        assert!(!first.contains_key("zamekK") && !first.contains_key("varSym"));
        assert!(first.keys().all(|k| all[0].contains_key(k)));
        // start + limit=0: all the rest.
        let (_, doc) = get_json(
            &base,
            "/c/demo/faktura-vydana.json?start=45&limit=0&order=id",
        )
        .await;
        assert_eq!(
            doc["winstrom"]["faktura-vydana"].as_array().unwrap().len(),
            5
        );
        // id in (…), custom detail.
        let ids: Vec<String> = all
            .iter()
            .take(3)
            .map(|r| text(&Value::Object(r.clone()), "id").to_owned())
            .collect();
        let (_, doc) = get_json(
            &base,
            &format!(
                "/c/demo/faktura-vydana/(id%20in%20({})).json?detail=custom:kod,firma&order=id",
                ids.join(",")
            ),
        )
        .await;
        let page = doc["winstrom"]["faktura-vydana"].as_array().unwrap();
        assert_eq!(page.len(), 3);
        let keys: BTreeSet<&str> = page[0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let expected = BTreeSet::from(["firma", "firma@ref", "firma@showAs", "id", "kod"]);
        assert_eq!(keys, expected);
        // One record by code (the `/` encoded, and plain), and by id.
        let invoice = Value::Object(all[0].clone());
        let code = text(&invoice, "kod");
        let id = text(&invoice, "id");
        for path in [
            format!(
                "/c/demo/faktura-vydana/code:{}.json?detail=full",
                code.replace('/', "%2F")
            ),
            format!(
                "/c/demo/faktura-vydana/code%3A{}.json?detail=full",
                code.replace('/', "%2F")
            ),
            format!("/c/demo/faktura-vydana/code:{code}.json?detail=full"),
            format!("/c/demo/faktura-vydana/{id}.json?detail=full"),
        ] {
            let (status, doc) = get_json(&base, &path).await;
            assert_eq!(status, 200, "{path}");
            assert_eq!(
                doc["winstrom"]["faktura-vydana"],
                json!([invoice]),
                "{path}"
            );
        }
        // Errors.
        let (status, doc) = get_json(&base, "/c/demo/nic.json").await;
        assert_eq!((status, text(&doc["winstrom"], "success")), (404, "false"));
        let (status, _) = get_json(&base, "/c/jina/adresar.json").await;
        assert_eq!(status, 404);
        let (status, _) = get_json(&base, "/c/demo/adresar.xml").await;
        assert_eq!(status, 406);
        let (status, _) = get_json(&base, "/c/demo/adresar/(nazev%20like%20'x').json").await;
        assert_eq!(status, 400);
    }

    #[tokio::test]
    async fn logins_and_basic_auth() {
        let fake = FakeFlexiWorld::start(small(23)).await.unwrap();
        let base = fake.base();
        let (status, _) = http(&base, "GET", "/c/demo/adresar.json", Some(""), "").await;
        assert_eq!(status, 401);
        let (status, doc) = http(
            &base,
            "POST",
            "/login-logout/login.json",
            Some(""),
            r#"{"username": "winstrom", "password": "winstrom"}"#,
        )
        .await;
        assert_eq!(status, 200);
        let session = text(&doc, "authSessionId").to_owned();
        let (status, doc) = http(&base, "GET", "/c/demo/cenik.json", Some(&session), "").await;
        assert_eq!(status, 200);
        assert_eq!(doc["winstrom"]["cenik"].as_array().unwrap().len(), 15);
        let (status, _) = http(&base, "GET", "/c/demo/cenik.json", Some("nope"), "").await;
        assert_eq!(status, 401);
        assert_eq!(fake.stats().logins, 1);
    }

    #[tokio::test]
    async fn the_changes_listing_pages_with_start_next_and_global_version() {
        let fake = FakeFlexiWorld::start(small(24)).await.unwrap();
        fake.mutate(60);
        let base = fake.base();
        let log = fake.log();
        let global = fake.global_version();
        // From the start, in pages of 100, through `next`.
        let mut listed = Vec::new();
        let mut start = 0_u64;
        loop {
            let (status, doc) = get_json(
                &base,
                &format!("/c/demo/changes.json?start={start}&limit=100"),
            )
            .await;
            assert_eq!(status, 200);
            let w = &doc["winstrom"];
            assert_eq!(text(w, "@globalVersion"), global.to_string());
            let page = w["changes"].as_array().unwrap();
            assert!(page.len() <= 100);
            for c in page {
                assert!(c["@timestamp"].as_str().unwrap().len() >= 21);
                listed.push(LoggedChange {
                    version: text(c, "@in-version").parse().unwrap(),
                    evidence: text(c, "@evidence").to_owned(),
                    operation: text(c, "@operation").to_owned(),
                    id: text(c, "id").parse().unwrap(),
                });
            }
            match text(w, "next") {
                "none" => break,
                next => {
                    let next: u64 = next.parse().unwrap();
                    assert!(next > listed.last().unwrap().version);
                    assert!(log.iter().any(|c| c.version == next));
                    start = next;
                }
            }
        }
        assert_eq!(listed, log);
        // `start` is inclusive; the last change is the global version.
        let third = log[2].version;
        let (_, doc) = get_json(
            &base,
            &format!("/c/demo/changes.json?start={third}&limit=1"),
        )
        .await;
        let w = &doc["winstrom"];
        assert_eq!(text(&w["changes"][0], "@in-version"), third.to_string());
        assert_eq!(text(w, "next"), log[3].version.to_string());
        let (_, doc) = get_json(&base, &format!("/c/demo/changes.json?start={global}")).await;
        let w = &doc["winstrom"];
        assert_eq!(w["changes"].as_array().unwrap().len(), 1);
        assert_eq!(text(w, "next"), "none");
        let (_, doc) = get_json(&base, &format!("/c/demo/changes.json?start={}", global + 1)).await;
        assert_eq!(doc["winstrom"]["changes"], json!([]));
        assert_eq!(text(&doc["winstrom"], "@globalVersion"), global.to_string());
        // Filtered by evidence (both spellings).
        for key in ["evidence", "records"] {
            let (_, doc) = get_json(
                &base,
                &format!("/c/demo/changes.json?{key}=cenik&limit=1000"),
            )
            .await;
            let page = doc["winstrom"]["changes"].as_array().unwrap();
            let expected = log.iter().filter(|c| c.evidence == "cenik").count();
            assert_eq!(page.len(), expected);
            assert!(page.iter().all(|c| c["@evidence"] == "cenik"));
        }
        // Lines carry no code; the others their code.
        let (_, doc) = get_json(&base, "/c/demo/changes.json?limit=1000").await;
        for c in doc["winstrom"]["changes"].as_array().unwrap() {
            let ids = c["external-ids"].as_array().unwrap();
            if c["@evidence"] == "faktura-vydana-polozka" {
                assert!(ids.is_empty());
            } else {
                assert!(ids[0].as_str().unwrap().starts_with("code:"));
            }
        }
    }

    #[tokio::test]
    async fn a_deleted_record_answers_404() {
        let fake = FakeFlexiWorld::start(small(25)).await.unwrap();
        fake.mutate(200);
        let base = fake.base();
        let deleted: Vec<LoggedChange> = fake
            .log()
            .into_iter()
            .filter(|c| c.operation == "delete")
            .collect();
        assert!(!deleted.is_empty());
        for c in deleted.iter().take(10) {
            let (status, doc) =
                get_json(&base, &format!("/c/demo/{}/{}.json", c.evidence, c.id)).await;
            assert_eq!(status, 404);
            assert_eq!(
                doc,
                json!({"winstrom": {"@version": "1.0", "success": "false", "message": "Záznam nebyl nalezen."}})
            );
        }
        let (status, _) = get_json(&base, "/c/demo/adresar/999999.json").await;
        assert_eq!(status, 404);
        assert!(fake.stats().not_found >= 2);
    }

    #[tokio::test]
    async fn polls_and_requests_mutate_while_on() {
        let fake = FakeFlexiWorld::start(WorldConfig {
            mutations_per_poll: (2, 2),
            mutate_every_requests: 2,
            ..small(26)
        })
        .await
        .unwrap();
        let base = fake.base();
        let before = fake.stats().mutations;
        // Request 1: no mutation; request 2: one, then 2 for the poll.
        get_json(&base, "/c/demo/adresar.json?limit=1").await;
        assert_eq!(fake.stats().mutations, before);
        let (_, doc) = get_json(&base, "/c/demo/changes.json?limit=1").await;
        assert_eq!(fake.stats().mutations, before + 3);
        assert_eq!(
            text(&doc["winstrom"], "@globalVersion"),
            fake.global_version().to_string()
        );
        fake.set_mutations(false);
        let version = fake.global_version();
        for _ in 0..4 {
            get_json(&base, "/c/demo/changes.json").await;
        }
        assert_eq!(fake.global_version(), version);
        fake.mutate(3);
        assert_eq!(fake.stats().mutations, before + 6);
    }

    /// What a mirror does: the initial load with `add-global-version`
    /// while the world changes, then the changes from that version on,
    /// fetching changed records; the copy ends equal to the world.
    #[tokio::test]
    async fn a_mirror_following_the_log_ends_equal_to_the_world() {
        let fake = FakeFlexiWorld::start(WorldConfig {
            mutations_per_poll: (0, 6),
            mutate_every_requests: 3,
            ..small(27)
        })
        .await
        .unwrap();
        let base = fake.base();
        let mut copy: BTreeMap<(String, i64), Value> = BTreeMap::new();
        let mut since: Option<u64> = None;
        for evidence in EVIDENCES {
            let mut last = 0;
            loop {
                let (_, doc) = get_json(
                    &base,
                    &format!("/c/demo/{evidence}/(id%20%3E%20{last}).json?limit=25&detail=full&add-global-version=true&order=id"),
                )
                .await;
                let g: u64 = text(&doc["winstrom"], "@globalVersion").parse().unwrap();
                since = Some(since.map_or(g, |s| s.min(g)));
                let page = doc["winstrom"][evidence].as_array().unwrap().clone();
                let Some(end) = page.last() else { break };
                last = text(end, "id").parse().unwrap();
                for record in page {
                    let id = text(&record, "id").parse().unwrap();
                    copy.insert((evidence.to_owned(), id), record);
                }
            }
        }
        let mut start = since.unwrap() + 1;
        for poll in 0..200 {
            if poll == 8 {
                fake.set_mutations(false);
            }
            let (_, doc) = get_json(
                &base,
                &format!("/c/demo/changes.json?start={start}&limit=40"),
            )
            .await;
            let w = &doc["winstrom"];
            for c in w["changes"].as_array().unwrap() {
                let evidence = text(c, "@evidence").to_owned();
                let id: i64 = text(c, "id").parse().unwrap();
                let (status, doc) =
                    get_json(&base, &format!("/c/demo/{evidence}/{id}.json?detail=full")).await;
                if status == 404 {
                    copy.remove(&(evidence, id));
                } else {
                    copy.insert(
                        (evidence.clone(), id),
                        doc["winstrom"][&evidence][0].clone(),
                    );
                }
            }
            start = match text(w, "next") {
                "none" if poll >= 8 => {
                    start = text(w, "@globalVersion").parse::<u64>().unwrap() + 1;
                    break;
                }
                "none" => text(w, "@globalVersion").parse::<u64>().unwrap() + 1,
                next => next.parse().unwrap(),
            };
        }
        assert_eq!(start, fake.global_version() + 1, "caught up");
        for evidence in EVIDENCES {
            let mirrored: Vec<Value> = copy
                .iter()
                .filter(|((e, _), _)| e == evidence)
                .map(|(_, r)| r.clone())
                .collect();
            let world: Vec<Value> = fake
                .records(evidence)
                .into_iter()
                .map(Value::Object)
                .collect();
            assert_eq!(mirrored, world, "{evidence}");
        }
        assert!(fake.stats().mutations > 10);
    }
}
