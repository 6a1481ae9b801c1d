//! 警 incidents: received → dispatched → arrived → disposed, and the cases they lead to.

use crate::clock::{self, HOUR, MINUTE};
use crate::generator::{Gen, IdKind};
use crate::names::{CATEGORIES, Nature, Route, category_index};

/// Calls by local hour of day, relative.
const HOUR_WEIGHTS: [u32; 24] = [
    3, 2, 2, 1, 1, 1, 2, 3, 5, 6, 6, 6, 6, 6, 6, 6, 6, 7, 7, 7, 7, 6, 5, 4,
];

const SOURCES: [&str; 5] = [
    "phone_110",
    "walk_in",
    "online",
    "self_service",
    "transferred",
];
const SOURCE_WEIGHTS: [u32; 5] = [65, 15, 8, 5, 7];

/// Share of dispatches arriving after the 30-minute policy limit (JQ-02).
const LATE_ARRIVAL: f64 = 0.03;
/// Share of incidents left undisposed past 24 h (JQ-02).
const LATE_DISPOSAL: f64 = 0.01;
/// Share of case-worthy incidents whose case is accepted after 24 h (JQ-04).
const LATE_ACCEPTANCE: f64 = 0.015;
/// Share of criminal/administrative incidents closed with a non-case result (降格, JQ-05).
const DOWNGRADE: f64 = 0.06;
/// Share of attended incidents with no body-camera video linked (JQ-06).
pub(crate) const MISSING_VIDEO: f64 = 0.02;
/// Share of reports made in person given no receipt (JQ-01), drawn by key.
pub(crate) const RECEIPT_MISSING: f64 = 0.02;
/// Share of incidents found not the unit's or not a police matter whose reporter is never told
/// (JQ-03), drawn by key.
pub(crate) const REPORTER_UNTOLD: f64 = 0.03;

/// A case to be generated, accepted at `t_a`.
#[derive(Clone)]
pub(crate) struct CaseSeed {
    pub t_a: i64,
    pub order: u32,
    pub cat: usize,
    /// Station index of the handling unit (派出所 or 刑侦大队).
    pub station: usize,
    pub incident: Option<IncidentLink>,
}

/// The incident a case comes from; its `disposed` fact is written with the case.
#[derive(Clone)]
pub(crate) struct IncidentLink {
    pub id: String,
    /// The officer who went to the scene and keeps the case, when the same unit handles it.
    pub officer: usize,
}

/// The incidents of the history, drawn in advance (their times) and generated one at a time
/// in time order (`Gen::next_incident`).
pub(crate) struct IncidentPlan {
    times: Vec<i64>,
    next: usize,
    station_weights: Vec<u32>,
    nature_weights: Vec<u32>,
    by_nature: Vec<Vec<usize>>,
    cat_weights: Vec<Vec<u32>>,
    seeds: u32,
}

impl IncidentPlan {
    /// The reception time of the next incident, if any is left.
    pub(crate) fn next_time(&self) -> Option<i64> {
        self.times.get(self.next).copied()
    }
}

impl Gen {
    pub(crate) fn incidents(&mut self, n: usize) -> Vec<CaseSeed> {
        let mut plan = self.incident_plan(n);
        let mut seeds = Vec::new();
        while plan.next_time().is_some() {
            seeds.extend(self.next_incident(&mut plan));
        }
        seeds
    }

    /// Draws the times of `n` incidents.
    pub(crate) fn incident_plan(&mut self, n: usize) -> IncidentPlan {
        let mut times: Vec<i64> = (0..n).map(|_| self.incident_time()).collect();
        times.sort_unstable();
        let by_nature: Vec<Vec<usize>> = Nature::ALL
            .iter()
            .map(|n| {
                (0..CATEGORIES.len())
                    .filter(|&i| CATEGORIES[i].nature == *n)
                    .collect()
            })
            .collect();
        IncidentPlan {
            times,
            next: 0,
            station_weights: self.org.stations.iter().map(|s| s.weight).collect(),
            nature_weights: Nature::ALL.map(Nature::weight).to_vec(),
            cat_weights: by_nature
                .iter()
                .map(|cats| cats.iter().map(|&i| CATEGORIES[i].weight).collect())
                .collect(),
            by_nature,
            seeds: 0,
        }
    }

    /// Writes the plan's next incident; returns the case it leads to, if any.
    ///
    /// # Panics
    /// If no incident is left.
    pub(crate) fn next_incident(&mut self, plan: &mut IncidentPlan) -> Option<CaseSeed> {
        let t = plan.times[plan.next];
        plan.next += 1;
        let station = self.weighted(&plan.station_weights);
        let nature = self.weighted(&plan.nature_weights);
        let cat = plan.by_nature[nature][self.weighted(&plan.cat_weights[nature])];
        let seed = self.incident(t, station, cat)?;
        let order = plan.seeds;
        plan.seeds += 1;
        Some(CaseSeed { order, ..seed })
    }

    fn incident_time(&mut self) -> i64 {
        let first = clock::local_day(self.start);
        let days = i64::from(clock::local_day(self.end) - first) + 1;
        loop {
            let day = first + self.r(0, days) as i32;
            let hour = self.weighted(&HOUR_WEIGHTS) as i64;
            let t = clock::local_midnight(day) + hour * HOUR + self.r(0, HOUR);
            if t >= self.start + 10 * MINUTE && t <= self.end {
                return t;
            }
        }
    }

    /// Writes one incident; returns the case it leads to, if any.
    fn incident(&mut self, t: i64, station: usize, cat_index: usize) -> Option<CaseSeed> {
        let cat = &CATEGORIES[cat_index];
        let id = self.new_id(IdKind::Incident);
        let source = SOURCES[self.weighted(&SOURCE_WEIGHTS)];
        let template = self.pick(cat.summaries);
        let summary = self.fill(template);
        let unit = self.org.stations[station].unit;
        self.sink
            .fact(t, "incident.received")
            .s("id", &id)
            .s("unit", &self.org.units[unit].id)
            .s("source", source)
            .s("nature", cat.nature.as_str())
            .s("category", cat.code)
            .s("summary", &summary)
            .done();

        // A report made in person is given its receipt on the spot (JQ-01). Drawn by key, so
        // that the rest of the history is as before.
        if source == "walk_in" && !self.p_keyed(&format!("{id}/receipt"), RECEIPT_MISSING) {
            // Within 10 minutes: before the disposal, which is 11 minutes after at the earliest.
            let at = t + MINUTE + self.span_keyed(&format!("{id}/receipt/at"), 9.0, MINUTE);
            self.sink
                .fact(at, "incident.receipt_issued")
                .s("id", &id)
                .done();
        }
        let st = &self.org.stations[station];
        let (regular, auxiliary) = (st.regular.clone(), st.auxiliary.clone());
        let main = self.pick(&regular);
        let mut officers = vec![main];
        if !self.p(0.08) {
            if !auxiliary.is_empty() && self.p(0.65) {
                officers.push(self.pick(&auxiliary));
            } else {
                let other = self.pick(&regular);
                if other != main {
                    officers.push(other);
                }
            }
            if self.p(0.05) {
                let third = self.pick(&regular);
                if !officers.contains(&third) {
                    officers.push(third);
                }
            }
        }
        let walk_in = source == "walk_in";
        let dispatched = t + self.mins(1, if walk_in { 8 } else { 6 }) + self.r(0, 60);
        let ids: Vec<&str> = officers
            .iter()
            .map(|&o| self.org.officers[o].id.as_str())
            .collect();
        self.sink
            .fact(dispatched, "incident.dispatched")
            .s("id", &id)
            .list("officers", &ids)
            .done();
        let arrived = if walk_in {
            dispatched
        } else if self.p(LATE_ARRIVAL) {
            dispatched + self.mins(31, 95)
        } else {
            dispatched + self.mins(4, 25)
        };
        self.sink
            .fact(arrived, "incident.arrived")
            .s("id", &id)
            .done();
        // The body-camera video of the attendance is linked once uploaded (视音频规定 §13).
        if !self.p(MISSING_VIDEO) {
            let at = arrived + self.mins(1, 10);
            self.sink
                .fact(at, "incident.video_linked")
                .s("id", &id)
                .s("ref", &format!("VID-{id}-01"))
                .done();
        }

        let case_nature = matches!(cat.nature, Nature::Criminal | Nature::Administrative);
        let u: f64 = self.r(0, 1_000_000) as f64 / 1_000_000.0;
        let (result, case_cat) = match cat.nature {
            Nature::Criminal | Nature::Administrative => {
                if u < 0.86 {
                    ("case_accepted", Some(cat_index))
                } else if u < 0.89 {
                    ("transferred", None)
                } else if u < 0.915 {
                    ("duplicate", None)
                } else if u < 1.0 - DOWNGRADE {
                    ("invalid", None)
                } else {
                    (self.downgrade(&id, arrived, cat.code), None)
                }
            }
            Nature::Dispute => {
                if u < 0.06 {
                    // Escalated to an administrative case, sometimes recorded as a fight.
                    if self.p(0.5) {
                        let at = arrived + self.mins(3, 14);
                        self.sink
                            .fact(at, "incident.recategorized")
                            .s("id", &id)
                            .s("nature", "administrative")
                            .s("category", "order.fight")
                            .done();
                        ("case_accepted", Some(category_index("order.fight")))
                    } else {
                        ("case_accepted", Some(cat_index))
                    }
                } else {
                    let results = [
                        "mediated",
                        "civil_dispute",
                        "not_police_matter",
                        "transferred",
                        "duplicate",
                    ];
                    (results[self.weighted(&[58, 26, 7, 5, 2])], None)
                }
            }
            Nature::Assistance => {
                let results = [
                    "assistance_given",
                    "not_police_matter",
                    "transferred",
                    "invalid",
                ];
                (results[self.weighted(&[88, 6, 3, 3])], None)
            }
            Nature::Traffic => {
                let results = [
                    "on_spot_penalty",
                    "transferred",
                    "mediated",
                    "assistance_given",
                ];
                (results[self.weighted(&[25, 45, 15, 15])], None)
            }
            Nature::Other => match cat.code {
                "other.invalid" => (if self.p(0.9) { "invalid" } else { "duplicate" }, None),
                "other.consult" => ("not_police_matter", None),
                _ => {
                    let results = ["not_police_matter", "assistance_given", "duplicate"];
                    (results[self.weighted(&[55, 35, 10])], None)
                }
            },
        };

        if let Some(case_cat) = case_cat {
            let t_a = if self.p(LATE_ACCEPTANCE) {
                t + self.hrs(25, 96)
            } else {
                arrived + self.mins(15, 120)
            };
            let case_category = &CATEGORIES[case_cat];
            let to_division = case_category.route == Route::Criminal
                && self.p(match case_category.code {
                    "fraud.contract" | "economic.illegal_fundraising" => 1.0,
                    "fraud.telecom" | "drug.trafficking" => 0.5,
                    _ => 0.12,
                });
            let county = self.org.stations[station].county;
            let handling = if to_division {
                self.org.counties[county].division
            } else {
                station
            };
            return Some(CaseSeed {
                t_a,
                order: 0,
                cat: case_cat,
                station: handling,
                incident: Some(IncidentLink {
                    id,
                    officer: if to_division { usize::MAX } else { main },
                }),
            });
        }

        let disposed = if self.p(LATE_DISPOSAL) {
            t + self.hrs(25, 72)
        } else if cat.code == "assist.lost_person" {
            arrived + self.mins(60, 480)
        } else {
            arrived + self.mins(if case_nature { 30 } else { 10 }, 150)
        };
        // Found not the unit's, or not a police matter, before the disposal; the reporter
        // told with it, but for a few (JQ-03).
        let finding = match result {
            "transferred" => Some("other_unit"),
            "not_police_matter" => Some("not_police_matter"),
            _ => None,
        };
        if let Some(finding) = finding {
            let at = arrived + (disposed - arrived) / 2;
            self.sink
                .fact(at, "incident.jurisdiction_found")
                .s("id", &id)
                .s("finding", finding)
                .done();
            if !self.p_keyed(&format!("{id}/told"), REPORTER_UNTOLD) {
                self.sink
                    .fact(disposed, "incident.reporter_told")
                    .s("id", &id)
                    .done();
            }
        }
        self.sink
            .fact(disposed, "incident.disposed")
            .s("id", &id)
            .s("result", result)
            .done();
        None
    }

    /// A 降格 result for a criminal or administrative report (JQ-05), sometimes via a
    /// recategorisation to a dispute first.
    fn downgrade(&mut self, id: &str, arrived: i64, code: &str) -> &'static str {
        if code == "fraud.telecom" {
            return "mistaken_transfer";
        }
        if self.p(0.4) {
            let at = arrived + self.mins(3, 25);
            let category = if code.starts_with("theft") {
                "dispute.consumer"
            } else {
                "dispute.neighbour"
            };
            self.sink
                .fact(at, "incident.recategorized")
                .s("id", id)
                .s("nature", "dispute")
                .s("category", category)
                .done();
            return "mediated";
        }
        ["mediated", "civil_dispute", "not_police_matter"][self.weighted(&[50, 35, 15])]
    }

    /// Cases opened by the police themselves (patrols, raids, investigations): no incident.
    /// A few raids happen in the last hours, so that people are in the centers at `end`.
    pub(crate) fn proactive_cases(&mut self, incidents: usize) -> Vec<CaseSeed> {
        let criminal = [
            "drug.trafficking",
            "economic.illegal_fundraising",
            "fraud.contract",
            "theft.burglary",
            "fraud.telecom",
        ];
        let administrative = ["gambling", "prostitution", "drug.use", "weapons.knife"];
        let n_criminal = (incidents as f64 * 0.006).round().max(3.0) as usize;
        let n_admin = (incidents as f64 * 0.012).round().max(3.0) as usize;
        let n_recent = (incidents as f64 * 0.0004).round().max(3.0) as usize;
        let mut seeds = Vec::new();
        for i in 0..n_recent {
            let (code, county) = (
                if i % 2 == 0 {
                    "gambling"
                } else {
                    "drug.trafficking"
                },
                i % self.org.counties.len(),
            );
            let station = if i % 2 == 0 {
                self.org.counties[county].stations[0]
            } else {
                self.org.counties[county].division
            };
            let t_a = (self.end - self.mins(30, 180)).max(self.start + HOUR);
            seeds.push(CaseSeed {
                t_a,
                order: (1 << 29) + i as u32,
                cat: category_index(code),
                station,
                incident: None,
            });
        }
        for i in 0..n_criminal + n_admin {
            let is_criminal = i < n_criminal;
            let code = if is_criminal {
                criminal[self.weighted(&[35, 10, 10, 20, 25])]
            } else {
                administrative[self.weighted(&[40, 20, 30, 10])]
            };
            let county = self.idx(self.org.counties.len());
            let station = if is_criminal {
                self.org.counties[county].division
            } else {
                let n = self.org.counties[county].stations.len();
                let j = self.idx(n);
                self.org.counties[county].stations[j]
            };
            let t_a = self.start + self.r(HOUR, (self.end - self.start).max(2 * HOUR));
            seeds.push(CaseSeed {
                t_a,
                order: (1 << 30) + i as u32,
                cat: category_index(code),
                station,
                incident: None,
            });
        }
        seeds
    }
}
