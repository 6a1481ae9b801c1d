//! Facts as compact JSON lines, written out in time order as soon as no earlier fact can come.
//!
//! Lines are formatted directly (no `serde_json::Value` per fact) and kept in per-day
//! buckets until the generator promises that nothing earlier than a cutoff will come
//! (`Sink::flush`); every whole day before the cutoff is then sorted, numbered and written.
//! Memory is thus bounded by the facts still in the future of the generation (a case writes
//! its whole lifecycle when it is accepted), not by the province. The format matches
//! `serde_json`'s compact output byte for byte, which the tests check.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io;

use crate::clock::{self, DAY};

/// The order in which facts sharing one `at` are written: a fact defining an element comes
/// before the facts that reference it (ties apply in file order, FORMAT.md).
fn rank(kind: &str) -> u8 {
    match kind {
        "unit.defined" => 0,
        "officer.defined" => 1,
        "calendar.day" => 2,
        "person.registered" => 3,
        "incident.received" => 4,
        "case.accepted" => 5,
        "measure.started" => 6,
        "custody.entered" => 7,
        "interrogation.held" => 8,
        "property.seized" => 9,
        "document.issued" => 10,
        _ => 20,
    }
}

/// The numbering series of a document: its number is assigned when the facts are written in
/// time order, so that numbers run 0001, 0002, … per issuing unit, kind, department (刑/治) and
/// year — one sequence per 字号, as bureaus number them; the full number is unique.
pub(crate) struct DocSeries {
    /// Index of the issuing unit (the county bureau).
    pub unit: u8,
    pub kind: u8,
    /// The bureau's abbreviation, e.g. "青" in 青公（刑）拘通字〔2026〕0031号.
    pub abbr: &'static str,
    /// 刑 or 治.
    pub dept: &'static str,
    pub word: &'static str,
}

/// The generation phase a fact comes from. Facts sharing an `at` and a rank are written in
/// the order they were generated in before streaming: the setup, then every incident, then
/// the cases. The incidents are now replayed interleaved with the cases, so the order key is
/// (rank, lane, sequence within the lane) rather than one global sequence.
#[derive(Clone, Copy)]
pub(crate) enum Lane {
    Setup = 0,
    Incidents = 1,
    Cases = 2,
}

/// What the sink does with a finished fact.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Keeps it until `flush` writes it.
    Keep,
    /// Only counts documents per series and year: the numbering's prior pass.
    Count,
    /// Forgets it: a phase run only for its random state and results, replayed later.
    Drop,
}

/// A document whose number is not known yet: `split` is where the number goes in its line.
struct PendingDoc {
    split: usize,
    series: DocSeries,
}

/// One fact: its line is `arena[start..start + len]` of its bucket.
struct Rec {
    at: i64,
    /// Rank, lane and sequence within the lane (see `Fact::done`).
    order: u64,
    start: usize,
    len: u32,
    /// Index into the bucket's `docs`, or `NO_DOC`.
    doc: u32,
}

const NO_DOC: u32 = u32::MAX;

/// The facts of one day (UTC: any partition of time into consecutive intervals works), in
/// one arena: a province has hundreds of thousands of facts a day, and one allocation per
/// fact made the allocator the bottleneck.
#[derive(Default)]
struct Bucket {
    arena: String,
    recs: Vec<Rec>,
    docs: Vec<PendingDoc>,
}

/// A document series in one year.
type SeriesYear = (u8, u8, &'static str, i32);

/// Collects facts and writes them in time order; drops every fact whose `at` is after `end`.
pub(crate) struct Sink {
    mode: Mode,
    /// The fact being written.
    line: String,
    /// Facts not written yet, by day (`at` divided by `DAY`).
    buckets: BTreeMap<i64, Bucket>,
    /// The generator promised no fact before this instant will come any more.
    closed_before: i64,
    lane: Lane,
    /// Facts kept so far per lane.
    seqs: [u64; 3],
    /// Per series and year: in `Keep` mode the last number written, in `Count` mode the
    /// documents seen.
    numbers: HashMap<SeriesYear, u32>,
    /// The documents per series and year before `prior_boundary`, counted in advance
    /// (`set_prior`): the first year's numbers start from them.
    prior: Option<HashMap<SeriesYear, u32>>,
    /// The generated history: documents issued before `start` are accounted for in the
    /// numbering, as if the bureau had been issuing them since New Year.
    start: i64,
    end: i64,
}

impl Sink {
    pub(crate) fn new(start: i64, end: i64, mode: Mode) -> Self {
        Sink {
            mode,
            line: String::with_capacity(1024),
            buckets: BTreeMap::new(),
            closed_before: i64::MIN,
            lane: Lane::Setup,
            seqs: [0; 3],
            numbers: HashMap::new(),
            prior: None,
            start,
            end,
        }
    }

    pub(crate) fn set_mode(&mut self, mode: Mode) {
        self.mode = mode;
    }

    pub(crate) fn mode(&self) -> Mode {
        self.mode
    }

    pub(crate) fn set_lane(&mut self, lane: Lane) {
        self.lane = lane;
    }

    /// Starts a fact of `kind` at `at`; add fields in FORMAT.md order, then call `done`.
    pub(crate) fn fact(&mut self, at: i64, kind: &'static str) -> Fact<'_> {
        self.line.clear();
        self.line.push_str("{\"fact\":\"");
        self.line.push_str(kind);
        self.line.push_str("\",\"at\":\"");
        clock::write_at(&mut self.line, at);
        self.line.push('"');
        Fact {
            sink: self,
            at,
            rank: rank(kind),
            doc: None,
        }
    }

    /// The instant before which the documents must be counted in advance, if any.
    ///
    /// A series' numbers run on without gaps; when the history starts after New Year, the
    /// first number continues the series at the rate seen in the history's first year (a
    /// bureau in June is not at 0001), so it depends on how many documents that year brings,
    /// known only at the year's end (the next New Year). `None` when the history starts
    /// exactly at New Year.
    pub(crate) fn prior_boundary(&self) -> Option<i64> {
        let year = year_of(self.start);
        (self.start > new_year(year)).then(|| new_year(year + 1))
    }

    /// Sets the documents per series and year counted in advance by a `Count` sink that saw
    /// every fact before `prior_boundary`.
    pub(crate) fn set_prior(&mut self, counts: HashMap<SeriesYear, u32>) {
        self.prior = Some(counts);
    }

    /// The documents counted per series and year (`Count` mode).
    pub(crate) fn into_counts(self) -> HashMap<SeriesYear, u32> {
        self.numbers
    }

    /// The number before the first document of a series in a year. Only the history's first
    /// year can start above 0 (`before` and `during` are both positive for no other year).
    fn first_number(&self, key: SeriesYear) -> u32 {
        let year = key.3;
        let before = self.start - new_year(year);
        let during = new_year(year + 1).min(self.end) - self.start.max(new_year(year));
        if before > 0 && during > 0 {
            let prior = self
                .prior
                .as_ref()
                .expect("the first year's documents are counted before any is written");
            let n = prior.get(&key).copied().unwrap_or(0);
            (i128::from(n) * i128::from(before) / i128::from(during)) as u32
        } else {
            0
        }
    }

    /// Promises that no fact before `cutoff` will come any more, and writes, in time order
    /// and numbered, the facts of every day that ends by then.
    pub(crate) fn flush(
        &mut self,
        cutoff: i64,
        write: &mut dyn FnMut(&str) -> io::Result<()>,
    ) -> io::Result<()> {
        self.closed_before = self.closed_before.max(cutoff);
        let mut line = String::new();
        while let Some(entry) = self.buckets.first_entry() {
            if (*entry.key() + 1) * DAY > cutoff {
                break;
            }
            let mut bucket = entry.remove();
            bucket.recs.sort_unstable_by_key(|r| (r.at, r.order));
            for rec in &bucket.recs {
                let text = &bucket.arena[rec.start..rec.start + rec.len as usize];
                if rec.doc == NO_DOC {
                    write(text)?;
                    continue;
                }
                let doc = &bucket.docs[rec.doc as usize];
                let s = &doc.series;
                let year = year_of(rec.at);
                let key = (s.unit, s.kind, s.dept, year);
                let n = match self.numbers.get(&key) {
                    Some(&n) => n + 1,
                    None => self.first_number(key) + 1,
                };
                self.numbers.insert(key, n);
                line.clear();
                line.push_str(&text[..doc.split]);
                let _ = write!(
                    line,
                    "\"{}公（{}）{}字〔{year}〕{:04}号\"",
                    s.abbr, s.dept, s.word, n
                );
                line.push_str(&text[doc.split..]);
                write(&line)?;
            }
        }
        Ok(())
    }

    /// Today's algorithm before streaming, kept to check the streaming one against: every
    /// fact sorted at once, each series counted over the whole history.
    #[cfg(test)]
    pub(crate) fn finish_all_at_once(self, mut write: impl FnMut(&str)) {
        let mut recs: Vec<(&Bucket, &Rec)> = self
            .buckets
            .values()
            .flat_map(|b| b.recs.iter().map(move |r| (b, r)))
            .collect();
        recs.sort_by_key(|(_, r)| (r.at, r.order));
        let mut counters: HashMap<SeriesYear, u32> = HashMap::new();
        for (b, rec) in recs.iter().filter(|(_, r)| r.doc != NO_DOC) {
            let s = &b.docs[rec.doc as usize].series;
            *counters
                .entry((s.unit, s.kind, s.dept, year_of(rec.at)))
                .or_insert(0) += 1;
        }
        for (&(_, _, _, year), n) in counters.iter_mut() {
            let new_year = clock::local_midnight(clock::days_from_civil(year, 1, 1));
            let next_year = clock::local_midnight(clock::days_from_civil(year + 1, 1, 1));
            let before = self.start - new_year;
            let during = next_year.min(self.end) - self.start.max(new_year);
            *n = if before > 0 && during > 0 {
                (i128::from(*n) * i128::from(before) / i128::from(during)) as u32
            } else {
                0
            };
        }
        let mut line = String::new();
        for (b, rec) in recs {
            let text = &b.arena[rec.start..rec.start + rec.len as usize];
            if rec.doc == NO_DOC {
                write(text);
                continue;
            }
            let doc = &b.docs[rec.doc as usize];
            let s = &doc.series;
            let year = year_of(rec.at);
            let n = counters.entry((s.unit, s.kind, s.dept, year)).or_insert(0);
            *n += 1;
            line.clear();
            line.push_str(&text[..doc.split]);
            let _ = write!(
                line,
                "\"{}公（{}）{}字〔{year}〕{:04}号\"",
                s.abbr, s.dept, s.word, n
            );
            line.push_str(&text[doc.split..]);
            write(&line);
        }
    }
}

fn year_of(at: i64) -> i32 {
    clock::civil_from_days(clock::local_day(at)).0
}

fn new_year(year: i32) -> i64 {
    clock::local_midnight(clock::days_from_civil(year, 1, 1))
}

/// A fact being written into the sink's line.
pub(crate) struct Fact<'a> {
    sink: &'a mut Sink,
    at: i64,
    rank: u8,
    doc: Option<(usize, DocSeries)>,
}

impl Fact<'_> {
    fn key(&mut self, key: &str) {
        let line = &mut self.sink.line;
        line.push_str(",\"");
        line.push_str(key);
        line.push_str("\":");
    }

    /// A string field.
    pub(crate) fn s(mut self, key: &str, value: &str) -> Self {
        self.key(key);
        push_json_str(&mut self.sink.line, value);
        self
    }

    /// A string field, only when present.
    pub(crate) fn opt(self, key: &str, value: Option<&str>) -> Self {
        match value {
            Some(v) => self.s(key, v),
            None => self,
        }
    }

    /// A boolean field, only when present.
    pub(crate) fn opt_b(self, key: &str, value: Option<bool>) -> Self {
        match value {
            Some(v) => self.b(key, v),
            None => self,
        }
    }

    /// A time field, only when present.
    pub(crate) fn opt_t(self, key: &str, ts: Option<i64>) -> Self {
        match ts {
            Some(ts) => self.t(key, ts),
            None => self,
        }
    }

    /// An integer field.
    pub(crate) fn n(mut self, key: &str, value: i64) -> Self {
        self.key(key);
        let _ = write!(self.sink.line, "{value}");
        self
    }

    pub(crate) fn b(mut self, key: &str, value: bool) -> Self {
        self.key(key);
        self.sink
            .line
            .push_str(if value { "true" } else { "false" });
        self
    }

    /// A timestamp field.
    pub(crate) fn t(mut self, key: &str, ts: i64) -> Self {
        self.key(key);
        let line = &mut self.sink.line;
        line.push('"');
        clock::write_at(line, ts);
        line.push('"');
        self
    }

    /// A `YYYY-MM-DD` field.
    pub(crate) fn date(mut self, key: &str, day: i32) -> Self {
        self.key(key);
        let line = &mut self.sink.line;
        line.push('"');
        clock::write_date(line, day);
        line.push('"');
        self
    }

    /// An array of strings.
    pub(crate) fn list<S: AsRef<str>>(mut self, key: &str, values: &[S]) -> Self {
        self.key(key);
        let line = &mut self.sink.line;
        line.push('[');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                line.push(',');
            }
            push_json_str(line, v.as_ref());
        }
        line.push(']');
        self
    }

    /// A field whose value is already compact JSON.
    pub(crate) fn raw(mut self, key: &str, json: &str) -> Self {
        self.key(key);
        self.sink.line.push_str(json);
        self
    }

    /// The document number, filled in when the facts are in order.
    pub(crate) fn number(mut self, series: DocSeries) -> Self {
        self.key("number");
        let split = self.sink.line.len();
        self.doc = Some((split, series));
        self
    }

    /// Records the fact, unless it lies after the end of the generated history.
    pub(crate) fn done(self) {
        let sink = self.sink;
        if self.at > sink.end {
            return;
        }
        sink.line.push('}');
        match sink.mode {
            Mode::Drop => {}
            Mode::Count => {
                if let Some((_, s)) = self.doc {
                    *sink
                        .numbers
                        .entry((s.unit, s.kind, s.dept, year_of(self.at)))
                        .or_insert(0) += 1;
                }
            }
            Mode::Keep => {
                // A fact before the promised cutoff may belong to a day already written: the
                // output would be out of order, so the generator's promise is checked.
                assert!(
                    self.at >= sink.closed_before,
                    "a fact at {} came after the promise that none before {} would",
                    self.at,
                    sink.closed_before
                );
                let lane = sink.lane as usize;
                let seq = sink.seqs[lane];
                sink.seqs[lane] += 1;
                let order = (u64::from(self.rank) << 56) | ((lane as u64) << 48) | seq;
                let bucket = sink.buckets.entry(self.at.div_euclid(DAY)).or_default();
                let doc = match self.doc {
                    None => NO_DOC,
                    Some((split, series)) => {
                        bucket.docs.push(PendingDoc { split, series });
                        (bucket.docs.len() - 1) as u32
                    }
                };
                bucket.recs.push(Rec {
                    at: self.at,
                    order,
                    start: bucket.arena.len(),
                    len: sink.line.len() as u32,
                    doc,
                });
                bucket.arena.push_str(&sink.line);
            }
        }
    }
}

/// Appends `s` as a JSON string, escaped exactly as `serde_json` does.
pub(crate) fn push_json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_like_serde_json() {
        for s in [
            "plain",
            "中文摘要",
            "quote \" and \\ back",
            "ctl \u{01}\u{1f}\n\t\r\u{08}\u{0c}",
            "é/",
        ] {
            let mut out = String::new();
            push_json_str(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap());
        }
    }

    /// The lines of the facts `add` writes, the streaming way (documents counted in advance,
    /// then flushed), checked against the all-at-once way.
    fn lines(start: i64, end: i64, add: impl Fn(&mut Sink)) -> Vec<String> {
        let mut counting = Sink::new(start, end, Mode::Count);
        add(&mut counting);
        let mut sink = Sink::new(start, end, Mode::Keep);
        sink.set_prior(counting.into_counts());
        add(&mut sink);
        let mut streamed = Vec::new();
        sink.flush(i64::MAX, &mut |l| {
            streamed.push(l.to_owned());
            Ok(())
        })
        .unwrap();
        let mut reference = Sink::new(start, end, Mode::Keep);
        add(&mut reference);
        let mut all = Vec::new();
        reference.finish_all_at_once(|l| all.push(l.to_owned()));
        assert_eq!(streamed, all);
        streamed
    }

    #[test]
    fn facts_sort_by_time_then_definition_first_and_drop_after_end() {
        let lines = lines(0, 100, |sink| {
            sink.fact(50, "person.linked").s("id", "P1").done();
            sink.fact(50, "person.registered").s("id", "P1").done();
            sink.fact(10, "case.filed").s("id", "C1").done();
            sink.fact(101, "case.closed").s("id", "C1").done();
        });
        assert_eq!(lines.len(), 3);
        assert!(lines[0].contains("case.filed"));
        assert!(lines[1].contains("person.registered"));
        assert!(lines[2].contains("person.linked"));
    }

    #[test]
    fn equal_facts_keep_their_lanes_order_before_their_generation_order() {
        let mut sink = Sink::new(0, DAY, Mode::Keep);
        sink.set_lane(Lane::Cases);
        sink.fact(5, "case.act").s("id", "C1").done();
        sink.set_lane(Lane::Incidents);
        sink.fact(5, "case.act").s("id", "C2").done();
        sink.set_lane(Lane::Setup);
        sink.fact(5, "case.act").s("id", "C3").done();
        let mut lines = Vec::new();
        sink.flush(i64::MAX, &mut |l| {
            lines.push(l.to_owned());
            Ok(())
        })
        .unwrap();
        let ids: Vec<&str> = lines.iter().map(|l| &l[l.len() - 4..l.len() - 2]).collect();
        assert_eq!(ids, ["C3", "C2", "C1"]);
    }

    #[test]
    fn a_flush_writes_the_days_that_end_by_the_cutoff() {
        let mut sink = Sink::new(0, 10 * DAY, Mode::Keep);
        sink.fact(DAY + 5, "case.act").s("id", "C2").done();
        sink.fact(3, "case.act").s("id", "C1").done();
        sink.fact(2 * DAY, "case.act").s("id", "C3").done();
        let mut lines = Vec::new();
        let mut write = |l: &str| {
            lines.push(l.to_owned());
            Ok(())
        };
        // Day 1 is not over at the cutoff: only day 0 is written.
        sink.flush(DAY + 10, &mut write).unwrap();
        sink.fact(DAY + 10, "case.act").s("id", "C4").done();
        sink.flush(2 * DAY, &mut write).unwrap();
        sink.flush(i64::MAX, &mut write).unwrap();
        let ids: Vec<&str> = lines.iter().map(|l| &l[l.len() - 4..l.len() - 2]).collect();
        assert_eq!(ids, ["C1", "C2", "C4", "C3"]);
    }

    #[test]
    #[should_panic(expected = "came after the promise")]
    fn a_fact_before_the_promised_cutoff_is_refused() {
        let mut sink = Sink::new(0, 10 * DAY, Mode::Keep);
        sink.flush(DAY + 10, &mut |_| Ok(())).unwrap();
        sink.fact(DAY + 9, "case.act").s("id", "C1").done();
    }

    #[test]
    fn documents_are_numbered_in_time_order_per_series() {
        let t2026 = clock::local_midnight(clock::days_from_civil(2026, 5, 1));
        let series = || DocSeries {
            unit: 0,
            kind: 3,
            abbr: "青",
            dept: "刑",
            word: "拘通",
        };
        let lines = lines(0, i64::MAX, |sink| {
            sink.fact(t2026 + 100, "document.issued")
                .s("id", "D2")
                .number(series())
                .s("subject", "M2")
                .done();
            sink.fact(t2026, "document.issued")
                .s("id", "D1")
                .number(series())
                .done();
        });
        assert!(
            lines[0].contains("\"id\":\"D1\",\"number\":\"青公（刑）拘通字〔2026〕0001号\"}"),
            "{}",
            lines[0]
        );
        assert!(
            lines[1].contains("\"number\":\"青公（刑）拘通字〔2026〕0002号\",\"subject\":\"M2\"}"),
            "{}",
            lines[1]
        );
    }

    #[test]
    fn a_history_starting_mid_year_continues_the_series() {
        // History from 1 July 2026 into 2027 with 2 notices in 2026: 181 of the year's days
        // passed before it and 184 are in it, so floor(2 × 181 / 184) = 1 notice came before.
        let july = clock::local_midnight(clock::days_from_civil(2026, 7, 1));
        let new_year = clock::local_midnight(clock::days_from_civil(2027, 1, 1));
        let lines = lines(july, new_year + 1000, |sink| {
            for (i, at) in [july + 10, july + 20, new_year + 5].into_iter().enumerate() {
                let series = DocSeries {
                    unit: 1,
                    kind: 0,
                    abbr: "东",
                    dept: "治",
                    word: "行罚决",
                };
                sink.fact(at, "document.issued")
                    .s("id", &format!("D{i}"))
                    .number(series)
                    .done();
            }
        });
        assert!(
            lines[0].contains("东公（治）行罚决字〔2026〕0002号"),
            "{}",
            lines[0]
        );
        assert!(
            lines[1].contains("东公（治）行罚决字〔2026〕0003号"),
            "{}",
            lines[1]
        );
        // The next year starts at 0001: it is all in the history.
        assert!(
            lines[2].contains("东公（治）行罚决字〔2027〕0001号"),
            "{}",
            lines[2]
        );
    }

    #[test]
    fn the_prior_count_is_needed_unless_the_history_starts_at_new_year() {
        let new_year = clock::local_midnight(clock::days_from_civil(2026, 1, 1));
        let next = clock::local_midnight(clock::days_from_civil(2027, 1, 1));
        let sink = |start| Sink::new(start, next + DAY, Mode::Keep);
        assert_eq!(sink(new_year).prior_boundary(), None);
        assert_eq!(sink(new_year + 1).prior_boundary(), Some(next));
    }
}
