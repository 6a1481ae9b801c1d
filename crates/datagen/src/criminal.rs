//! 刑事 cases: filing review, summons, detention → arrest request → arrest or bail,
//! investigation acts, prosecution, dropping.

use crate::cases::CaseCtx;
use crate::clock::{DAY, HOUR, MINUTE};
use crate::generator::Gen;
use crate::measures::{Episode, Exit, MeasureKind};
use crate::names::DocKind;
use crate::property::Item;

/// Share of criminal cases whose filing review runs past its limit (XS-01).
const LATE_FILING: f64 = 0.06;
/// Share of criminal cases with a filing-review extension (lawful).
const FILING_EXTENDED: f64 = 0.03;
/// Share of reports not filed (不予立案).
const NOT_FILED: f64 = 0.10;
/// Share of not-filing notices never served (XS-05).
const NOTICE_NOT_SERVED: f64 = 0.08;
/// Share of caught-suspect cases with coercive measures before filing (XS-04).
const MEASURE_BEFORE_FILING: f64 = 0.02;
/// Share of detentions delivered to the detention house after 24 h (RQ-04).
const LATE_DELIVERY: f64 = 0.015;
/// Share of detentions or arrests without an interrogation within 24 h (RQ-06).
const LATE_INTERROGATION: f64 = 0.02;
/// Share of suspects bailed or released from the center who are taken to the detention house
/// with no detention or arrest recorded (CS-10).
pub(crate) const SENT_WITHOUT_MEASURE: f64 = 0.01;
/// Cases sent for prosecution that the procuratorate returns for supplementary investigation.
pub(crate) const RETURNED: f64 = 0.12;
/// Of those, the ones returned a second time after being sent again.
pub(crate) const RETURNED_AGAIN: f64 = 0.25;
/// Supplementary investigations finished after the month (XS-11).
pub(crate) const SUPPLEMENTED_LATE: f64 = 0.05;
/// Arrests whose change the person or their lawyer asks for.
pub(crate) const CHANGE_REQUESTED: f64 = 0.05;
/// Requests to change a measure answered after the 3 days (RQ-12).
pub(crate) const CHANGE_REPLIED_LATE: f64 = 0.08;
/// Detained adults who apply for legal aid themselves.
pub(crate) const AID_REQUESTED: f64 = 0.06;
/// Applications forwarded to the legal-aid agency after the 24 h (TS-05).
pub(crate) const AID_FORWARDED_LATE: f64 = 0.06;
/// Detentions whose arrest was refused and that end more than a day after the refusal (XS-12).
pub(crate) const RELEASED_LATE: f64 = 0.05;
/// Cases not filed whose reasons the procuratorate asks for.
pub(crate) const FILING_OVERSIGHT: f64 = 0.08;
/// Written explanations given after the 7 days (XS-06).
pub(crate) const EXPLAINED_LATE: f64 = 0.1;
/// Cases the procuratorate then orders filed.
pub(crate) const FILING_ORDERED: f64 = 0.3;
/// Filings ordered and made after the 15 days (XS-06).
pub(crate) const FILED_LATE: f64 = 0.1;
/// Share of detentions whose arrest request is late (RQ-07).
/// Share of filed criminal cases with a technical investigation measure (XS-15), drawn by key.
pub(crate) const TECHNICAL_INVESTIGATION: f64 = 0.01;
/// Share of filed cases with a victim and a known suspect in which the victim identifies the
/// suspect (JZ-05), drawn by key.
pub(crate) const IDENTIFICATION: f64 = 0.15;
/// Share of identifications among too few persons (JZ-05), drawn by key.
pub(crate) const IDENTIFICATION_SMALL_LINEUP: f64 = 0.04;
/// Share of identifications led by one officer (JZ-05), drawn by key.
pub(crate) const IDENTIFICATION_ONE_OFFICER: f64 = 0.03;
/// Share of an agency's cases whose file is incomplete (XS-03), drawn by key.
pub(crate) const FILE_INCOMPLETE: f64 = 0.3;
/// Share of arrests during which another major crime is found and the custody period
/// recalculated (RQ-10), drawn by key.
pub(crate) const CUSTODY_RECALCULATED: f64 = 0.15;
/// Share of filed cases whose information is released to the public, naming the suspects
/// (TS-08), drawn by key.
pub(crate) const PUBLICIZED: f64 = 0.1;
/// Share of releases that name the minors among the suspects and victims too (TS-08), drawn
/// by key.
pub(crate) const MINOR_DISCLOSED: f64 = 0.5;
/// Share of those approved after the 5 days, and (apart) of those whose notice reaches the
/// detention house only after a day (RQ-10), drawn by key.
pub(crate) const RECALCULATION_LATE: f64 = 0.2;
/// Share of those notified after 24 h (XS-03), drawn by key.
pub(crate) const COMPLETION_LATE: f64 = 0.15;
/// Share of an agency's cases not filed on which the agency asks to reconsider (XS-03).
pub(crate) const RECONSIDERATION: f64 = 0.4;
/// Share of those decided after the 3 days (XS-03), drawn by key.
pub(crate) const RECONSIDERATION_LATE: f64 = 0.15;
/// Share of those extended before the three months end (XS-15), drawn by key.
pub(crate) const TECHNICAL_EXTENDED: f64 = 0.3;
/// Share of those run past the three months, neither extended nor ended (XS-15), drawn by key.
pub(crate) const TECHNICAL_OVERRUN: f64 = 0.1;
/// Share of suspects told of the transfer for prosecution only after 3 days, or never (XS-10),
/// drawn by key.
pub(crate) const TRANSFER_UNTOLD: f64 = 0.04;
/// Share of filed cases with no known suspect found, during the investigation, to belong to
/// another unit and transferred there (XS-07), drawn by key.
pub(crate) const JURISDICTION_TRANSFERRED: f64 = 0.04;
/// Of those, the share transferred more than 24 h after the finding, and the share whose
/// notice is served on the reporter after the 3 days or never (XS-07), drawn by key.
pub(crate) const TRANSFERRED_LATE: f64 = 0.1;
pub(crate) const TRANSFER_NOTICE_LATE: f64 = 0.1;
/// Share of detentions and arrests of foreign nationals reported to the provincial level after
/// 48 h or never (TS-13), drawn by key.
pub(crate) const FOREIGN_REPORT_LATE: f64 = 0.2;
const LATE_ARREST_REQUEST: f64 = 0.02;
/// Share of detention/arrest notices issued after 24 h (JZ-04).
const LATE_NOTICE: f64 = 0.02;
/// Share of unsolved filed cases left without any investigative act (立而不侦, XS-08).
const IDLE_CASE: f64 = 0.08;
/// Share of single-suspect detentions where the case is dropped while the person is held (XS-09).
const DROPPED_WHILE_DETAINED: f64 = 0.02;
/// Share of minors and disabled suspects whose legal aid is not notified (TS-04).
const LEGAL_AID_MISSED: f64 = 0.05;
/// Share of arrests held past two months before prosecution (RQ-09).
const ARREST_OVERRUN: f64 = 0.02;
/// Share of summons held past the limit without extension (RQ-01/03).
const QUESTIONING_OVERRUN: f64 = 0.03;
/// Share of criminal seizures before filing (CW-14).
const SEIZURE_BEFORE_FILING: f64 = 0.025;
/// Share of property disposed of long after the case ended (CW-12).
const LATE_PROPERTY_DISPOSAL: f64 = 0.04;
/// Share of arrests whose execution receipt is never returned to the procuratorate (RQ-08).
pub(crate) const NO_ARREST_RECEIPT: f64 = 0.03;
/// Share of persons (suspects and victims) of a criminal injury case not told the appraisal
/// opinion (XS-14).
pub(crate) const APPRAISAL_NOT_TOLD: f64 = 0.03;
/// Share of cases with suspects on bail that are dropped without lifting the bail (RQ-11).
pub(crate) const BAIL_NOT_LIFTED: f64 = 0.05;

const ACTS: [&str; 5] = [
    "questioning",
    "inspection",
    "appraisal_commissioned",
    "search",
    "other",
];

/// Where a suspect stands after the first measures.
enum Outcome {
    /// Released from every measure, at `at`.
    Released { at: i64 },
    /// Under a measure that lasts until the case goes to the procuratorate.
    Pending {
        measure: String,
        person: usize,
        send_after: i64,
        /// An arrest (in custody) rather than bail or residential surveillance.
        custodial: bool,
    },
    /// The case was dropped while the person was still detained.
    DroppedWhileDetained { dropped: i64 },
}

impl Gen {
    /// The notice of the transfer for prosecution, served on each suspect within hours but for
    /// a few, late or never (XS-10), drawn by key.
    fn transfer_notice(&mut self, c: &CaseCtx, suspects: &[usize], at: i64) {
        let doc = self.issue_doc(at, c, DocKind::ProsecutionTransferNotice, None);
        for &s in suspects {
            let key = format!("{doc}/{}", self.persons[s].id);
            let hours = if self.p_keyed(&format!("{key}/untold"), TRANSFER_UNTOLD) {
                if self.p_keyed(&format!("{key}/never"), 0.5) {
                    continue;
                }
                100.0 + self.u_keyed(&key) * 100.0
            } else {
                1.0 + self.u_keyed(&key) * 30.0
            };
            self.serve_doc(at + (hours * HOUR as f64) as i64, &doc, s);
        }
    }

    /// A technical investigation measure on a few filed cases (XS-15), drawn by key: approved
    /// within ten days of the filing, ended within its three months, extended before they end
    /// for some, run past them for a few; always ended by the case's resolution (`until`).
    fn technical_investigation(&mut self, c: &CaseCtx, filed: i64, until: i64) {
        let key = format!("{}/technical", c.id);
        if !self.p_keyed(&key, TECHNICAL_INVESTIGATION) {
            return;
        }
        let u = |g: &Self, part: &str| g.u_keyed(&format!("{key}/{part}"));
        let day = |d: f64| (d * DAY as f64) as i64;
        let measure = format!("{}-JZ1", c.id);
        let step = |g: &mut Self, at: i64, step: &str| {
            g.sink
                .fact(at, "case.technical_investigation")
                .s("id", &c.id)
                .s("measure", &measure)
                .s("step", step)
                .done();
        };
        let approved = self.office_keyed(&format!("{key}/approved"), filed, 1, 10);
        if approved + DAY >= until {
            return;
        }
        step(self, approved, "approved");
        let end = if self.p_keyed(&format!("{key}/overrun"), TECHNICAL_OVERRUN) {
            approved + day(95.0 + u(self, "end") * 20.0)
        } else if self.p_keyed(&format!("{key}/extended"), TECHNICAL_EXTENDED)
            && approved + day(90.0) < until
        {
            step(
                self,
                approved + day(80.0 + u(self, "extended") * 8.0),
                "extended",
            );
            approved + day(100.0 + u(self, "end") * 60.0)
        } else {
            approved + day(20.0 + u(self, "end") * 60.0)
        };
        step(self, end.min(until - HOUR), "ended");
    }

    /// The victim identifies the suspect among others on some filed cases (JZ-05), drawn by
    /// key: led by the two case officers among 7 to 9 persons, by one officer or among 5 or 6
    /// for a few.
    fn identification(&mut self, c: &CaseCtx, filed: i64, until: i64, victims: &[usize]) {
        let key = format!("{}/identification", c.id);
        let Some(&victim) = victims.first() else {
            return;
        };
        if !self.p_keyed(&key, IDENTIFICATION) {
            return;
        }
        let at = self.office_keyed(&format!("{key}/at"), filed, 1, 20);
        if at >= until {
            return;
        }
        let lineup = if self.p_keyed(&format!("{key}/small"), IDENTIFICATION_SMALL_LINEUP) {
            5 + (self.u_keyed(&format!("{key}/n")) * 2.0) as i64
        } else {
            7 + (self.u_keyed(&format!("{key}/n")) * 3.0) as i64
        };
        let mut leading = vec![c.main];
        if !self.p_keyed(&format!("{key}/one"), IDENTIFICATION_ONE_OFFICER) {
            leading.push(c.second);
        }
        let ids: Vec<String> = leading
            .iter()
            .map(|&o| self.org.officers[o].id.clone())
            .collect();
        let officers: Vec<&str> = ids.iter().map(String::as_str).collect();
        let identifier = self.persons[victim].id.clone();
        self.sink
            .fact(at, "case.identification")
            .s("id", &c.id)
            .s("identifier", &identifier)
            .s("kind", "person")
            .n("lineup", lineup)
            .list("officers", &officers)
            .done();
    }

    /// An agency's incomplete file notified within 24 h of the acceptance, after them for a
    /// few, always before the filing decision at `decided` (XS-03). Drawn by key.
    fn completion(&mut self, c: &CaseCtx, decided: i64) {
        let key = format!("{}/completion", c.id);
        if !self.p_keyed(&key, FILE_INCOMPLETE) {
            return;
        }
        let room = decided - c.t_a - 10 * MINUTE;
        let at = if self.p_keyed(&format!("{key}/late"), COMPLETION_LATE) && room > 27 * HOUR {
            c.t_a + 25 * HOUR + self.span_keyed(&key, (room - 25 * HOUR) as f64, 1)
        } else if room > 0 {
            c.t_a + self.span_keyed(&key, room.min(20 * HOUR) as f64, 1)
        } else {
            return;
        };
        self.sink
            .fact(at, "case.completion_requested")
            .s("id", &c.id)
            .done();
    }

    /// The agency asks to reconsider not filing, within 3 d; decided within 3 d, after a week
    /// for a few (XS-03). Drawn by key; all before any procuratorate's oversight (10 d on).
    fn reconsideration(&mut self, c: &CaseCtx, not_filed: i64) {
        let key = format!("{}/reconsideration", c.id);
        if !self.p_keyed(&key, RECONSIDERATION) {
            return;
        }
        let asked = self.office_keyed(&format!("{key}/asked"), not_filed, 1, 3);
        self.sink
            .fact(asked, "case.reconsideration_requested")
            .s("id", &c.id)
            .done();
        let decided = if self.p_keyed(&format!("{key}/late"), RECONSIDERATION_LATE) {
            asked + 7 * DAY + self.span_keyed(&format!("{key}/at"), 2.0, DAY)
        } else {
            asked + HOUR + self.span_keyed(&format!("{key}/at"), 40.0, HOUR)
        };
        self.sink
            .fact(decided, "case.reconsideration_decided")
            .s("id", &c.id)
            .b("upheld", true)
            .done();
    }

    /// Another major crime found during a few arrests (RQ-10): the recalculation approved
    /// within 5 d of the discovery and the detention house told within a day, each late for a
    /// few; all before the case is sent (`send_after`). Drawn by key.
    fn recalculation(&mut self, c: &CaseCtx, measure: &str, arrested: i64, send_after: i64) {
        let key = format!("{measure}/recalculation");
        let room = send_after - arrested - 22 * DAY;
        if room <= 0 || !self.p_keyed(&key, CUSTODY_RECALCULATED) {
            return;
        }
        let found = arrested + 10 * DAY + self.span_keyed(&format!("{key}/found"), room as f64, 1);
        // Approved in office hours: within 3 working days, or a week and more for a few.
        let approved = if self.p_keyed(&format!("{key}/late"), RECALCULATION_LATE) {
            self.office_keyed(&format!("{key}/approved"), found, 7, 10)
        } else {
            self.office_keyed(&format!("{key}/approved"), found, 0, 3)
        }
        .max(found + HOUR);
        // A holiday may push the approval past the sending, when the arrest has ended.
        if approved >= send_after - HOUR {
            return;
        }
        // The county's head, picked by key, so that the rest of the history is as before.
        let leaders = &self.org.counties[c.county].leaders;
        let approver = leaders[self.pick_keyed(&format!("{key}/leader"), leaders.len())];
        self.sink
            .fact(approved, "measure.custody_recalculated")
            .s("id", measure)
            .s("reason", "new_crime")
            .s("approved_by", &self.org.officers[approver].id)
            .t("from", found)
            .done();
        let notice = if self.p_keyed(&format!("{key}/notice_late"), RECALCULATION_LATE) {
            approved + 30 * HOUR + self.span_keyed(&format!("{key}/notice"), 30.0, HOUR)
        } else {
            approved + HOUR + self.span_keyed(&format!("{key}/notice"), 20.0, HOUR)
        };
        self.issue_doc(notice, c, DocKind::CustodyChangeNotice, Some(measure));
    }

    /// A release of a few filed cases to the public, naming the adult suspects known by then,
    /// and for a few the minor suspects and victims too (TS-08). Drawn by key; before the
    /// case's resolution.
    fn publication(
        &mut self,
        c: &CaseCtx,
        filed: i64,
        until: i64,
        suspects: &[(usize, i64)],
        victims: &[usize],
    ) {
        let key = format!("{}/publication", c.id);
        if !self.p_keyed(&key, PUBLICIZED) {
            return;
        }
        let at = self.office_keyed(&format!("{key}/at"), filed, 1, 10);
        if at >= until {
            return;
        }
        // Minors (suspects or victims) are named by a few releases only.
        let disclose = self.p_keyed(&format!("{key}/minor"), MINOR_DISCLOSED);
        let named: Vec<String> = suspects
            .iter()
            .filter(|&&(_, linked)| linked < at)
            .map(|&(s, _)| s)
            .chain(victims.iter().copied().filter(|&v| self.age(v, at) < 18))
            .filter(|&p| disclose || self.age(p, at) >= 18)
            .map(|p| self.persons[p].id.clone())
            .collect();
        let named: Vec<&str> = named.iter().map(String::as_str).collect();
        self.sink
            .fact(at, "case.publicized")
            .s("id", &c.id)
            .list("identified", &named)
            .done();
    }

    /// The report on a foreign national's detention or arrest to the provincial level and the
    /// foreign-affairs office (TS-13): within 48 h, later or never for a few, drawn by key.
    fn foreign_national_report(&mut self, c: &CaseCtx, person: usize, measure: &str, at: i64) {
        if self.persons[person].flags & crate::generator::flag::FOREIGN == 0 {
            return;
        }
        let key = format!("{measure}/foreign_report");
        let hours = if self.p_keyed(&key, FOREIGN_REPORT_LATE) {
            if self.p_keyed(&format!("{key}/never"), 0.5) {
                return;
            }
            55.0 + self.u_keyed(&format!("{key}/hours")) * 40.0
        } else {
            2.0 + self.u_keyed(&format!("{key}/hours")) * 40.0
        };
        let report = at + (hours * HOUR as f64) as i64;
        self.issue_doc(report, c, DocKind::ForeignNationalReport, Some(measure));
    }

    /// A criminal case, from its acceptance to its end at this unit.
    pub(crate) fn criminal_case(&mut self, c: &CaseCtx, complex: bool) {
        let mode = self.sink.mode();
        self.criminal_case_here(c, complex);
        self.sink.set_mode(mode);
    }

    /// A filed case with no known suspect, found to belong to another unit (XS-07), drawn by
    /// key: the finding 2–15 days after the filing, the transfer to a station of another county
    /// within 24 h (after it for a few), and the 移送案件通知书 served on the reporter within 3
    /// days (after them, or never, for a few). Returns when the case left, or `None`.
    fn transferred(&mut self, c: &CaseCtx, filed: i64, victims: &[usize]) -> Option<i64> {
        let key = format!("{}/jurisdiction", c.id);
        if !self.p_keyed(&key, JURISDICTION_TRANSFERRED) {
            return None;
        }
        let found = self.office_keyed(&key, filed, 2, 15);
        self.sink
            .fact(found, "case.jurisdiction_found")
            .s("id", &c.id)
            .done();
        let hours = if self.p_keyed(&format!("{key}/late"), TRANSFERRED_LATE) {
            26.0 + self.u_keyed(&format!("{key}/hours")) * 40.0
        } else {
            1.0 + self.u_keyed(&format!("{key}/hours")) * 20.0
        };
        let at = found + (hours * HOUR as f64) as i64;
        let others: Vec<usize> = (0..self.org.stations.len())
            .filter(|&s| self.org.stations[s].county != c.county)
            .collect();
        let to = others[self.pick_keyed(&format!("{key}/to"), others.len())];
        let to_unit = self.org.units[self.org.stations[to].unit].id.clone();
        self.sink
            .fact(at, "case.transferred")
            .s("id", &c.id)
            .s("to_unit", &to_unit)
            .done();
        let doc_at = at + 10 * MINUTE + self.span_keyed(&format!("{key}/doc"), 3.0, HOUR);
        let doc = self.issue_doc(doc_at, c, DocKind::TransferNotice, None);
        // The victim who reported the crime is owed the notice.
        if let Some(&reporter) = victims.first() {
            self.link(c, reporter, "reporter", c.t_a);
            let served = if self.p_keyed(&format!("{key}/untold"), TRANSFER_NOTICE_LATE) {
                (!self.p_keyed(&format!("{key}/never"), 0.5))
                    .then(|| self.office_keyed(&format!("{key}/served"), doc_at, 5, 9))
            } else {
                Some(self.office_keyed(&format!("{key}/served"), doc_at, 0, 2))
            };
            if let Some(served) = served {
                self.serve_doc(served.max(doc_at + 30 * MINUTE), &doc, reporter);
            }
        }
        Some(at)
    }

    fn criminal_case_here(&mut self, c: &CaseCtx, complex: bool) {
        let cat = c.category();
        let victims = self.victims(c);
        let known = self.p(cat.suspect_known);
        let caught = known && self.p(0.55);

        if !caught && self.p(NOT_FILED) {
            self.not_filed(c, &victims);
            return;
        }

        // Filing review (XS-01: 3 days, economic 7, or the extended total).
        let mut t_f = if caught {
            c.t_a + self.mins(40, 300)
        } else if self.p(LATE_FILING) {
            c.t_a + self.days(4, 12)
        } else if complex || (cat.economic && self.p(0.3)) || self.p(FILING_EXTENDED) {
            let total = if cat.economic || self.p(0.4) { 30 } else { 7 };
            let at = c.t_a + self.hrs(30, 66);
            let approver = self.county_leader(c.county);
            self.sink
                .fact(at, "case.filing_extended")
                .s("id", &c.id)
                .n("days", total)
                .s("approved_by", &self.org.officers[approver].id)
                .done();
            {
                let d = self.days(4, total - 1);
                self.office(c.t_a + d)
            }
        } else if cat.economic {
            {
                let d = self.hrs(4, 24 * 6);
                self.office(c.t_a + d)
            }
        } else {
            {
                let d = self.hrs(2, 60);
                self.office(c.t_a + d)
            }
        };
        let before_filing = caught && self.p(MEASURE_BEFORE_FILING);

        // Suspects: caught now, or identified during the investigation.
        let n = if known {
            self.suspect_count(cat.suspects)
        } else if self.p(0.25) {
            1
        } else {
            0
        };
        let first_contact = if caught {
            c.t_a + self.mins(10, 60)
        } else if known {
            t_f + self.days(1, 40)
        } else {
            t_f + self.days(10, 90)
        };
        let mut outcomes = Vec::new();
        let mut latest_measure = t_f;
        let mut suspects = Vec::new();
        for i in 0..n {
            let at = first_contact + i * self.mins(0, 20);
            let person = self.suspect(c, at);
            suspects.push((person, at));
            let (outcome, decided_at) =
                self.criminal_suspect(c, person, at, caught, t_f, before_filing, n == 1);
            latest_measure = latest_measure.max(decided_at);
            outcomes.push(outcome);
        }
        if before_filing && n > 0 {
            // Filing only after the detention (XS-04).
            t_f = latest_measure + self.hrs(1, 10);
        }
        if c.from_agency {
            self.completion(c, t_f);
        }
        self.sink.fact(t_f, "case.filed").s("id", &c.id).done();
        let doc_at = t_f + self.mins(1, 20);
        self.issue_doc(doc_at, c, DocKind::FilingDecision, None);
        // A case transferred goes on at the other unit: what it would have had here is drawn
        // as before (the rest of the history stays as it was) and dropped.
        if !known && n == 0 && self.transferred(c, doc_at, &victims).is_some() {
            self.sink.set_mode(crate::emit::Mode::Drop);
        }

        // Property.
        let mut items: Vec<Item> = Vec::new();
        if !cat.props.is_empty() && self.p(if n > 0 { 0.9 } else { 0.5 }) {
            let mut at = if n > 0 {
                first_contact + self.mins(20, 240)
            } else {
                t_f + self.days(0, 20)
            };
            at = at.max(t_f + self.mins(5, 60));
            if t_f - c.t_a > 30 * MINUTE && self.p(SEIZURE_BEFORE_FILING) {
                at = c.t_a + (t_f - c.t_a) / 2;
            }
            items = self.seize_batch(c, at, 6, c.main);
            for item in &mut items {
                if item.owner == crate::names::Owner::Victim && self.p(0.7) {
                    let back = {
                        let d = self.days(5, 40);
                        self.office(item.seized + d)
                    };
                    self.dispose(c, item, back, "returned_to_victim", true);
                }
            }
        }

        // Resolution.
        let dropped_early = outcomes.iter().find_map(|o| match o {
            Outcome::DroppedWhileDetained { dropped } => Some(*dropped),
            _ => None,
        });
        let pending: Vec<(String, usize, i64, bool)> = outcomes
            .iter()
            .filter_map(|o| match o {
                Outcome::Pending {
                    measure,
                    person,
                    send_after,
                    custodial,
                } => Some((measure.clone(), *person, *send_after, *custodial)),
                _ => None,
            })
            .collect();
        let all_released = n > 0
            && outcomes
                .iter()
                .all(|o| matches!(o, Outcome::Released { .. }));
        // Not dropped before the last release: a detention extended to 30 days may outlast
        // the usual ten days (and a refusal to arrest must reach a case not yet archived).
        let last_release = outcomes
            .iter()
            .filter_map(|o| match o {
                Outcome::Released { at } => Some(*at),
                _ => None,
            })
            .max()
            .unwrap_or(t_f);
        let resolution = if let Some(dropped) = dropped_early {
            self.drop_case(c, dropped, &mut items);
            Some(dropped)
        } else if !pending.is_empty() && pending.iter().all(|p| !p.3) && self.p(BAIL_NOT_LIFTED) {
            // Dropped while the suspects are on bail, which nobody lifts (RQ-11).
            let at = pending.iter().map(|p| p.2).max().unwrap_or(t_f);
            self.drop_case(c, at, &mut items);
            Some(at)
        } else if !pending.is_empty() {
            let send = pending.iter().map(|p| p.2).max().unwrap_or(t_f);
            if self.p(0.9) {
                let review = (send - self.hrs(4, 72)).max(t_f + HOUR);
                let reviewer = self.county_legal_officer(c.county);
                self.sink
                    .fact(review, "case.review_passed")
                    .s("id", &c.id)
                    .s("reviewer", &self.org.officers[reviewer].id)
                    .done();
            }
            self.sink
                .fact(send, "case.sent_for_prosecution")
                .s("id", &c.id)
                .done();
            let doc_at = send + self.mins(5, 60);
            self.issue_doc(doc_at, c, DocKind::ProsecutionOpinion, None);
            let told: Vec<usize> = suspects.iter().map(|s| s.0).collect();
            self.transfer_notice(c, &told, doc_at);
            for (measure, person, _, _) in &pending {
                let at = send + self.mins(1, 30);
                self.end_measure(measure, *person, at, "converted");
            }
            self.dispose_all(c, &mut items, send, true);
            self.supplementary_investigation(c, send);
            Some(send)
        } else if all_released && self.p(0.5) {
            let at = {
                let d = self.days(10, 60);
                self.office(latest_measure + d)
            }
            .max(last_release + HOUR);
            self.drop_case(c, at, &mut items);
            Some(at)
        } else if n == 0 && self.p(0.08) {
            let at = {
                let d = self.days(30, 120);
                self.office(t_f + d)
            };
            let county_unit = self.org.counties[c.county].unit;
            self.decide(c, at, "terminated", county_unit, &[]);
            let doc_at = at + self.mins(5, 30);
            self.issue_doc(doc_at, c, DocKind::TerminationDecision, None);
            self.dispose_all(c, &mut items, at, false);
            self.close_and_archive(c, at);
            Some(at)
        } else {
            None
        };

        if cat.injury && !victims.is_empty() {
            self.criminal_injury(c, &victims, &suspects, resolution);
        }

        // Investigative acts between filing and resolution (XS-08: idle 30 d yellow, 90 d red).
        let idle = n == 0 && self.p(IDLE_CASE);
        let until = resolution.unwrap_or(self.end);
        self.technical_investigation(c, t_f, until);
        if known {
            self.identification(c, t_f, until, &victims);
        }
        self.publication(c, t_f, until, &suspects, &victims);
        let mut t = t_f;
        let mut count = 0;
        if !idle {
            loop {
                t += if self.p(0.9) {
                    self.days(3, 28)
                } else {
                    self.days(28, 40)
                };
                if t >= until || count >= 24 {
                    break;
                }
                let act = ACTS[self.weighted(&[30, 25, 15, 10, 20])];
                let at = self.office(t);
                if at < until {
                    self.act(c, at, act);
                }
                count += 1;
            }
        }
    }

    /// 退回补充侦查: the procuratorate returns some cases sent to it, at most twice; the police
    /// finish and send again within the month, but a few late (XS-11). Every draw is keyed by the
    /// case, so nothing else generated changes.
    fn supplementary_investigation(&mut self, c: &CaseCtx, sent: i64) {
        let mut sent = sent;
        for round in 1..=2 {
            let key = format!("{}/return{round}", c.id);
            let rate = if round == 1 { RETURNED } else { RETURNED_AGAIN };
            if !self.p_keyed(&key, rate) {
                return;
            }
            let returned = self.office_keyed(&key, sent, 15, 45);
            self.sink
                .fact(returned, "case.procuratorate_notice")
                .s("id", &c.id)
                .s("notice", "supplementary_investigation")
                .done();
            sent = if self.p_keyed(&format!("{key}/late"), SUPPLEMENTED_LATE) {
                self.office_keyed(&format!("{key}/sent"), returned, 32, 50)
            } else {
                self.office_keyed(&format!("{key}/sent"), returned, 7, 27)
            };
            self.sink
                .fact(sent, "case.sent_for_prosecution")
                .s("id", &c.id)
                .done();
        }
    }

    /// 申请变更强制措施: some of those arrested (or their lawyers) ask for the measure to be
    /// changed; the police refuse in writing within the 3 days (on the third day, blue), a few
    /// later (RQ-12). The arrest
    /// lasts at least 20 days (`arrest`), so all of this happens while it does. Keyed by the
    /// measure.
    fn change_requested(&mut self, c: &CaseCtx, measure: &str, at: i64) {
        let key = format!("{measure}/change");
        if !self.p_keyed(&key, CHANGE_REQUESTED) {
            return;
        }
        let asked = self.office_keyed(&key, at, 2, 10);
        let replied = if self.p_keyed(&format!("{key}/late"), CHANGE_REPLIED_LATE) {
            self.office_keyed(&format!("{key}/reply"), asked, 5, 8)
        } else {
            self.office_keyed(&format!("{key}/reply"), asked, 0, 3)
        };
        self.sink
            .fact(asked, "measure.change_requested")
            .s("id", measure)
            .done();
        self.issue_doc(
            replied.max(asked + HOUR),
            c,
            DocKind::ChangeRequestReply,
            Some(measure),
        );
    }

    /// 申请法律援助: some detained adults apply for legal aid themselves (those under 18 or
    /// disabled are notified anyway, TS-04); the application is forwarded to the legal-aid
    /// agency within hours, a few after the 24 h (TS-05). Keyed by the detention.
    fn aid_requested(&mut self, c: &CaseCtx, person: usize, det: &str, t_d: i64) {
        let key = format!("{det}/aid");
        if self.age(person, t_d) < 18 || self.disabled(person) || !self.p_keyed(&key, AID_REQUESTED)
        {
            return;
        }
        let asked = t_d + ((6.0 + self.u_keyed(&key) * 34.0) * HOUR as f64) as i64;
        let hours = if self.p_keyed(&format!("{key}/late"), AID_FORWARDED_LATE) {
            26.0 + self.u_keyed(&format!("{key}/hours")) * 22.0
        } else {
            1.0 + self.u_keyed(&format!("{key}/hours")) * 19.0
        };
        let forwarded = asked + (hours * HOUR as f64) as i64;
        let id = self.persons[person].id.clone();
        self.sink
            .fact(asked, "legal_aid.requested")
            .s("person", &id)
            .s("case", &c.id)
            .done();
        self.sink
            .fact(forwarded, "legal_aid.notified")
            .s("person", &id)
            .s("case", &c.id)
            .done();
    }

    /// 不批准逮捕: the procuratorate's refusal, received 1–16 hours before the detention ends
    /// (past 12 h the warning is blue); a few detentions end more than a day after it (XS-12).
    /// Keyed by the measure.
    fn arrest_refused(&mut self, c: &CaseCtx, det: &str, released: i64) {
        let key = format!("{det}/refused");
        let hours = if self.p_keyed(&format!("{key}/late"), RELEASED_LATE) {
            26.0 + self.u_keyed(&key) * 14.0
        } else {
            1.0 + self.u_keyed(&key) * 15.0
        };
        let at = released - (hours * HOUR as f64) as i64;
        self.sink
            .fact(at, "case.procuratorate_notice")
            .s("id", &c.id)
            .s("notice", "arrest_refused")
            .s("measure", det)
            .done();
    }

    /// 立案监督: for some cases not filed, the procuratorate asks for the reasons; the police
    /// explain in writing within 7 days, a few late, and for some the procuratorate then orders
    /// filing, which the police do within 15 days, a few late (XS-06). Keyed by the case.
    fn filing_oversight(&mut self, c: &CaseCtx, not_filed: i64) {
        let key = format!("{}/oversight", c.id);
        if !self.p_keyed(&key, FILING_OVERSIGHT) {
            return;
        }
        let asked = self.office_keyed(&key, not_filed, 10, 60);
        self.sink
            .fact(asked, "case.procuratorate_notice")
            .s("id", &c.id)
            .s("notice", "explain_not_filing")
            .done();
        let explained = if self.p_keyed(&format!("{key}/late"), EXPLAINED_LATE) {
            self.office_keyed(&format!("{key}/explained"), asked, 9, 15)
        } else {
            self.office_keyed(&format!("{key}/explained"), asked, 1, 6)
        };
        self.issue_doc(explained, c, DocKind::NotFilingExplanation, None);
        if !self.p_keyed(&format!("{key}/order"), FILING_ORDERED) {
            return;
        }
        let ordered = self.office_keyed(&format!("{key}/order"), explained, 5, 20);
        self.sink
            .fact(ordered, "case.procuratorate_notice")
            .s("id", &c.id)
            .s("notice", "file_case")
            .done();
        let filed = if self.p_keyed(&format!("{key}/filed_late"), FILED_LATE) {
            self.office_keyed(&format!("{key}/filed"), ordered, 17, 25)
        } else {
            self.office_keyed(&format!("{key}/filed"), ordered, 2, 12)
        };
        self.sink.fact(filed, "case.filed").s("id", &c.id).done();
    }

    /// 不予立案 with its notice to the reporter (XS-05: served within 3 days).
    fn not_filed(&mut self, c: &CaseCtx, victims: &[usize]) {
        let at = if self.p(LATE_FILING) {
            c.t_a + self.days(4, 10)
        } else {
            {
                let d = self.hrs(4, 60);
                self.office(c.t_a + d)
            }
        };
        if c.from_agency {
            self.completion(c, at);
        }
        self.sink.fact(at, "case.not_filed").s("id", &c.id).done();
        if c.from_agency {
            self.reconsideration(c, at);
        }
        self.filing_oversight(c, at);
        let doc_at = at + self.mins(10, 600);
        let doc = self.issue_doc(doc_at, c, DocKind::NotFilingNotice, None);
        if let Some(&v) = victims.first()
            && !self.p(NOTICE_NOT_SERVED)
        {
            let served = {
                let d = self.hrs(1, 48);
                self.office(doc_at + d)
            };
            self.serve_doc(served, &doc, v);
        }
    }

    fn drop_case(&mut self, c: &CaseCtx, at: i64, items: &mut [Item]) {
        self.sink.fact(at, "case.dropped").s("id", &c.id).done();
        let doc_at = at + self.mins(5, 60);
        self.issue_doc(doc_at, c, DocKind::CaseDroppingDecision, None);
        self.dispose_all(c, items, at, false);
        self.close_and_archive(c, doc_at);
    }

    fn dispose_all(&mut self, c: &CaseCtx, items: &mut [Item], after: i64, sent: bool) {
        for item in items {
            let method = self.disposal_method(c, item, sent);
            let (at, lawful) = if self.p(LATE_PROPERTY_DISPOSAL) {
                (after + self.days(35, 100), false)
            } else {
                (
                    {
                        let d = self.hrs(2, 24 * 10);
                        self.office(after + d)
                    },
                    true,
                )
            };
            self.dispose(c, item, at, method, lawful);
        }
    }

    /// Summons (or 拘传 / 继续盘问), then detention, bail or release. Returns the outcome and
    /// the time of the last measure decision.
    #[allow(clippy::too_many_arguments)]
    fn criminal_suspect(
        &mut self,
        c: &CaseCtx,
        person: usize,
        at: i64,
        caught: bool,
        t_f: i64,
        before_filing: bool,
        single: bool,
    ) -> (Outcome, i64) {
        let kind = if caught {
            if self.p(0.04) {
                MeasureKind::ContinuedQuestioning
            } else {
                MeasureKind::SummonsCriminal
            }
        } else if self.p(0.25) {
            MeasureKind::CompelledAppearance
        } else {
            MeasureKind::SummonsCriminal
        };
        let ep = self.start_episode(c, person, kind, at);
        if self.age(person, at) < 18 || self.disabled(person) {
            self.legal_aid(c, person, at);
        }
        let mut t_o = ep.ready + self.mins(10, 90);
        if !before_filing {
            t_o = t_o.max(t_f + self.mins(5, 30));
        }
        let vulnerable = self.special(person, at) || self.disabled(person);
        let weights: [u32; 3] = if c.category().code == "traffic.drunk_driving" {
            [8, 62, 30]
        } else if vulnerable {
            [20, 50, 30]
        } else {
            [48, 20, 32]
        };
        let u = self.r(0, 1000) as f64 / 1000.0;
        let lawful = if u < QUESTIONING_OVERRUN {
            // Held past the limit without an extension (RQ-01/03, CS-03).
            t_o = t_o.max(ep.arrived + ep.base_limit + self.mins(20, 180));
            false
        } else {
            if u < QUESTIONING_OVERRUN + 0.05 && ep.extended_limit.is_some() {
                // A long questioning, lawfully extended to 24 h.
                t_o = t_o.max(ep.arrived + self.hrs(13, 22));
            }
            true
        };
        match self.weighted(&weights) {
            0 => {
                let det = self.start_measure(c, person, MeasureKind::CriminalDetention, t_o);
                let warrant_at = t_o + self.mins(2, 15);
                let warrant = self.issue_doc(warrant_at, c, DocKind::DetentionWarrant, Some(&det));
                let limit = if t_o - ep.arrived > ep.base_limit && lawful {
                    ep.extended_limit.unwrap_or(ep.base_limit)
                } else {
                    ep.base_limit
                };
                let exit_at = (t_o + self.mins(30, 110))
                    .min(ep.arrived + limit - self.mins(1, 10))
                    .max(warrant_at + MINUTE);
                let exit = Exit {
                    at: exit_at,
                    destination: "detention_house",
                    document: Some(&warrant),
                };
                self.finish_episode(c, &ep, t_o, "converted", Some(exit), lawful);
                let delivered = if self.p(LATE_DELIVERY) {
                    t_o + self.hrs(25, 40)
                } else if ep.stay.is_some() {
                    exit_at + self.mins(20, 60)
                } else {
                    t_o + self.hrs(1, 8)
                };
                let abandon = single && self.p(DROPPED_WHILE_DETAINED);
                (
                    self.detention(c, person, &det, t_o, delivered, abandon),
                    t_o,
                )
            }
            1 => {
                let exit = self.sent_without_measure(&ep, t_o);
                self.finish_episode(c, &ep, t_o, "converted", exit, lawful);
                (self.release_on_bail(c, person, t_o), t_o)
            }
            _ => {
                let exit = self.sent_without_measure(&ep, t_o);
                self.finish_episode(c, &ep, t_o, "released", exit, lawful);
                (Outcome::Released { at: t_o }, t_o)
            }
        }
    }

    /// For a few suspects bailed or released from the center: taken to the detention house
    /// all the same, when they would have left, with no detention or arrest recorded (CS-10).
    /// `None` for the rest, who leave as released. Drawn by the stay's id, so nothing else
    /// generated changes.
    fn sent_without_measure(&self, ep: &Episode, at: i64) -> Option<Exit<'static>> {
        let stay = ep.stay.as_deref()?;
        self.p_keyed(stay, SENT_WITHOUT_MEASURE).then_some(Exit {
            at,
            destination: "detention_house",
            document: None,
        })
    }

    /// 取保候审 (or, rarely, 监视居住) from `at` until the case goes to the procuratorate.
    fn release_on_bail(&mut self, c: &CaseCtx, person: usize, at: i64) -> Outcome {
        let (kind, doc_kind, days) = if self.p(0.04) {
            (
                MeasureKind::ResidentialSurveillance,
                DocKind::ResidentialSurveillanceDecision,
                (30, 150),
            )
        } else {
            (MeasureKind::Bail, DocKind::BailDecision, (20, 150))
        };
        let measure = self.start_measure(c, person, kind, at);
        let doc_at = at + self.mins(5, 30);
        let doc = self.issue_doc(doc_at, c, doc_kind, Some(&measure));
        let served = doc_at + self.mins(1, 10);
        self.serve_doc(served, &doc, person);
        let send_after = at + self.days(days.0, days.1);
        self.mark_busy(person, send_after + HOUR);
        Outcome::Pending {
            measure,
            person,
            send_after,
            custodial: false,
        }
    }

    /// 刑事拘留 from `t_d`: notices, delivery, interrogation, then the arrest request and the
    /// procuratorate's answer, or bail, or release.
    fn detention(
        &mut self,
        c: &CaseCtx,
        person: usize,
        det: &str,
        t_d: i64,
        delivered: i64,
        abandon: bool,
    ) -> Outcome {
        let notified = self.notify_family(det, t_d);
        let notice_at = if self.p(LATE_NOTICE) {
            t_d + self.hrs(25, 40)
        } else {
            t_d + self.mins(30, 22 * 60)
        };
        self.issue_doc(notice_at, c, DocKind::DetentionNotice, Some(det));
        self.foreign_national_report(c, person, det, t_d);
        self.sink
            .fact(delivered, "measure.delivered")
            .s("id", det)
            .s("facility", "detention_house")
            .done();
        self.interrogate_after(c, person, t_d, delivered);
        self.aid_requested(c, person, det, t_d);
        self.mark_busy(person, t_d + 40 * DAY);
        // The detention cannot end before its own notification and delivery facts.
        let floor = notified.max(delivered) + self.mins(10, 60);
        if abandon {
            // The case is dropped while the person is still held (XS-09).
            let dropped = t_d + self.hrs(20, 60);
            let released = (dropped + self.days(1, 4)).max(floor);
            self.end_measure(det, person, released, "released");
            return Outcome::DroppedWhileDetained { dropped };
        }
        match self.weighted(&[75, 18, 7]) {
            0 => {
                let approver = self.county_leader(c.county);
                let u = self.r(0, 1000) as f64 / 1000.0;
                let request = if u < LATE_ARREST_REQUEST {
                    t_d + self.hrs(75, 140)
                } else if u < LATE_ARREST_REQUEST + 0.33 {
                    let days = if u < LATE_ARREST_REQUEST + 0.25 {
                        7
                    } else {
                        30
                    };
                    let at = t_d + self.hrs(48, 70);
                    self.sink
                        .fact(at, "measure.extended")
                        .s("id", det)
                        .n("days", days)
                        .s("approved_by", &self.org.officers[approver].id)
                        .done();
                    if days == 7 {
                        t_d + self.hrs(75, 160)
                    } else {
                        t_d + self.days(8, 28)
                    }
                } else {
                    t_d + self.hrs(20, 70)
                };
                let request = request.max(floor);
                self.sink
                    .fact(request, "measure.arrest_requested")
                    .s("id", det)
                    .done();
                let answer = request + self.hrs(48, 160);
                if self.p(0.82) {
                    self.end_measure(det, person, answer, "converted");
                    self.arrest(c, person, answer)
                } else {
                    self.arrest_refused(c, det, answer);
                    self.end_measure(det, person, answer, "converted");
                    if self.p(0.7) {
                        self.release_on_bail(c, person, answer)
                    } else {
                        Outcome::Released { at: answer }
                    }
                }
            }
            1 => {
                let at = (t_d + self.hrs(24, 70)).max(floor);
                self.end_measure(det, person, at, "converted");
                self.release_on_bail(c, person, at)
            }
            _ => {
                let at = (t_d + self.hrs(24, 70)).max(floor);
                self.end_measure(det, person, at, "released");
                Outcome::Released { at }
            }
        }
    }

    /// 逮捕 approved by the procuratorate at `at`.
    fn arrest(&mut self, c: &CaseCtx, person: usize, at: i64) -> Outcome {
        let measure = self.start_measure(c, person, MeasureKind::Arrest, at);
        let warrant_at = at + self.mins(5, 60);
        self.issue_doc(warrant_at, c, DocKind::ArrestWarrant, Some(&measure));
        let notice_at = if self.p(LATE_NOTICE) {
            at + self.hrs(25, 40)
        } else {
            at + self.hrs(1, 20)
        };
        self.issue_doc(notice_at, c, DocKind::ArrestNotice, Some(&measure));
        self.foreign_national_report(c, person, &measure, at);
        // The execution receipt goes back to the procuratorate within 3 days (RQ-08).
        if !self.p(NO_ARREST_RECEIPT) {
            let receipt_at = warrant_at + self.hrs(1, 40);
            self.issue_doc(
                receipt_at,
                c,
                DocKind::ArrestExecutionReceipt,
                Some(&measure),
            );
        }
        self.notify_family(&measure, at);
        self.interrogate_after(c, person, at, at);
        self.change_requested(c, &measure, at);
        let send_after = at
            + if self.p(ARREST_OVERRUN) {
                self.days(61, 75)
            } else {
                self.days(20, 58)
            };
        self.recalculation(c, &measure, at, send_after);
        self.mark_busy(person, send_after + HOUR);
        Outcome::Pending {
            measure,
            person,
            send_after,
            custodial: true,
        }
    }

    /// The injury appraisal of a criminal injury case's first victim, and its opinion told to
    /// every victim and suspect (鉴定意见通知书, XS-14): within a day or so of the opinion, or
    /// of a suspect's identification when later.
    /// The opinion comes no later than the case's resolution (`resolved`), so that nothing
    /// follows its archiving.
    fn criminal_injury(
        &mut self,
        c: &CaseCtx,
        victims: &[usize],
        suspects: &[(usize, i64)],
        resolved: Option<i64>,
    ) {
        let at = c.t_a + self.days(2, 10);
        let at = resolved.map_or(at, |r| at.min(r).max(c.t_a + MINUTE));
        let grade = ["minor", "light", "serious"][self.weighted(&[15, 70, 15])];
        self.sink
            .fact(at, "case.injury_assessed")
            .s("id", &c.id)
            .s("person", &self.persons[victims[0]].id)
            .s("grade", grade)
            .done();
        let doc_at = at + self.hrs(2, 30);
        let doc = self.issue_doc(doc_at, c, DocKind::AppraisalOpinionNotice, None);
        let told: Vec<(usize, i64)> = victims
            .iter()
            .map(|&v| (v, doc_at))
            .chain(suspects.iter().map(|&(s, linked)| (s, linked.max(doc_at))))
            .collect();
        for (person, from) in told {
            if !self.p(APPRAISAL_NOT_TOLD) {
                let served = from + self.mins(5, 180);
                self.serve_doc(served, &doc, person);
            }
        }
    }

    /// The interrogation due within 24 h of detention or arrest (RQ-06), at the detention house.
    fn interrogate_after(&mut self, c: &CaseCtx, person: usize, from: i64, delivered: i64) {
        let at = if self.p(LATE_INTERROGATION) {
            from + self.hrs(26, 50)
        } else {
            (delivered + self.hrs(1, 10))
                .min(from + 23 * HOUR)
                .max(from + 30 * MINUTE)
        };
        let end = at + self.mins(40, 120);
        self.interrogate(c, person, "interrogation", at, end, None);
    }

    /// Notifies legal aid for a minor or disabled suspect within 3 days (TS-04).
    fn legal_aid(&mut self, c: &CaseCtx, person: usize, first: i64) {
        if self.p(LEGAL_AID_MISSED) {
            return;
        }
        let at = first + self.hrs(2, 60);
        self.sink
            .fact(at, "legal_aid.notified")
            .s("person", &self.persons[person].id)
            .s("case", &c.id)
            .done();
    }
}
