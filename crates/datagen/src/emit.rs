//! Facts as compact JSON lines, collected unordered and put in time order at the end.
//!
//! Lines are written directly into one arena (no `serde_json::Value` per fact while
//! generating), so that a province at scale 50 fits in memory. The format matches `serde_json`'s compact output
//! byte for byte, which the tests check.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::clock;

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

/// The numbering series of a document: its number is assigned once all facts are in time
/// order, so that numbers run 0001, 0002, … per issuing unit, kind, department (刑/治) and
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

/// A document whose number is not known yet: `split` is where the number goes in its line.
struct PendingDoc {
    split: usize,
    series: DocSeries,
}

/// One fact: its line is `arena[start..start + len]`.
struct Rec {
    at: i64,
    order: u64,
    start: usize,
    len: u32,
    /// Index into `docs`, or `NO_DOC`.
    doc: u32,
}

const NO_DOC: u32 = u32::MAX;

/// Collects facts; drops every fact whose `at` is after `end`.
///
/// All lines live in one arena string: a province at scale 50 has about ten million facts,
/// and one allocation per fact made the allocator the bottleneck.
pub(crate) struct Sink {
    arena: String,
    recs: Vec<Rec>,
    docs: Vec<PendingDoc>,
    /// The generated history: documents issued before `start` are accounted for in the
    /// numbering, as if the bureau had been issuing them since New Year.
    start: i64,
    end: i64,
}

impl Sink {
    pub(crate) fn new(start: i64, end: i64) -> Self {
        Sink {
            arena: String::new(),
            recs: Vec::new(),
            docs: Vec::new(),
            start,
            end,
        }
    }

    /// Starts a fact of `kind` at `at`; add fields in FORMAT.md order, then call `done`.
    pub(crate) fn fact(&mut self, at: i64, kind: &'static str) -> Fact<'_> {
        let start = self.arena.len();
        self.arena.push_str("{\"fact\":\"");
        self.arena.push_str(kind);
        self.arena.push_str("\",\"at\":\"");
        clock::write_at(&mut self.arena, at);
        self.arena.push('"');
        Fact {
            sink: self,
            at,
            rank: rank(kind),
            start,
            doc: None,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.recs.len()
    }

    /// Puts the facts in time order, numbers the documents, and hands each line to `write`.
    ///
    /// A series' numbers run on without gaps; when the history starts after New Year, the
    /// first number continues the series at the rate seen in the history (a bureau in June
    /// is not at 0001).
    pub(crate) fn finish(mut self, mut write: impl FnMut(&str)) {
        self.recs.sort_unstable_by_key(|r| (r.at, r.order));
        let mut counters: HashMap<(u8, u8, &'static str, i32), u32> = HashMap::new();
        for rec in self.recs.iter().filter(|r| r.doc != NO_DOC) {
            let s = &self.docs[rec.doc as usize].series;
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
        for rec in &self.recs {
            let text = &self.arena[rec.start..rec.start + rec.len as usize];
            if rec.doc == NO_DOC {
                write(text);
                continue;
            }
            let doc = &self.docs[rec.doc as usize];
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

/// A fact being written into the sink's arena.
pub(crate) struct Fact<'a> {
    sink: &'a mut Sink,
    at: i64,
    rank: u8,
    start: usize,
    doc: Option<(usize, DocSeries)>,
}

impl Fact<'_> {
    fn key(&mut self, key: &str) {
        let line = &mut self.sink.arena;
        line.push_str(",\"");
        line.push_str(key);
        line.push_str("\":");
    }

    /// A string field.
    pub(crate) fn s(mut self, key: &str, value: &str) -> Self {
        self.key(key);
        push_json_str(&mut self.sink.arena, value);
        self
    }

    /// A string field, only when present.
    pub(crate) fn opt(self, key: &str, value: Option<&str>) -> Self {
        match value {
            Some(v) => self.s(key, v),
            None => self,
        }
    }

    /// An integer field.
    pub(crate) fn n(mut self, key: &str, value: i64) -> Self {
        self.key(key);
        let _ = write!(self.sink.arena, "{value}");
        self
    }

    pub(crate) fn b(mut self, key: &str, value: bool) -> Self {
        self.key(key);
        self.sink
            .arena
            .push_str(if value { "true" } else { "false" });
        self
    }

    /// A timestamp field.
    pub(crate) fn t(mut self, key: &str, ts: i64) -> Self {
        self.key(key);
        let line = &mut self.sink.arena;
        line.push('"');
        clock::write_at(line, ts);
        line.push('"');
        self
    }

    /// A `YYYY-MM-DD` field.
    pub(crate) fn date(mut self, key: &str, day: i32) -> Self {
        self.key(key);
        let line = &mut self.sink.arena;
        line.push('"');
        clock::write_date(line, day);
        line.push('"');
        self
    }

    /// An array of strings.
    pub(crate) fn list<S: AsRef<str>>(mut self, key: &str, values: &[S]) -> Self {
        self.key(key);
        let line = &mut self.sink.arena;
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
        self.sink.arena.push_str(json);
        self
    }

    /// The document number, filled in when the facts are in order.
    pub(crate) fn number(mut self, series: DocSeries) -> Self {
        self.key("number");
        let split = self.sink.arena.len() - self.start;
        self.doc = Some((split, series));
        self
    }

    /// Records the fact, unless it lies after the end of the generated history.
    pub(crate) fn done(self) {
        let sink = self.sink;
        if self.at > sink.end {
            sink.arena.truncate(self.start);
            return;
        }
        sink.arena.push('}');
        let seq = sink.recs.len() as u64;
        let doc = match self.doc {
            None => NO_DOC,
            Some((split, series)) => {
                sink.docs.push(PendingDoc { split, series });
                (sink.docs.len() - 1) as u32
            }
        };
        let len = (sink.arena.len() - self.start) as u32;
        let order = (u64::from(self.rank) << 32) | seq;
        sink.recs.push(Rec {
            at: self.at,
            order,
            start: self.start,
            len,
            doc,
        });
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

    #[test]
    fn facts_sort_by_time_then_definition_first_and_drop_after_end() {
        let mut sink = Sink::new(0, 100);
        sink.fact(50, "person.linked").s("id", "P1").done();
        sink.fact(50, "person.registered").s("id", "P1").done();
        sink.fact(10, "case.filed").s("id", "C1").done();
        sink.fact(101, "case.closed").s("id", "C1").done();
        let mut lines = Vec::new();
        sink.finish(|l| lines.push(l.to_owned()));
        assert_eq!(lines.len(), 3);
        assert!(lines[0].contains("case.filed"));
        assert!(lines[1].contains("person.registered"));
        assert!(lines[2].contains("person.linked"));
    }

    #[test]
    fn documents_are_numbered_in_time_order_per_series() {
        let t2026 = clock::local_midnight(clock::days_from_civil(2026, 5, 1));
        let mut sink = Sink::new(0, i64::MAX);
        let series = || DocSeries {
            unit: 0,
            kind: 3,
            abbr: "青",
            dept: "刑",
            word: "拘通",
        };
        sink.fact(t2026 + 100, "document.issued")
            .s("id", "D2")
            .number(series())
            .s("subject", "M2")
            .done();
        sink.fact(t2026, "document.issued")
            .s("id", "D1")
            .number(series())
            .done();
        let mut lines = Vec::new();
        sink.finish(|l| lines.push(l.to_owned()));
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
        let mut sink = Sink::new(july, new_year + 1000);
        for (i, at) in [july + 10, july + 20].into_iter().enumerate() {
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
        let mut lines = Vec::new();
        sink.finish(|l| lines.push(l.to_owned()));
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
    }
}
