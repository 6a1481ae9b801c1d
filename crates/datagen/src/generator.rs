//! The generator's state, random helpers, setup facts and persons.

use std::collections::HashSet;
use std::io;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::clock::{self, Calendar, DAY, HOUR, MINUTE};
use crate::emit::{DocSeries, Lane, Mode, Sink};
use crate::incidents::IncidentPlan;
use crate::names::{self, DocKind};
use crate::org::{self, Org};
use crate::{Config, DemoAccount};

/// Element kinds with generated ids, and their id prefixes.
#[derive(Clone, Copy)]
pub(crate) enum IdKind {
    Incident,
    Case,
    Person,
    Measure,
    Stay,
    Interrogation,
    Property,
    Document,
}

const ID_PREFIX: [&str; 8] = ["J", "C", "P", "M", "S", "I", "W", "D"];

/// Person flags, in FORMAT.md order.
/// Share of suspects who are foreign nationals (TS-13), drawn by key.
pub(crate) const FOREIGN_SUSPECT: f64 = 0.02;
/// Their nationalities (ISO 3166-1 alpha-3), drawn by key, each with names as Chinese records
/// transliterate them (men's, then women's).
pub(crate) const FOREIGN_NATIONALITIES: [(&str, [&str; 3], [&str; 3]); 6] = [
    (
        "VNM",
        ["阮文雄", "陈文俊", "黎光明"],
        ["阮氏兰", "陈氏秋", "黎氏花"],
    ),
    (
        "MMR",
        ["吴敏昂", "梭温", "貌丁"],
        ["杜丹丹", "玛敏", "杜温"],
    ),
    (
        "KOR",
        ["金敏俊", "李成浩", "朴志勋"],
        ["金秀妍", "李智恩", "朴敏智"],
    ),
    (
        "RUS",
        ["伊万·彼得罗夫", "谢尔盖·伊万诺夫", "安德烈·索科洛夫"],
        ["安娜·彼得罗娃", "叶莲娜·伊万诺娃", "奥尔加·索科洛娃"],
    ),
    (
        "NGA",
        ["奥卢·阿德巴约", "伊菲亚尼·奥孔科沃", "丘库·埃泽"],
        ["阿达·奥比", "恩戈齐·埃泽", "芙恩克·阿德巴约"],
    ),
    (
        "PAK",
        ["穆罕默德·阿里", "阿赫迈德·汗", "伊姆兰·沙阿"],
        ["法蒂玛·汗", "艾莎·阿里", "萨娜·沙阿"],
    ),
];

pub(crate) mod flag {
    pub const PREGNANT: u8 = 1;
    pub const NURSING: u8 = 2;
    pub const BLIND: u8 = 4;
    pub const DEAF: u8 = 8;
    pub const MUTE: u8 = 16;
    pub const MENTAL: u8 = 32;
    /// A foreign national (TS-13); not one of the FORMAT flags.
    pub const FOREIGN: u8 = 64;
    pub const NAMES: [&str; 6] = [
        "pregnant",
        "nursing_infant",
        "blind",
        "deaf",
        "mute",
        "mental",
    ];
}

#[derive(Clone)]
pub(crate) struct Person {
    pub id: String,
    pub female: bool,
    /// Birth date as a day number.
    pub birth: i32,
    pub flags: u8,
    /// The last planned instant of any measure or stay of this person; a person is reused in a
    /// later case only after it, so that stays never overlap.
    pub busy_until: i64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Profile {
    Suspect,
    Victim,
    Witness,
}

/// Incidents per day at scale 1.0 (about 20,000 in 180 days).
const INCIDENTS_PER_DAY: f64 = 20_000.0 / 180.0;
/// At tiny scales still produce enough incidents that every element kind appears.
const MIN_INCIDENTS: usize = 300;

pub(crate) struct Gen {
    pub rng: StdRng,
    /// The configuration's seed, for draws keyed by an element (`p_keyed`).
    seed: u64,
    pub sink: Sink,
    pub cal: Calendar,
    /// First instant of the generated history.
    pub start: i64,
    /// Last instant; nothing happens after it.
    pub end: i64,
    pub org: Org,
    pub persons: Vec<Person>,
    id_numbers: HashSet<String>,
    counters: [u32; 8],
    /// Earlier suspects who may offend again.
    pub repeat_pool: Vec<usize>,
    incident_count: usize,
    /// Occupation of the centers' holding and waiting rooms.
    pub rooms: crate::measures::Rooms,
}

impl Gen {
    pub(crate) fn new(config: &Config) -> Gen {
        let mut rng = StdRng::seed_from_u64(config.seed);
        let org = Org::build(&mut rng);
        let end = config.end.as_second();
        let start = end - i64::from(config.days.max(1)) * DAY;
        let days = f64::from(config.days.max(1));
        let incident_count = ((INCIDENTS_PER_DAY * config.scale.max(0.0) * days).round() as usize)
            .max(MIN_INCIDENTS);
        Gen {
            rng,
            seed: config.seed,
            sink: Sink::new(start, end, Mode::Keep),
            cal: Calendar::new(),
            start,
            end,
            org,
            persons: Vec::new(),
            id_numbers: HashSet::new(),
            counters: [0; 8],
            repeat_pool: Vec::new(),
            incident_count,
            rooms: Default::default(),
        }
    }

    /// Generates everything, handing each line to `write` in time order as soon as no earlier
    /// fact can come; returns the demo accounts.
    ///
    /// Cases are generated in order of acceptance and none writes a fact before its
    /// acceptance (`t_a`: everything a case does is counted forward from it), so before each
    /// case everything earlier than its `t_a` is final and written. The incident phase,
    /// though, writes every incident of the history before the first case, from the same
    /// random stream: it runs here only for its seeds and random state, its facts dropped,
    /// and a copy of the generator taken before it replays it in step with the cases
    /// (incidents come in time order and write nothing before their reception).
    pub(crate) fn run(
        mut self,
        write: &mut dyn FnMut(&str) -> io::Result<()>,
    ) -> io::Result<Vec<DemoAccount>> {
        self.setup();
        let mut replay = self.fork(Mode::Drop);
        let mut plan = replay.incident_plan(self.incident_count);
        self.sink.set_mode(Mode::Drop);
        let mut seeds = self.incidents(self.incident_count);
        self.sink.set_mode(Mode::Keep);
        seeds.extend(self.proactive_cases(self.incident_count));
        seeds.sort_by_key(|s| (s.t_a, s.order));
        // The first year's document numbers depend on the whole year's documents: a copy
        // generates the cases accepted that year beforehand, only counting.
        if let Some(boundary) = self.sink.prior_boundary() {
            let mut prior = self.fork(Mode::Count);
            for seed in seeds.iter().take_while(|s| s.t_a < boundary) {
                prior.case(seed.clone());
            }
            self.sink.set_prior(prior.sink.into_counts());
        }
        self.sink.set_lane(Lane::Cases);
        for seed in seeds {
            self.advance(seed.t_a, &mut replay, &mut plan, write)?;
            self.case(seed);
        }
        self.advance(i64::MAX, &mut replay, &mut plan, write)?;
        Ok(std::mem::take(&mut self.org.accounts))
    }

    /// Replays the incidents received before `cutoff` into this generator's sink, then
    /// writes every fact before it: the caller promises that nothing earlier will come.
    fn advance(
        &mut self,
        cutoff: i64,
        replay: &mut Gen,
        plan: &mut IncidentPlan,
        write: &mut dyn FnMut(&str) -> io::Result<()>,
    ) -> io::Result<()> {
        if plan.next_time().is_some_and(|t| t < cutoff) {
            std::mem::swap(&mut self.sink, &mut replay.sink);
            replay.sink.set_lane(Lane::Incidents);
            while plan.next_time().is_some_and(|t| t < cutoff) {
                replay.next_incident(plan);
            }
            replay.sink.set_lane(Lane::Cases);
            std::mem::swap(&mut self.sink, &mut replay.sink);
        }
        self.sink.flush(cutoff, write)
    }

    /// A copy of the generator in its current state, writing into a new sink in `mode`.
    fn fork(&self, mode: Mode) -> Gen {
        Gen {
            rng: self.rng.clone(),
            seed: self.seed,
            sink: Sink::new(self.start, self.end, mode),
            cal: self.cal.clone(),
            start: self.start,
            end: self.end,
            org: self.org.clone(),
            persons: self.persons.clone(),
            id_numbers: self.id_numbers.clone(),
            counters: self.counters,
            repeat_pool: self.repeat_pool.clone(),
            incident_count: self.incident_count,
            rooms: self.rooms.clone(),
        }
    }

    /// Generates everything the way it was before streaming: every fact collected, then
    /// sorted and numbered at once. Kept to check `run` against.
    #[cfg(test)]
    pub(crate) fn run_all_at_once(mut self, mut write: impl FnMut(&str)) -> Vec<DemoAccount> {
        self.setup();
        self.sink.set_lane(Lane::Incidents);
        let mut seeds = self.incidents(self.incident_count);
        seeds.extend(self.proactive_cases(self.incident_count));
        seeds.sort_by_key(|s| (s.t_a, s.order));
        self.sink.set_lane(Lane::Cases);
        for seed in seeds {
            self.case(seed);
        }
        let accounts = std::mem::take(&mut self.org.accounts);
        self.sink.finish_all_at_once(&mut write);
        accounts
    }

    // ---- random helpers -------------------------------------------------------------------

    /// True with probability `p`.
    pub(crate) fn p(&mut self, p: f64) -> bool {
        self.rng.gen_bool(p.clamp(0.0, 1.0))
    }

    /// True with probability `p`, drawn from the seed and `key` (an element's id) instead of
    /// the generator's stream: a violation added later this way leaves every other draw, and so
    /// the rest of the province, as it was.
    pub(crate) fn p_keyed(&self, key: &str, p: f64) -> bool {
        self.u_keyed(key) < p
    }

    /// Uniform in `[0, 1)`, drawn from the seed and `key` (see [`Self::p_keyed`]).
    pub(crate) fn u_keyed(&self, key: &str) -> f64 {
        // FNV-1a over the key, then SplitMix64's finaliser with the seed.
        let mut x = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        }) ^ self.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^= x >> 31;
        (x >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A time in office hours (09:00–17:00) on the first working day at least `lo` and less
    /// than `hi` days after `t`, drawn from the seed and `key` (see [`Self::p_keyed`]).
    /// A duration of up to `n` units, drawn from the seed and `key` (see [`Self::p_keyed`]).
    pub(crate) fn span_keyed(&self, key: &str, n: f64, unit: i64) -> i64 {
        (self.u_keyed(key) * n * unit as f64) as i64
    }

    /// One of `n` choices, drawn from the seed and `key` (see [`Self::p_keyed`]).
    pub(crate) fn pick_keyed(&self, key: &str, n: usize) -> usize {
        (self.u_keyed(key) * n as f64) as usize % n
    }

    pub(crate) fn office_keyed(&self, key: &str, t: i64, lo: i64, hi: i64) -> i64 {
        let days = lo + (self.u_keyed(&format!("{key}/days")) * (hi - lo) as f64) as i64;
        let day = self.cal.next_working_day(clock::local_day(t + days * DAY));
        let minute = (self.u_keyed(&format!("{key}/minute")) * 480.0) as i64;
        clock::local_midnight(day) + 9 * HOUR + minute * MINUTE
    }

    /// Uniform in `lo..hi` (or `lo` when the range is empty).
    pub(crate) fn r(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            lo
        } else {
            self.rng.gen_range(lo..hi)
        }
    }

    /// A duration of `lo..hi` minutes, in seconds.
    pub(crate) fn mins(&mut self, lo: i64, hi: i64) -> i64 {
        self.r(lo, hi) * MINUTE
    }

    /// A duration of `lo..hi` hours, minute precision, in seconds.
    pub(crate) fn hrs(&mut self, lo: i64, hi: i64) -> i64 {
        self.r(lo * 60, hi * 60) * MINUTE
    }

    /// A duration of `lo..hi` days, minute precision, in seconds.
    pub(crate) fn days(&mut self, lo: i64, hi: i64) -> i64 {
        self.r(lo * 1440, hi * 1440) * MINUTE
    }

    pub(crate) fn idx(&mut self, len: usize) -> usize {
        if len <= 1 {
            0
        } else {
            self.rng.gen_range(0..len)
        }
    }

    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.idx(items.len())]
    }

    /// An index drawn with the given relative weights.
    pub(crate) fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.rng.gen_range(0..total.max(1));
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    /// The first office moment (08:30–17:30 on a working day) at or after `t`, for paperwork
    /// that waits for office hours: reviews, decisions, closing, archiving.
    pub(crate) fn office(&mut self, t: i64) -> i64 {
        const OPEN: i64 = 8 * HOUR + 30 * MINUTE;
        const CLOSE: i64 = 17 * HOUR + 30 * MINUTE;
        let day = clock::local_day(t);
        let sod = clock::second_of_day(t);
        if !self.cal.is_rest_day(day) {
            if (OPEN..CLOSE).contains(&sod) {
                return t;
            }
            if sod < OPEN {
                return clock::local_midnight(day) + OPEN + self.mins(0, 90);
            }
        }
        let next = self.cal.next_working_day(day + 1);
        clock::local_midnight(next) + OPEN + self.mins(0, 150)
    }

    pub(crate) fn new_id(&mut self, kind: IdKind) -> String {
        let i = kind as usize;
        self.counters[i] += 1;
        format!("{}{:07}", ID_PREFIX[i], self.counters[i])
    }

    /// Fills `{place}`, `{road}`, `{amt}`, `{item}`, `{reason}`, `{n}`, `{phone}`, `{car}`.
    pub(crate) fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let key = &rest[open + 1..open + close];
            match key {
                "place" => {
                    let road = self.pick(names::ROADS);
                    match self.r(0, 3) {
                        0 => {
                            out.push_str(self.pick(names::XIAOQU));
                            out.push_str("小区");
                        }
                        1 => {
                            out.push_str(road);
                            out.push_str(self.pick(names::VENUES));
                        }
                        _ => out.push_str(self.pick(names::VENUES)),
                    }
                }
                "road" => out.push_str(self.pick(names::ROADS)),
                "amt" => out.push_str(&self.pick(names::LOSS_AMOUNTS).to_string()),
                "item" => out.push_str(self.pick(names::ITEMS)),
                "reason" => out.push_str(self.pick(names::REASONS)),
                "n" => out.push_str(&self.r(2, 30).to_string()),
                "phone" => out.push_str(self.pick(names::PHONE_BRANDS)),
                "car" => out.push_str(self.pick(names::CAR_BRANDS)),
                other => out.push_str(other),
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out
    }

    // ---- setup ----------------------------------------------------------------------------

    /// Units, officers and the calendar, at local midnight of the first day.
    fn setup(&mut self) {
        let setup_at = clock::local_midnight(clock::local_day(self.start));
        for unit in &self.org.units {
            self.sink
                .fact(setup_at, "unit.defined")
                .s("id", &unit.id)
                .s("name", &unit.name)
                .opt("parent", unit.parent.map(|p| self.org.units[p].id.as_str()))
                .s("level", unit.level)
                .done();
        }
        for o in &self.org.officers {
            self.sink
                .fact(setup_at, "officer.defined")
                .s("id", &o.id)
                .s("name", &o.name)
                .s("unit", &self.org.units[o.unit].id)
                .s("gender", if o.female { "female" } else { "male" })
                .b("auxiliary", o.auxiliary)
                .list("roles", &o.roles)
                .done();
        }
        // Deadlines computed after `end` still need the calendar, hence the margin.
        let first_year = clock::civil_from_days(clock::local_day(setup_at)).0;
        let last_year = clock::civil_from_days(clock::local_day(self.end + 120 * DAY)).0;
        for d in Calendar::days() {
            if d.year < first_year || d.year > last_year {
                continue;
            }
            let new_year = clock::local_midnight(clock::days_from_civil(d.year, 1, 1));
            self.sink
                .fact(new_year.min(setup_at), "calendar.day")
                .date("date", d.day)
                .s("kind", if d.holiday { "holiday" } else { "workday" })
                .done();
        }
    }

    // ---- organisation look-ups ------------------------------------------------------------

    pub(crate) fn county_leader(&mut self, county: usize) -> usize {
        let n = self.org.counties[county].leaders.len();
        let i = self.idx(n);
        self.org.counties[county].leaders[i]
    }

    pub(crate) fn county_legal_officer(&mut self, county: usize) -> usize {
        let n = self.org.counties[county].legal_officers.len();
        let i = self.idx(n);
        self.org.counties[county].legal_officers[i]
    }

    pub(crate) fn county_custodian(&mut self, county: usize) -> usize {
        let n = self.org.counties[county].custodians.len();
        let i = self.idx(n);
        self.org.counties[county].custodians[i]
    }

    // ---- persons --------------------------------------------------------------------------

    /// Registers a new person at `at`, resident in `county` (mostly).
    pub(crate) fn new_person(&mut self, at: i64, profile: Profile, county: usize) -> usize {
        let female = self.p(match profile {
            Profile::Suspect => 0.16,
            Profile::Victim => 0.45,
            Profile::Witness => 0.4,
        });
        let age = self.sample_age(profile);
        let today = clock::local_day(at);
        // Born more than `age + 1` years ago less a day, and at most `age` years ago, so the
        // age on `today` is exactly `age`.
        let (y, m, d) = clock::civil_from_days(today);
        let d = if m == 2 && d == 29 { 28 } else { d };
        let latest = clock::days_from_civil(y - age, m, d);
        let earliest = clock::days_from_civil(y - age - 1, m, d) + 1;
        let birth = self.r(i64::from(earliest), i64::from(latest) + 1) as i32;
        debug_assert_eq!(clock::age_years(birth, today), age);
        let mut flags = 0u8;
        if female && (20..=40).contains(&age) {
            if self.p(0.012) {
                flags |= flag::PREGNANT;
            } else if self.p(0.01) {
                flags |= flag::NURSING;
            }
        }
        if self.p(0.004) {
            flags |= flag::MENTAL;
        }
        if self.p(0.002) {
            flags |= flag::DEAF;
            if self.p(0.5) {
                flags |= flag::MUTE;
            }
        }
        if self.p(0.001) {
            flags |= flag::BLIND;
        }
        let name = org::person_name(&mut self.rng, female);
        let id = self.new_id(IdKind::Person);
        // Most people carry a resident ID card; visitors without one give a birth date only.
        let id_number = if self.p(0.96) {
            let region = if self.p(0.85) {
                self.org.counties[county].region.clone()
            } else {
                self.pick(names::OTHER_REGIONS).to_owned()
            };
            let (y, m, d) = clock::civil_from_days(birth);
            let date =
                jiff::civil::Date::new(y as i16, m as i8, d as i8).expect("valid civil date");
            // Unique numbers; should a region and birth date ever run out of sequence
            // numbers (absurd scales), the person is registered without one.
            (0..50).find_map(|_| {
                let seq = self.r(1, 1000) as u16;
                let n = crate::id_number(&region, date, seq, female);
                self.id_numbers.insert(n.clone()).then_some(n)
            })
        } else {
            None
        };
        // A few suspects are foreign nationals (TS-13), drawn by key: a passport, not an ID
        // number (the number drawn all the same, so that the rest of the history stays).
        // Their names as the records transliterate them (the Chinese name drawn all the same).
        let foreign = (profile == Profile::Suspect
            && self.p_keyed(&format!("{id}/foreign"), FOREIGN_SUSPECT))
        .then(|| {
            let (code, men, women) = FOREIGN_NATIONALITIES
                [self.pick_keyed(&format!("{id}/nationality"), FOREIGN_NATIONALITIES.len())];
            let names = if female { women } else { men };
            (
                code,
                names[self.pick_keyed(&format!("{id}/name"), names.len())],
            )
        });
        let nationality = foreign.map(|(code, _)| code);
        let name = foreign.map_or(name, |(_, name)| name.to_owned());
        let id_number = if nationality.is_some() {
            flags |= flag::FOREIGN;
            None
        } else {
            id_number
        };
        let flag_names: Vec<&str> = (0..6)
            .filter(|i| flags & (1 << i) != 0)
            .map(|i| flag::NAMES[i])
            .collect();
        self.sink
            .fact(at, "person.registered")
            .s("id", &id)
            .s("name", &name)
            .s("gender", if female { "female" } else { "male" })
            .opt("id_number", id_number.as_deref())
            .date("birth_date", birth)
            .list("flags", &flag_names)
            .opt("nationality", nationality)
            .done();
        self.persons.push(Person {
            id,
            female,
            birth,
            flags,
            busy_until: at,
        });
        self.persons.len() - 1
    }

    fn sample_age(&mut self, profile: Profile) -> i32 {
        let u: f64 = self.rng.gen_range(0.0..1.0);
        let (lo, hi) = match profile {
            Profile::Suspect => {
                if u < 0.045 {
                    let minor = [12, 13, 14, 14, 15, 15, 15, 16, 16, 16, 16, 17, 17, 17, 17];
                    return self.pick(&minor);
                } else if u < 0.07 {
                    (70, 83)
                } else {
                    let buckets: [(i32, i32); 5] =
                        [(18, 25), (25, 35), (35, 45), (45, 55), (55, 70)];
                    buckets[self.weighted(&[20, 32, 24, 15, 9])]
                }
            }
            Profile::Victim => {
                if u < 0.08 {
                    (6, 18)
                } else if u < 0.18 {
                    (60, 86)
                } else {
                    (18, 60)
                }
            }
            Profile::Witness => {
                if u < 0.05 {
                    (10, 18)
                } else {
                    (18, 72)
                }
            }
        };
        self.r(i64::from(lo), i64::from(hi)) as i32
    }

    pub(crate) fn age(&self, person: usize, at: i64) -> i32 {
        clock::age_years(self.persons[person].birth, clock::local_day(at))
    }

    /// Under 16, 70 or over, pregnant or nursing: the persons RQ-03 and CS-07 protect.
    pub(crate) fn special(&self, person: usize, at: i64) -> bool {
        let age = self.age(person, at);
        !(16..70).contains(&age)
            || self.persons[person].flags & (flag::PREGNANT | flag::NURSING) != 0
    }

    /// Blind, deaf, mute or mentally ill: mandatory legal aid (TS-04).
    pub(crate) fn disabled(&self, person: usize) -> bool {
        self.persons[person].flags & (flag::BLIND | flag::DEAF | flag::MUTE | flag::MENTAL) != 0
    }

    pub(crate) fn mark_busy(&mut self, person: usize, until: i64) {
        let p = &mut self.persons[person];
        p.busy_until = p.busy_until.max(until);
    }

    // ---- documents ------------------------------------------------------------------------

    /// Issues a numbered document of the case's county bureau; returns its id.
    pub(crate) fn issue_doc(
        &mut self,
        at: i64,
        case: &crate::cases::CaseCtx,
        kind: DocKind,
        subject: Option<&str>,
    ) -> String {
        self.issue_doc_listing(at, case, kind, subject, None)
    }

    /// As [`Self::issue_doc`], saying which elements the document holds (JZ-09).
    pub(crate) fn issue_doc_listing(
        &mut self,
        at: i64,
        case: &crate::cases::CaseCtx,
        kind: DocKind,
        subject: Option<&str>,
        contents: Option<&[&str]>,
    ) -> String {
        let id = self.new_id(IdKind::Document);
        let county = &self.org.counties[case.county];
        let series = DocSeries {
            unit: case.county as u8,
            kind: kind.index(),
            abbr: county.abbr,
            dept: if case.criminal { "刑" } else { "治" },
            word: kind.word(case.criminal),
        };
        let fact = self
            .sink
            .fact(at, "document.issued")
            .s("id", &id)
            .s("case", &case.id)
            .s("kind", kind.as_str())
            .number(series)
            .opt("subject", subject);
        let fact = match contents {
            Some(contents) => fact.list("contents", contents),
            None => fact,
        };
        fact.done();
        id
    }

    pub(crate) fn serve_doc(&mut self, at: i64, doc: &str, person: usize) {
        self.sink
            .fact(at, "document.served")
            .s("id", doc)
            .s("to", &self.persons[person].id)
            .done();
    }
}
