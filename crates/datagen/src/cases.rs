//! 案 cases: acceptance, the people in them, and the administrative (治安) case flow.
//! The criminal flow is in `criminal.rs`.

use crate::clock::{DAY, HOUR, MINUTE};
use crate::emit::push_json_str;
use crate::generator::{Gen, IdKind, Profile};
use crate::incidents::CaseSeed;
use crate::measures::{Episode, Exit, MeasureKind};
use crate::names::{CATEGORIES, Category, DocKind, Route};
use crate::property::Item;

/// Share of administrative cases decided after 30 days without an extension (XZ-02).
const ADMIN_LATE_DECISION: f64 = 0.035;
/// Share of administrative cases whose act was committed more than six months before it was
/// discovered (XZ-13).
pub(crate) const DISCOVERED_LATE: f64 = 0.004;
/// Share of administrative cases never decided within the history (XZ-02).
const ADMIN_NEVER_DECIDED: f64 = 0.012;
/// Share of penalised persons without a prior notice (XZ-06).
const NO_PRIOR_NOTICE: f64 = 0.03;
/// Share of persons owed the notice of the right to a hearing (a fine of 2000 元 or more, a
/// minor's detention) told without it (XZ-07), drawn by key.
pub(crate) const HEARING_RIGHT_UNTOLD: f64 = 0.04;
/// Share of mediated cases in which a bar on mediation was known before it (XZ-09), drawn by
/// key.
pub(crate) const MEDIATION_BARRED: f64 = 0.05;
/// Share of criminal cases transferred by an administrative agency (XS-03), drawn by key.
pub(crate) const FROM_AGENCY: f64 = 0.03;
/// Share of penalty decisions written without the remedies and their deadlines (JZ-09), drawn
/// by key.
pub(crate) const DECISION_WITHOUT_REMEDIES: f64 = 0.02;
/// Share of fines penalised on the spot collected in cash (XZ-10), drawn by key.
pub(crate) const CASH_COLLECTED: f64 = 0.5;
/// Share of those handed over but never deposited at the bank (XZ-10), drawn by key.
pub(crate) const CASH_NOT_DEPOSITED: f64 = 0.05;
/// Share of fines (not penalised on the spot) left unpaid, so that a reminder (催告书) is served
/// (XZ-11), drawn by key.
pub(crate) const FINE_UNPAID: f64 = 0.05;
/// Of those, the share who pay after the reminder, and who contest the decision instead; the
/// rest are enforced through the court (XZ-11), drawn by key.
pub(crate) const PAID_AFTER_REMINDER: f64 = 0.6;
pub(crate) const CONTESTED: f64 = 0.1;
/// Share of applications to the court made before the review and lawsuit periods ended
/// (XZ-11), drawn by key.
pub(crate) const COURT_APPLIED_EARLY: f64 = 0.2;
/// Share of injury cases whose injury appraisal is commissioned only after 24 h (XZ-15), drawn
/// by key.
pub(crate) const APPRAISAL_COMMISSIONED_LATE: f64 = 0.04;
/// Share of persons detained who apply to defer the detention (XZ-12), drawn by key.
pub(crate) const DEFERRAL_REQUESTED: f64 = 0.03;
/// Share of those applications decided after 24 h (XZ-12), drawn by key.
pub(crate) const DEFERRAL_DECIDED_LATE: f64 = 0.08;
/// Share of deferrals granted with a bond not at 200 元 a day (XZ-12), drawn by key.
pub(crate) const DEFERRAL_BOND_WRONG: f64 = 0.1;
/// Share of women suspected of drug use whose urine sample is taken by the case officers, men
/// among them, instead of female staff (TS-11), drawn by key.
pub(crate) const SAMPLED_BY_MEN: f64 = 0.08;
/// Share of suspects of fights and disturbances caught drunk and restrained (约束) until
/// brought in (RQ-17), drawn by key.
pub(crate) const RESTRAINED: f64 = 0.06;
/// Of those, the share whose restraint is approved after 24 h or never, and whose family is
/// told after a day or never (RQ-17), drawn by key.
pub(crate) const RESTRAINT_APPROVED_LATE: f64 = 0.1;
pub(crate) const RESTRAINT_FAMILY_UNTOLD: f64 = 0.05;
/// Share of women whose security check at the center's entry is done by the case officers, men
/// among them, instead of female staff (CS-02), drawn by key.
pub(crate) const CHECKED_BY_MEN: f64 = 0.03;
/// Share of detention decisions without legal review (XZ-08).
const DETENTION_UNREVIEWED: f64 = 0.02;
/// Share of detention decisions made by a station (XZ-08).
const DETENTION_BY_STATION: f64 = 0.015;
/// Share of penalty decisions served late or never (JZ-01).
const LATE_SERVICE: f64 = 0.03;
/// Share of closed cases archived after 30 days (JZ-07).
const LATE_ARCHIVE: f64 = 0.06;
/// Share of summons/questioning held past the limit without extension (RQ-01/02).
const QUESTIONING_OVERRUN: f64 = 0.03;
/// Share of property disposed of long after the case ended (CW-12).
const LATE_PROPERTY_DISPOSAL: f64 = 0.04;
/// Share of 治安 incidents penalised on the spot (当场处罚, 简易程序): a warning or a fine of
/// 200 元 at most.
const ON_SPOT: f64 = 0.06;
/// Share of on-the-spot cases penalised beyond the simplified procedure's reach (XZ-05).
pub(crate) const ON_SPOT_OVER_LIMIT: f64 = 0.05;
/// Share of suspects under 14 penalised anyway (TS-09); the others are not punished.
pub(crate) const UNDER_14_PENALISED: f64 = 0.05;
/// Share of persons whose detention would not be executed (under 16, 70 or over, pregnant or
/// nursing) sentenced to detention all the same, executed (TS-09).
pub(crate) const EXEMPT_DETAINED: f64 = 0.05;
/// Share of victims not served a copy of the decision (JZ-02).
pub(crate) const VICTIM_NOT_SERVED: f64 = 0.03;
/// Share of suspects and victims not served a copy of the injury appraisal (JZ-03).
pub(crate) const APPRAISAL_NOT_SERVED: f64 = 0.03;
/// Share of administrative detentions never executed (RQ-15).
pub(crate) const DETENTION_NOT_EXECUTED: f64 = 0.02;

/// A criminal case of violent harm (TS-03): robbery and assault. (The categories generated
/// hold no sexual offence.)
pub(crate) fn sexual_or_violent(cat: &Category, criminal: bool) -> bool {
    criminal && matches!(cat.code, "robbery" | "injury.assault")
}

/// What the generator needs to know about a case while writing its facts.
pub(crate) struct CaseCtx {
    pub id: String,
    pub criminal: bool,
    pub cat: usize,
    /// Handling unit (index into units) and its station entry.
    pub unit: usize,
    pub station: usize,
    pub county: usize,
    pub t_a: i64,
    /// The two case officers (主办 and 协办).
    pub main: usize,
    pub second: usize,
    /// An administrative case penalised on the spot (its incident disposed `on_spot_penalty`).
    pub on_spot: bool,
    /// A criminal case transferred by an administrative agency (XS-03).
    pub from_agency: bool,
    /// No victim is linked (set when the victims are drawn): a victim's item has no owner to
    /// go back to, and its owner is called for (CW-13).
    pub victimless: std::cell::Cell<bool>,
}

impl CaseCtx {
    pub(crate) fn category(&self) -> &'static Category {
        &CATEGORIES[self.cat]
    }
}

/// One penalty of an administrative decision.
pub(crate) struct Penalty {
    pub person: usize,
    pub kind: &'static str,
    pub amount_yuan: i64,
    pub days: i64,
}

/// How an application to defer detention ended.
enum Deferral {
    Granted,
    Refused(i64),
}

impl Gen {
    /// An application by `person` to defer the detention decided at `decided` (XZ-12), drawn
    /// by key: none for most; decided within 24 h but for a few; granted for about half, with a
    /// guarantor or a bond of 200 元 a day (a few bonds wrong).
    fn deferral(
        &mut self,
        c: &CaseCtx,
        person: usize,
        decided: i64,
        days: i64,
    ) -> Option<Deferral> {
        let pid = self.persons[person].id.clone();
        let key = format!("{}/{pid}/deferral", c.id);
        if !self.p_keyed(&key, DEFERRAL_REQUESTED) {
            return None;
        }
        let asked =
            decided + ((0.3 + self.u_keyed(&format!("{key}/asked")) * 0.7) * HOUR as f64) as i64;
        self.sink
            .fact(asked, "case.deferral_requested")
            .s("id", &c.id)
            .s("person", &pid)
            .done();
        let hours = if self.p_keyed(&format!("{key}/late"), DEFERRAL_DECIDED_LATE) {
            26.0 + self.u_keyed(&format!("{key}/hours")) * 14.0
        } else {
            2.0 + self.u_keyed(&format!("{key}/hours")) * 18.0
        };
        let at = asked + (hours * HOUR as f64) as i64;
        let granted = self.p_keyed(&format!("{key}/granted"), 0.5);
        let guarantor = self.p_keyed(&format!("{key}/guarantor"), 0.5);
        let per_day = if self.p_keyed(&format!("{key}/bond"), DEFERRAL_BOND_WRONG) {
            100
        } else {
            200
        };
        let f = self
            .sink
            .fact(at, "case.deferral_decided")
            .s("id", &c.id)
            .s("person", &pid)
            .b("granted", granted);
        if !granted {
            f.done();
            return Some(Deferral::Refused(at));
        }
        if guarantor {
            f.s("guarantor", &format!("{pid}的亲属")).done();
        } else {
            f.n("bond_yuan", days * per_day).done();
        }
        Some(Deferral::Granted)
    }

    pub(crate) fn case(&mut self, seed: CaseSeed) {
        let cat = &CATEGORIES[seed.cat];
        let criminal = cat.route == Route::Criminal;
        let station = &self.org.stations[seed.station];
        let regular = station.regular.clone();
        let (unit, county) = (station.unit, station.county);
        let main = match &seed.incident {
            Some(link) if regular.contains(&link.officer) => link.officer,
            _ => self.pick(&regular),
        };
        let second = loop {
            let o = self.pick(&regular);
            if o != main {
                break o;
            }
        };
        let id = self.new_id(IdKind::Case);
        let complex = self.p(if criminal { 0.08 } else { 0.04 });
        // When the act was committed, for administrative cases (XZ-13): a day to five before
        // the acceptance, a few beyond the six months of limitation. Keyed by the case.
        let committed = (!criminal).then(|| {
            let key = format!("{id}/committed");
            let days = if self.p_keyed(&format!("{key}/late"), DISCOVERED_LATE) {
                185.0 + self.u_keyed(&key) * 75.0
            } else {
                1.0 + self.u_keyed(&key) * 4.0
            };
            seed.t_a - (days * DAY as f64) as i64
        });
        let from_agency = criminal && self.p_keyed(&format!("{id}/agency"), FROM_AGENCY);
        self.sink
            .fact(seed.t_a, "case.accepted")
            .s("id", &id)
            .s("unit", &self.org.units[unit].id)
            .s(
                "kind",
                if criminal {
                    "criminal"
                } else {
                    "administrative"
                },
            )
            .s("category", cat.code)
            .opt("incident", seed.incident.as_ref().map(|l| l.id.as_str()))
            .b("complex", complex)
            .b("economic", cat.economic)
            .opt_t("committed_at", committed)
            .opt_b("injury", cat.injury.then_some(true))
            .opt_b(
                "sexual_or_violent",
                sexual_or_violent(cat, criminal).then_some(true),
            )
            .opt_b("from_agency", from_agency.then_some(true))
            // A traffic accident taken up as a case is one under the road traffic law, not a
            // public-order case: 处罚法 §60's 90 days (XZ-03), not 治安法's 30 (XZ-02).
            .opt_b(
                "other_administrative",
                (!criminal && cat.code == "dispute.traffic").then_some(true),
            )
            .done();
        // An injury case's appraisal commissioned within 24 h, but for a few (XZ-15).
        if cat.injury {
            let key = format!("{id}/appraisal");
            let hours = if self.p_keyed(&format!("{key}/late"), APPRAISAL_COMMISSIONED_LATE) {
                26.0 + self.u_keyed(&key) * 20.0
            } else {
                1.0 + self.u_keyed(&key) * 20.0
            };
            self.sink
                .fact(seed.t_a + (hours * HOUR as f64) as i64, "case.act")
                .s("id", &id)
                .s("act", "appraisal_commissioned")
                .done();
        }
        let on_spot = !criminal && seed.incident.is_some() && self.p(ON_SPOT);
        if let Some(link) = &seed.incident {
            let at = seed.t_a + self.mins(1, 30);
            self.sink
                .fact(at, "incident.disposed")
                .s("id", &link.id)
                .s(
                    "result",
                    if on_spot {
                        "on_spot_penalty"
                    } else {
                        "case_accepted"
                    },
                )
                .s("case", &id)
                .done();
        }
        let c = CaseCtx {
            id,
            criminal,
            cat: seed.cat,
            unit,
            station: seed.station,
            county,
            t_a: seed.t_a,
            main,
            second,
            on_spot,
            from_agency,
            victimless: std::cell::Cell::new(false),
        };
        if criminal {
            self.criminal_case(&c, complex);
        } else {
            self.admin_case(&c, complex);
        }
    }

    pub(crate) fn link(&mut self, c: &CaseCtx, person: usize, role: &str, at: i64) {
        self.sink
            .fact(at, "person.linked")
            .s("id", &self.persons[person].id)
            .s("case", &c.id)
            .s("role", role)
            .done();
    }

    /// Registers and links the victims (and their questioning); issues the acceptance receipt.
    pub(crate) fn victims(&mut self, c: &CaseCtx) -> Vec<usize> {
        let cat = c.category();
        if !cat.victim {
            c.victimless.set(true);
            return Vec::new();
        }
        // The victim is often a shop or a company, or not identified by name in the case yet.
        let n = if cat.code == "economic.illegal_fundraising" {
            self.r(3, 7)
        } else if !self.p(0.65) {
            0
        } else if self.p(0.08) {
            2
        } else {
            1
        };
        c.victimless.set(n == 0);
        let mut victims = Vec::new();
        for _ in 0..n {
            let v = self.new_person(c.t_a, Profile::Victim, c.county);
            self.link(c, v, "victim", c.t_a);
            // Victims are questioned on the day, or come in during office hours.
            let at = if self.p(0.7) {
                c.t_a + self.mins(20, 180)
            } else {
                let d = self.hrs(12, 48);
                self.office(c.t_a + d)
            };
            let end = at + self.mins(20, 80);
            let first = self.interrogate(c, v, "questioning", at, end, None);
            if let Some(first) = first
                && sexual_or_violent(cat, c.criminal)
                && self.age(v, at) < 18
            {
                self.question_minor_again(c, v, &first, end);
            }
            victims.push(v);
        }
        let receipt_at = c.t_a + self.mins(3, 30);
        let receipt = self.issue_doc(receipt_at, c, DocKind::AcceptanceReceipt, None);
        if let Some(&v) = victims.first() {
            let served = receipt_at + self.mins(0, 15);
            self.serve_doc(served, &receipt, v);
        }
        if self.p(0.08) {
            let w = self.new_person(c.t_a + HOUR, Profile::Witness, c.county);
            self.link(c, w, "witness", c.t_a + HOUR);
            let at = c.t_a + self.hrs(2, 72);
            let end = at + self.mins(20, 60);
            self.interrogate(c, w, "questioning", at, end, None);
        }
        victims
    }

    /// A suspect for case `c` at `at`: mostly a new person, sometimes a repeat offender.
    pub(crate) fn suspect(&mut self, c: &CaseCtx, at: i64) -> usize {
        let mut person = None;
        if !self.repeat_pool.is_empty() && self.p(0.03) {
            let i = self.idx(self.repeat_pool.len());
            let candidate = self.repeat_pool[i];
            if self.persons[candidate].busy_until < at - DAY {
                person = Some(candidate);
            }
        }
        let person = match person {
            Some(p) => p,
            None => {
                let p = self.new_person(at, Profile::Suspect, c.county);
                if self.p(0.3) {
                    self.repeat_pool.push(p);
                }
                p
            }
        };
        self.link(c, person, "suspect", at);
        self.mark_busy(person, at);
        person
    }

    /// Number of suspects in `lo..=hi`, most often `lo`.
    pub(crate) fn suspect_count(&mut self, (lo, hi): (u32, u32)) -> i64 {
        let mut n = i64::from(lo);
        while n < i64::from(hi) && self.p(0.3) {
            n += 1;
        }
        n
    }

    pub(crate) fn act(&mut self, c: &CaseCtx, at: i64, act: &str) {
        self.sink
            .fact(at, "case.act")
            .s("id", &c.id)
            .s("act", act)
            .done();
    }

    /// Closes the case after `after` and archives it (mostly within 30 days, JZ-07).
    pub(crate) fn close_and_archive(&mut self, c: &CaseCtx, after: i64) {
        self.close_and_archive_held(c, after, i64::MIN);
    }

    /// As [`Gen::close_and_archive`], the case held open until `held` (a fine enforced, XZ-11).
    /// The times are drawn as without it, so that the rest of the history stays as it was;
    /// a case held past them closes 1–10 days after `held`, drawn by key, and is archived
    /// 1–20 days after that.
    fn close_and_archive_held(&mut self, c: &CaseCtx, after: i64, held: i64) {
        let mut closed = {
            let d = self.days(1, 10);
            self.office(after + d)
        };
        let mut archived = if self.p(LATE_ARCHIVE) {
            {
                let d = self.days(35, 70);
                self.office(closed + d)
            }
        } else {
            {
                let d = self.days(1, 20);
                self.office(closed + d)
            }
        };
        if held >= closed {
            closed = self.office_keyed(&format!("{}/closed", c.id), held, 1, 10);
            archived = self.office_keyed(&format!("{}/archived", c.id), closed, 1, 20);
        }
        self.sink.fact(closed, "case.closed").s("id", &c.id).done();
        self.sink
            .fact(archived, "case.archived")
            .s("id", &c.id)
            .done();
    }

    /// Fines penalised on the spot, half collected in cash (XZ-10): handed over to the unit
    /// within a day and deposited at the bank within a day of that, never deposited for a
    /// few. All within two days of the decision, before the case can be archived. Drawn by
    /// key.
    fn cash_fines(&mut self, c: &CaseCtx, decided_at: i64, penalties: &[Penalty]) {
        if !c.on_spot {
            return;
        }
        for p in penalties.iter().filter(|p| p.kind == "fine") {
            let person = self.persons[p.person].id.clone();
            let key = format!("{}/{person}/cash", c.id);
            if !self.p_keyed(&key, CASH_COLLECTED) {
                continue;
            }
            let span =
                |g: &Self, part: &str, n, unit| g.span_keyed(&format!("{key}/{part}"), n, unit);
            let collected = decided_at + MINUTE + span(self, "collected", 9.0, MINUTE);
            let handed = collected + HOUR + span(self, "handed", 19.0, HOUR);
            let deposited = handed + HOUR + span(self, "deposited", 15.0, HOUR);
            let step = |g: &mut Self, at: i64, step: &str| {
                let fact = g
                    .sink
                    .fact(at, "case.fine_cash")
                    .s("id", &c.id)
                    .s("person", &person)
                    .s("step", step);
                let fact = if step == "collected" {
                    fact.n("amount_yuan", p.amount_yuan)
                } else {
                    fact
                };
                fact.done();
            };
            step(self, collected, "collected");
            step(self, handed, "handed_over");
            if !self.p_keyed(&format!("{key}/kept"), CASH_NOT_DEPOSITED) {
                step(self, deposited, "deposited");
            }
        }
    }

    /// Fines left unpaid (XZ-11), drawn by key: a reminder (催告书) served 20–45 days after the
    /// decision was served; then paid within days, contested, or enforced through the court,
    /// applied to 195–250 days after the service (the six-month lawsuit period over, within the
    /// three months after it), but for a few applied to 11–30 days after the reminder, before
    /// the periods ended. Returns when the last step was taken, after which the case can close.
    fn enforce_fines(
        &mut self,
        c: &CaseCtx,
        penalties: &[Penalty],
        served: &[(usize, i64)],
    ) -> i64 {
        let mut last = i64::MIN;
        if c.on_spot {
            return last;
        }
        for p in penalties.iter().filter(|p| p.kind == "fine") {
            let Some(&(_, served_at)) = served.iter().find(|s| s.0 == p.person) else {
                continue;
            };
            let person = self.persons[p.person].id.clone();
            let key = format!("{}/{person}/enforcement", c.id);
            if !self.p_keyed(&key, FINE_UNPAID) {
                continue;
            }
            let step = |g: &mut Self, at: i64, step: &str| {
                g.sink
                    .fact(at, "case.enforcement")
                    .s("id", &c.id)
                    .s("person", &person)
                    .s("step", step)
                    .done();
            };
            let reminded = self.office_keyed(&format!("{key}/reminder"), served_at, 20, 45);
            step(self, reminded, "reminder_served");
            let after = self.u_keyed(&format!("{key}/after"));
            let (at, what) = if after < PAID_AFTER_REMINDER {
                (
                    self.office_keyed(&format!("{key}/paid"), reminded, 1, 9),
                    "complied",
                )
            } else if after < PAID_AFTER_REMINDER + CONTESTED {
                (
                    self.office_keyed(&format!("{key}/contested"), reminded, 1, 5),
                    "contested",
                )
            } else if self.p_keyed(&format!("{key}/early"), COURT_APPLIED_EARLY) {
                (
                    self.office_keyed(&format!("{key}/court"), reminded, 11, 30),
                    "court_applied",
                )
            } else {
                (
                    self.office_keyed(&format!("{key}/court"), served_at, 195, 250),
                    "court_applied",
                )
            };
            step(self, at, what);
            last = last.max(at);
        }
        last
    }

    /// The female staff of the case's station, or of its county where the station has fewer
    /// than two: who checks, searches or samples a woman's body (TS-11, CS-02).
    pub(crate) fn female_staff(&self, c: &CaseCtx) -> Vec<usize> {
        let women_of = |stations: &mut dyn Iterator<Item = &crate::org::Station>| -> Vec<usize> {
            stations
                .flat_map(|s| s.regular.iter().chain(&s.auxiliary))
                .copied()
                .filter(|&o| self.org.officers[o].female)
                .collect()
        };
        let women = women_of(&mut std::iter::once(&self.org.stations[c.station]));
        if women.len() >= 2 {
            return women;
        }
        women_of(&mut self.org.stations.iter().filter(|s| s.county == c.county))
    }

    /// Two of `women`, drawn by `key`.
    pub(crate) fn two_of(&self, key: &str, women: &[usize]) -> [usize; 2] {
        let first = self.pick_keyed(&format!("{key}/first"), women.len());
        let second =
            (first + 1 + self.pick_keyed(&format!("{key}/second"), women.len() - 1)) % women.len();
        [women[first], women[second]]
    }

    /// A drug user's urine sample (提取生物样本) taken soon after arrival by two officers: the
    /// case officers for a man, two female staff of the station (or county) for a woman, but for a few
    /// women taken by the case officers all the same (TS-11), drawn by key.
    fn drug_sample(&mut self, c: &CaseCtx, ep: &Episode) {
        let person = &self.persons[ep.person];
        let key = format!("{}/{}/sample", c.id, person.id);
        let at = ep.arrived + 15 * MINUTE + self.span_keyed(&key, 30.0, MINUTE);
        let women = self.female_staff(c);
        let officers = if person.female
            && women.len() >= 2
            && !self.p_keyed(&format!("{key}/men"), SAMPLED_BY_MEN)
        {
            self.two_of(&key, &women)
        } else {
            [c.main, c.second]
        };
        let mut list = String::from("[");
        for (i, &o) in officers.iter().enumerate() {
            if i > 0 {
                list.push(',');
            }
            push_json_str(&mut list, &self.org.officers[o].id);
        }
        list.push(']');
        self.sink
            .fact(at, "case.person_searched")
            .s("id", &c.id)
            .s("person", &person.id)
            .s("kind", "sample")
            .raw("officers", &list)
            .done();
    }

    /// A suspect caught drunk, restrained (约束) on the spot until brought in for questioning
    /// (RQ-17), drawn by key: the restraint approved afterwards by a county head within 24 h and
    /// the family told while it lasts, but for a few. Its id is the questioning's with `R`, so
    /// that the later measures keep theirs.
    fn restraint(&mut self, c: &CaseCtx, ep: &Episode) {
        let key = format!("{}/restraint", ep.measure);
        if !self.p_keyed(&key, RESTRAINED) {
            return;
        }
        let id = format!("{}R", ep.measure);
        let start = c.t_a + MINUTE + self.span_keyed(&format!("{key}/start"), 5.0, MINUTE);
        let end = ep.arrived.max(start + 10 * MINUTE);
        self.sink
            .fact(start, "measure.started")
            .s("id", &id)
            .s("person", &self.persons[ep.person].id)
            .s("case", &c.id)
            .s("kind", "restraint")
            .done();
        self.sink
            .fact(end, "measure.ended")
            .s("id", &id)
            .s("outcome", "released")
            .done();
        let approved = if self.p_keyed(&format!("{key}/late"), RESTRAINT_APPROVED_LATE) {
            (!self.p_keyed(&format!("{key}/never"), 0.5)).then(|| {
                start + 26 * HOUR + self.span_keyed(&format!("{key}/approved"), 30.0, HOUR)
            })
        } else {
            Some(start + HOUR + self.span_keyed(&format!("{key}/approved"), 20.0, HOUR))
        };
        if let Some(at) = approved {
            let leaders = &self.org.counties[c.county].leaders;
            let leader = leaders[self.pick_keyed(&format!("{key}/leader"), leaders.len())];
            self.sink
                .fact(at, "measure.approved")
                .s("id", &id)
                .s("approved_by", &self.org.officers[leader].id)
                .done();
        }
        if !self.p_keyed(&format!("{key}/untold"), RESTRAINT_FAMILY_UNTOLD) {
            // While it lasts: on the way, or as soon as the person is brought in.
            let at = start
                + 5 * MINUTE
                + self.span_keyed(&format!("{key}/told"), 1.0, end - start - 5 * MINUTE);
            self.sink
                .fact(at, "measure.family_notified")
                .s("id", &id)
                .done();
        }
    }

    /// Writes `case.decided`.
    pub(crate) fn decide(
        &mut self,
        c: &CaseCtx,
        at: i64,
        decision: &str,
        by_unit: usize,
        penalties: &[Penalty],
    ) {
        let mut json = String::from("[");
        for (i, p) in penalties.iter().enumerate() {
            if i > 0 {
                json.push(',');
            }
            json.push_str("{\"person\":");
            push_json_str(&mut json, &self.persons[p.person].id);
            json.push_str(",\"kind\":");
            push_json_str(&mut json, p.kind);
            if p.kind == "fine" {
                json.push_str(&format!(",\"amount_yuan\":{}", p.amount_yuan));
            }
            if p.kind == "detention" {
                json.push_str(&format!(",\"days\":{}", p.days));
            }
            json.push('}');
        }
        json.push(']');
        self.sink
            .fact(at, "case.decided")
            .s("id", &c.id)
            .s("decision", decision)
            .s("decided_by_unit", &self.org.units[by_unit].id)
            .raw("penalties", &json)
            .done();
    }

    fn review_passed(&mut self, c: &CaseCtx, at: i64) {
        let reviewer = self.county_legal_officer(c.county);
        self.sink
            .fact(at, "case.review_passed")
            .s("id", &c.id)
            .s("reviewer", &self.org.officers[reviewer].id)
            .done();
    }

    fn review_returned(&mut self, c: &CaseCtx, at: i64) {
        let reviewer = self.county_legal_officer(c.county);
        self.sink
            .fact(at, "case.review_returned")
            .s("id", &c.id)
            .s("reviewer", &self.org.officers[reviewer].id)
            .done();
    }

    /// Penalties for one person; no detention for those whose detention would not be executed
    /// (under 18, 70 or over, pregnant or nursing: TS-09).
    fn admin_penalties(&mut self, c: &CaseCtx, person: usize, at: i64) -> Vec<Penalty> {
        let age = self.age(person, at);
        let exempt_detained = self.special(person, c.t_a) && self.p(EXEMPT_DETAINED);
        let no_detention =
            (!(18..70).contains(&age) || self.special(person, at)) && !exempt_detained;
        let fine = |g: &mut Gen, amounts: &[i64]| Penalty {
            person,
            kind: "fine",
            amount_yuan: g.pick(amounts),
            days: 0,
        };
        let detention = |g: &mut Gen, days: &[i64]| Penalty {
            person,
            kind: "detention",
            amount_yuan: 0,
            days: g.pick(days),
        };
        let roll = self.r(0, 100);
        match c.category().code {
            "drug.use" if !no_detention => vec![detention(self, &[10, 12, 15])],
            "prostitution" if !no_detention => {
                vec![detention(self, &[5, 10]), fine(self, &[500, 1000, 2000])]
            }
            "gambling" if roll < 70 || no_detention => vec![fine(self, &[500, 1000, 2000, 3000])],
            "gambling" => vec![detention(self, &[5, 7, 10]), fine(self, &[1000, 3000])],
            _ if no_detention => {
                if roll < 60 {
                    vec![fine(self, &[200, 500, 500, 1000])]
                } else {
                    vec![Penalty {
                        person,
                        kind: "warning",
                        amount_yuan: 0,
                        days: 0,
                    }]
                }
            }
            _ => match roll {
                0..55 => vec![fine(self, &[200, 500, 500, 1000, 1000, 2000])],
                55..77 => vec![detention(self, &[3, 5, 5, 7, 10, 10, 15])],
                77..92 => vec![Penalty {
                    person,
                    kind: "warning",
                    amount_yuan: 0,
                    days: 0,
                }],
                _ => vec![detention(self, &[5, 7, 10]), fine(self, &[500, 1000])],
            },
        }
    }

    /// 治安 case: questioning, evidence, decision, delivery, execution, closing.
    fn admin_case(&mut self, c: &CaseCtx, complex: bool) {
        let cat = c.category();
        let victims = self.victims(c);
        let mut items: Vec<Item> = Vec::new();
        if !self.p(cat.suspect_known) {
            self.admin_unsolved(c, complex);
            return;
        }
        let n = self.suspect_count(cat.suspects);
        let suspects: Vec<usize> = (0..n).map(|_| self.suspect(c, c.t_a)).collect();
        let has_minor = suspects.iter().any(|&s| self.age(s, c.t_a) < 18);
        let has_disabled = suspects.iter().any(|&s| self.disabled(s));
        let fast_track = if has_minor {
            self.p(0.04)
        } else {
            !has_disabled && n <= 3 && self.p(0.35)
        };
        if fast_track {
            let at = c.t_a + self.mins(1, 10);
            self.sink.fact(at, "case.fast_track").s("id", &c.id).done();
        }
        let caught = fast_track || self.p(0.7);
        let mut episodes: Vec<Episode> = Vec::new();
        for &s in &suspects {
            let at = if caught {
                c.t_a + self.mins(10, 60)
            } else {
                {
                    let d = self.hrs(3, 96);
                    self.office(c.t_a + d)
                }
            };
            episodes.push(self.start_episode(c, s, MeasureKind::AdminQuestioning, at));
        }
        if cat.code == "drug.use" {
            for ep in &episodes {
                self.drug_sample(c, ep);
            }
        }
        if caught && matches!(cat.code, "order.fight" | "order.disturbance") {
            for ep in &episodes {
                self.restraint(c, ep);
            }
        }
        let first_arrival = episodes.iter().map(|e| e.arrived).min().unwrap_or(c.t_a);
        let all_ready = episodes.iter().map(|e| e.ready).max().unwrap_or(c.t_a);
        if !cat.props.is_empty() && self.p(if cat.injury || cat.victim { 0.65 } else { 0.95 }) {
            let at = first_arrival + self.mins(5, 60);
            items = self.seize_batch(c, at, 5, c.main);
        }
        // The decision waits for the evidence: acts, the appraisal and its copies served (a
        // fast-track case, decided within hours, has its act on the first evening).
        let mut evidence_done = all_ready;
        if self.p(0.3) {
            let at = if fast_track {
                c.t_a + self.mins(5, 60)
            } else {
                c.t_a + self.hrs(1, 72)
            };
            let act = if self.p(0.5) { "inspection" } else { "other" };
            self.act(c, at, act);
            if !fast_track {
                evidence_done = evidence_done.max(at);
            }
        }
        // Injury assessment of the victim of a fight (XZ-14): light or serious means a crime.
        let mut grave_injury = false;
        if cat.injury && !victims.is_empty() && !fast_track && self.p(0.6) {
            let at = c.t_a + self.days(2, 10);
            let grade = ["none", "minor", "light", "serious"][self.weighted(&[25, 63, 10, 2])];
            grave_injury = matches!(grade, "light" | "serious");
            self.sink
                .fact(at, "case.injury_assessed")
                .s("id", &c.id)
                .s("person", &self.persons[victims[0]].id)
                .s("grade", grade)
                .done();
            evidence_done = evidence_done.max(at);
            // A copy of the opinion to the suspects and the victims within 5 days (JZ-03).
            let doc_at = at + self.hrs(2, 48);
            let doc = self.issue_doc(doc_at, c, DocKind::AppraisalOpinion, None);
            let persons: Vec<usize> = suspects.iter().chain(&victims).copied().collect();
            for person in persons {
                if !self.p(APPRAISAL_NOT_SERVED) {
                    let served = doc_at + self.mins(10, 24 * 60);
                    self.serve_doc(served, &doc, person);
                    evidence_done = evidence_done.max(served);
                }
            }
        }

        // The decision.
        let mut decision = if c.on_spot && !grave_injury {
            "penalty"
        } else if grave_injury && self.p(0.85) {
            "to_criminal"
        } else {
            let mediable = cat.victim
                && matches!(cat.code, "order.fight" | "damage.property" | "harassment")
                || cat.code.starts_with("dispute");
            let roll = self.r(0, 100);
            if mediable && roll < 18 {
                "mediated"
            } else if roll < 88 {
                "penalty"
            } else if roll < 93 {
                "minor_no_penalty"
            } else if roll < 97 {
                "no_penalty"
            } else {
                "terminated"
            }
        };
        let decided_at = if fast_track {
            Some(all_ready + self.mins(15, 60))
        } else {
            let roll = self.r(0, 1000) as f64 / 1000.0;
            if roll < ADMIN_NEVER_DECIDED {
                None
            } else if roll < ADMIN_NEVER_DECIDED + ADMIN_LATE_DECISION {
                Some(c.t_a + self.days(31, 45))
            } else if complex || roll < ADMIN_NEVER_DECIDED + ADMIN_LATE_DECISION + 0.05 {
                let at = c.t_a + self.days(20, 28);
                self.sink
                    .fact(at, "case.limit_extended")
                    .s("id", &c.id)
                    .n("days", 60)
                    .s(
                        "approved_by_unit",
                        &self.org.units[self.org.counties[c.county].unit].id,
                    )
                    .done();
                Some({
                    let d = self.days(31, 56);
                    self.office(c.t_a + d)
                })
            } else {
                let at = {
                    let d = self.hrs(4, 24 * 12);
                    self.office(evidence_done + d)
                };
                Some(at.min(c.t_a + 29 * DAY).max(evidence_done + HOUR))
            }
        };

        // Release from questioning (fast-track cases wait for the decision).
        let mut releases = Vec::new();
        if !fast_track {
            for ep in &episodes {
                let (end, lawful) = if self.p(QUESTIONING_OVERRUN) {
                    (ep.arrived + ep.base_limit + self.mins(20, 180), false)
                } else if self.p(0.05) {
                    (ep.arrived + self.hrs(9, 20), true)
                } else {
                    (ep.ready + self.mins(10, 90), true)
                };
                releases.push(self.finish_episode(c, ep, end, "released", None, lawful));
            }
        }
        let Some(decided_at) = decided_at else {
            // Never decided: the questioning ended, nothing else happens (XZ-02, CW-06).
            return;
        };
        let decided_at = decided_at.max(releases.iter().copied().max().unwrap_or(0) + 10 * MINUTE);

        let mut penalties = Vec::new();
        if decision == "penalty" {
            for &s in &suspects {
                // No penalty under 14 (TS-09), save a few.
                if self.age(s, c.t_a) < 14 && !self.p(UNDER_14_PENALISED) {
                    continue;
                }
                if c.on_spot && !self.p(ON_SPOT_OVER_LIMIT) {
                    let fine = self.pick(&[50, 100, 200, 200]);
                    penalties.push(if self.p(0.3) {
                        Penalty {
                            person: s,
                            kind: "warning",
                            amount_yuan: 0,
                            days: 0,
                        }
                    } else {
                        Penalty {
                            person: s,
                            kind: "fine",
                            amount_yuan: fine,
                            days: 0,
                        }
                    });
                } else {
                    penalties.extend(self.admin_penalties(c, s, decided_at));
                }
            }
            if penalties.is_empty() {
                decision = "no_penalty";
            }
        }
        let has_detention = penalties.iter().any(|p| p.kind == "detention");
        let big_fine = penalties
            .iter()
            .any(|p| p.kind == "fine" && p.amount_yuan > 500);
        let county_unit = self.org.counties[c.county].unit;
        let by_unit = if has_detention {
            if self.p(DETENTION_BY_STATION) {
                c.unit
            } else {
                county_unit
            }
        } else if big_fine || self.p(0.4) {
            county_unit
        } else {
            c.unit
        };
        // Legal review and prior notice come before the decision.
        let before = if fast_track {
            self.mins(5, 14)
        } else {
            self.hrs(1, 20)
        };
        let review_p = if has_detention {
            1.0 - DETENTION_UNREVIEWED
        } else if decision == "penalty" {
            0.9
        } else {
            0.6
        };
        if !fast_track && self.p(0.05) {
            let at = decided_at - self.days(2, 4);
            if at > evidence_done {
                self.review_returned(c, at);
            }
        }
        if self.p(review_p) {
            let at = (decided_at - before)
                .max(evidence_done + MINUTE)
                .min(decided_at - MINUTE);
            self.review_passed(c, at);
        }
        let mut penalised: Vec<usize> = Vec::new();
        for p in &penalties {
            if !penalised.contains(&p.person) {
                penalised.push(p.person);
            }
        }
        for &person in &penalised {
            if self.p(NO_PRIOR_NOTICE) {
                continue;
            }
            let at = if fast_track {
                decided_at - before - self.mins(1, 5)
            } else {
                (decided_at - self.hrs(1, 48)).max(evidence_done + MINUTE)
            };
            // The hearing right is told where a penalty gives one (2000 元 is the lowest
            // threshold of the laws in force), but for a few (XZ-07).
            let minor = self.age(person, decided_at) < 18;
            let heard = penalties.iter().any(|p| {
                p.person == person
                    && ((p.kind == "fine" && p.amount_yuan >= 2000)
                        || (p.kind == "detention" && minor))
            });
            let key = format!("{}/{}/hearing", c.id, self.persons[person].id);
            let told = heard && !self.p_keyed(&key, HEARING_RIGHT_UNTOLD);
            self.sink
                .fact(at, "case.prior_notice_given")
                .s("id", &c.id)
                .s("person", &self.persons[person].id)
                .opt_b("hearing_right", told.then_some(true))
                .done();
        }
        self.decide(c, decided_at, decision, by_unit, &penalties);
        self.cash_fines(c, decided_at, &penalties);

        // Documents and service. Each decision says what it holds (JZ-09): the surcharge where
        // it fines, the property's outcome where the case seized any; a few lack the remedies.
        let fines = penalties.iter().any(|p| p.kind == "fine");
        let mut decision_docs: Vec<(usize, String, i64)> = Vec::new();
        let mut services: Vec<(usize, i64)> = Vec::new();
        for &person in &penalised {
            let at = decided_at + self.mins(3, 30);
            let person_id = self.persons[person].id.clone();
            let mut contents = vec!["identity", "facts", "penalty", "execution"];
            if !self.p_keyed(
                &format!("{}/{person_id}/remedies", c.id),
                DECISION_WITHOUT_REMEDIES,
            ) {
                contents.push("remedies");
            }
            contents.push("seal");
            if fines {
                contents.push("surcharge");
            }
            if !items.is_empty() {
                contents.push("property");
            }
            let doc = self.issue_doc_listing(
                at,
                c,
                DocKind::PenaltyDecision,
                Some(&person_id),
                Some(&contents),
            );
            let roll = self.r(0, 1000) as f64 / 1000.0;
            let served = if roll < LATE_SERVICE * 0.3 {
                None
            } else if roll < LATE_SERVICE {
                Some(at + self.days(3, 7))
            } else if fast_track || roll < 0.85 {
                Some(at + self.mins(1, 10))
            } else {
                Some({
                    let d = self.hrs(2, 40);
                    self.office(at + d)
                })
            };
            if let Some(served) = served {
                self.serve_doc(served, &doc, person);
                services.push((person, served));
            }
            decision_docs.push((person, doc, at));
        }
        // A copy of the decision to each victim within 2 days (JZ-02); a decision not to
        // punish is written for the suspects and the victims alike.
        let victim_copy = match decision {
            "penalty" => decision_docs.first().map(|d| (d.1.clone(), d.2)),
            "no_penalty" | "minor_no_penalty" => {
                let at = decided_at + self.mins(5, 30);
                let doc = self.issue_doc(at, c, DocKind::NoPenaltyDecision, None);
                for &s in &suspects {
                    let served = at + self.mins(1, 30);
                    self.serve_doc(served, &doc, s);
                }
                Some((doc, at))
            }
            _ => None,
        };
        if let Some((doc, at)) = victim_copy {
            for &v in &victims {
                if !self.p(VICTIM_NOT_SERVED) {
                    let served = at + self.mins(30, 20 * 60);
                    self.serve_doc(served, &doc, v);
                }
            }
        }
        match decision {
            "mediated" => {
                // A bar on mediation known before it, for a few (XZ-09).
                let key = format!("{}/mediation_bar", c.id);
                if self.p_keyed(&key, MEDIATION_BARRED) {
                    let reasons = ["refused", "repeated", "gang_fight"];
                    let pick = self.pick_keyed(&format!("{key}/reason"), reasons.len());
                    let at = c.t_a + (decided_at - c.t_a) / 2;
                    self.sink
                        .fact(at, "case.mediation_barred")
                        .s("id", &c.id)
                        .s("reason", reasons[pick])
                        .done();
                }
                let at = decided_at + self.mins(5, 30);
                self.issue_doc(at, c, DocKind::MediationAgreement, None);
            }
            "terminated" => {
                let at = decided_at + self.mins(5, 30);
                self.issue_doc(at, c, DocKind::TerminationDecision, None);
            }
            _ => {}
        }

        // Release or execution of detention.
        let mut finished = decided_at;
        for (i, &s) in suspects.iter().enumerate() {
            let detention_days = penalties
                .iter()
                .find(|p| p.person == s && p.kind == "detention")
                .map(|p| p.days);
            let doc = decision_docs
                .iter()
                .find(|d| d.0 == s)
                .map(|d| (d.1.clone(), d.2));
            if fast_track {
                let ep = &episodes[i];
                match (detention_days, doc) {
                    (Some(days), Some((doc, doc_at))) => {
                        let start = doc_at + self.mins(5, 20);
                        let exit_at = start + self.mins(10, 40);
                        self.finish_episode(
                            c,
                            ep,
                            start,
                            "converted",
                            Some(Exit {
                                at: exit_at,
                                destination: "detention_center",
                                document: Some(&doc),
                            }),
                            true,
                        );
                        let delivered = exit_at + self.mins(20, 60);
                        finished = finished.max(self.admin_detention(c, s, start, delivered, days));
                    }
                    _ => {
                        let end = decided_at + self.mins(10, 40);
                        self.finish_episode(c, ep, end, "released", None, true);
                    }
                }
            } else if let Some(days) = detention_days
                && !self.p(DETENTION_NOT_EXECUTED)
            {
                let start = decided_at + self.hrs(1, 20);
                let delivered = start + self.mins(60, 180);
                // A few apply to defer it (XZ-12): granted, the detention waits for the review;
                // refused, it is executed after the refusal.
                let start = match self.deferral(c, s, decided_at, days) {
                    Some(Deferral::Granted) => continue,
                    Some(Deferral::Refused(at)) => start.max(at + 30 * MINUTE),
                    None => start,
                };
                let delivered = delivered.max(start + 60 * MINUTE);
                let end = self.admin_detention(c, s, start, delivered, days);
                if c.category().code == "drug.use" {
                    self.compulsory_rehab(c, s, end);
                }
                finished = finished.max(end);
            }
        }

        // Property goes back or is confiscated after the decision.
        for item in &mut items {
            let method = self.disposal_method(c, item, false);
            let (at, lawful) = if self.p(LATE_PROPERTY_DISPOSAL) {
                (decided_at + self.days(35, 100), false)
            } else {
                (
                    {
                        let d = self.days(0, 8);
                        self.office(decided_at + d)
                    },
                    true,
                )
            };
            self.dispose(c, item, at, method, lawful);
        }
        let enforced = self.enforce_fines(c, &penalties, &services);
        self.close_and_archive_held(c, finished.max(decided_at), enforced);
    }

    /// An administrative case with no identified suspect: investigated, then terminated.
    fn admin_unsolved(&mut self, c: &CaseCtx, complex: bool) {
        let at = {
            let d = self.hrs(2, 72);
            self.office(c.t_a + d)
        };
        self.act(c, at, "inspection");
        let roll = self.r(0, 1000) as f64 / 1000.0;
        let decided_at = if roll < ADMIN_NEVER_DECIDED * 3.0 {
            return;
        } else if roll < ADMIN_NEVER_DECIDED * 3.0 + ADMIN_LATE_DECISION {
            c.t_a + self.days(31, 45)
        } else if complex || roll > 0.9 {
            let ext = c.t_a + self.days(20, 28);
            self.sink
                .fact(ext, "case.limit_extended")
                .s("id", &c.id)
                .n("days", 60)
                .s(
                    "approved_by_unit",
                    &self.org.units[self.org.counties[c.county].unit].id,
                )
                .done();
            {
                let d = self.days(31, 56);
                self.office(c.t_a + d)
            }
        } else {
            {
                let d = self.days(5, 27);
                self.office(c.t_a + d)
            }
            .max(at + HOUR)
        };
        if self.p(0.6) {
            let review = decided_at - self.hrs(1, 20);
            if review > at {
                self.review_passed(c, review);
            }
        }
        self.decide(c, decided_at, "terminated", c.unit, &[]);
        let doc_at = decided_at + self.mins(5, 30);
        self.issue_doc(doc_at, c, DocKind::TerminationDecision, None);
        self.close_and_archive(c, decided_at);
    }
}
