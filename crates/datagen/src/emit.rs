//! Facts as compact JSON lines, collected unordered and put in time order at the end.
//!
//! Lines are written directly (no `serde_json::Value` per fact while generating), so that a
//! province at scale 50 fits in memory. The format matches `serde_json`'s compact output
//! byte for byte, which the tests check.

use std::collections::HashMap;

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

struct PendingDoc {
    head: String,
    tail: String,
    series: DocSeries,
}

enum Body {
    Line(Box<str>),
    Doc(Box<PendingDoc>),
}

struct Rec {
    at: i64,
    order: u64,
    body: Body,
}

/// Collects facts; drops every fact whose `at` is after `end`.
pub(crate) struct Sink {
    recs: Vec<Rec>,
    seq: u32,
    end: i64,
}

impl Sink {
    pub(crate) fn new(end: i64) -> Self {
        Sink { recs: Vec::new(), seq: 0, end }
    }

    /// Starts a fact of `kind` at `at`; add fields in FORMAT.md order, then call `done`.
    pub(crate) fn fact(&mut self, at: i64, kind: &'static str) -> Fact<'_> {
        let mut line = String::with_capacity(160);
        line.push_str("{\"fact\":\"");
        line.push_str(kind);
        line.push_str("\",\"at\":\"");
        clock::write_at(&mut line, at);
        line.push('"');
        Fact { sink: self, at, rank: rank(kind), line, doc: None }
    }

    pub(crate) fn len(&self) -> usize {
        self.recs.len()
    }

    /// Puts the facts in time order, numbers the documents, and hands each line to `write`.
    pub(crate) fn finish(mut self, mut write: impl FnMut(&str)) {
        self.recs.sort_unstable_by_key(|r| (r.at, r.order));
        let mut counters: HashMap<(u8, u8, &'static str, i32), u32> = HashMap::new();
        let mut line = String::new();
        for rec in self.recs {
            match rec.body {
                Body::Line(l) => write(&l),
                Body::Doc(doc) => {
                    let (year, _, _) = clock::civil_from_days(clock::local_day(rec.at));
                    let n = counters.entry((doc.series.unit, doc.series.kind, doc.series.dept, year)).or_insert(0);
                    *n += 1;
                    line.clear();
                    line.push_str(&doc.head);
                    let s = &doc.series;
                    line.push_str(&format!(
                        "\"{}公（{}）{}字〔{year}〕{:04}号\"",
                        s.abbr, s.dept, s.word, n
                    ));
                    line.push_str(&doc.tail);
                    write(&line);
                }
            }
        }
    }
}

/// A fact being written.
pub(crate) struct Fact<'a> {
    sink: &'a mut Sink,
    at: i64,
    rank: u8,
    line: String,
    doc: Option<(String, DocSeries)>,
}

impl Fact<'_> {
    fn key(&mut self, key: &str) {
        self.line.push_str(",\"");
        self.line.push_str(key);
        self.line.push_str("\":");
    }

    /// A string field.
    pub(crate) fn s(mut self, key: &str, value: &str) -> Self {
        self.key(key);
        push_json_str(&mut self.line, value);
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
        self.line.push_str(itoa(value).as_str());
        self
    }

    pub(crate) fn b(mut self, key: &str, value: bool) -> Self {
        self.key(key);
        self.line.push_str(if value { "true" } else { "false" });
        self
    }

    /// A timestamp field.
    pub(crate) fn t(mut self, key: &str, ts: i64) -> Self {
        self.key(key);
        self.line.push('"');
        clock::write_at(&mut self.line, ts);
        self.line.push('"');
        self
    }

    /// A `YYYY-MM-DD` field.
    pub(crate) fn date(mut self, key: &str, day: i32) -> Self {
        self.key(key);
        self.line.push('"');
        clock::write_date(&mut self.line, day);
        self.line.push('"');
        self
    }

    /// An array of strings.
    pub(crate) fn list<S: AsRef<str>>(mut self, key: &str, values: &[S]) -> Self {
        self.key(key);
        self.line.push('[');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.line.push(',');
            }
            push_json_str(&mut self.line, v.as_ref());
        }
        self.line.push(']');
        self
    }

    /// A field whose value is already compact JSON.
    pub(crate) fn raw(mut self, key: &str, json: &str) -> Self {
        self.key(key);
        self.line.push_str(json);
        self
    }

    /// The document number, filled in when the facts are in order.
    pub(crate) fn number(mut self, series: DocSeries) -> Self {
        self.key("number");
        let head = std::mem::take(&mut self.line);
        self.doc = Some((head, series));
        self
    }

    /// Records the fact, unless it lies after the end of the generated history.
    pub(crate) fn done(mut self) {
        if self.at > self.sink.end {
            return;
        }
        self.line.push('}');
        let seq = self.sink.seq;
        self.sink.seq += 1;
        let body = match self.doc {
            None => Body::Line(self.line.into_boxed_str()),
            Some((head, series)) => Body::Doc(Box::new(PendingDoc { head, tail: self.line, series })),
        };
        let order = (u64::from(self.rank) << 32) | u64::from(seq);
        self.sink.recs.push(Rec { at: self.at, order, body });
    }
}

fn itoa(v: i64) -> String {
    v.to_string()
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
        for s in ["plain", "中文摘要", "quote \" and \\ back", "ctl \u{01}\u{1f}\n\t\r\u{08}\u{0c}", "é/"] {
            let mut out = String::new();
            push_json_str(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap());
        }
    }

    #[test]
    fn facts_sort_by_time_then_definition_first_and_drop_after_end() {
        let mut sink = Sink::new(100);
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
        let mut sink = Sink::new(i64::MAX);
        let series = || DocSeries { unit: 0, kind: 3, abbr: "青", dept: "刑", word: "拘通" };
        let t2026 = clock::local_midnight(clock::days_from_civil(2026, 5, 1));
        sink.fact(t2026 + 100, "document.issued").s("id", "D2").number(series()).s("subject", "M2").done();
        sink.fact(t2026, "document.issued").s("id", "D1").number(series()).done();
        let mut lines = Vec::new();
        sink.finish(|l| lines.push(l.to_owned()));
        assert!(lines[0].contains("\"id\":\"D1\",\"number\":\"青公（刑）拘通字〔2026〕0001号\"}"), "{}", lines[0]);
        assert!(lines[1].contains("\"number\":\"青公（刑）拘通字〔2026〕0002号\",\"subject\":\"M2\"}"), "{}", lines[1]);
    }
}
