//! 人 and 场所: coercive measures, stays in the case-handling center, interrogations.

use std::collections::{BTreeMap, HashMap};

use rand::Rng;

use crate::cases::CaseCtx;
use crate::clock::{self, DAY, HOUR, MINUTE};
use crate::generator::{Gen, IdKind};
use crate::names::{self, DocKind};

/// Share of interrogations by a single officer (CS-05).
const ONE_OFFICER: f64 = 0.025;
/// Share of interrogations by one officer and an auxiliary (CS-05).
const WITH_AUXILIARY: f64 = 0.02;
/// Share of minors questioned without a guardian (TS-01) or female minors without female staff (TS-02).
const MINOR_UNPROTECTED: f64 = 0.05;
/// Share of criminal suspects not served the rights notice at their first interrogation (JZ-06).
pub(crate) const NO_RIGHTS_NOTICE: f64 = 0.02;
/// Share of stays whose security check is later than 30 minutes (CS-02).
const LATE_SECURITY_CHECK: f64 = 0.02;
/// Share of special persons placed in a holding room (CS-07).
const SPECIAL_IN_HOLDING: f64 = 0.06;
/// Share of persons brought in by summons or questioning who never enter the
/// case-handling center (CS-01).
pub(crate) const NO_CENTER_ENTRY: f64 = 0.02;
/// Share of interrogations and in-center questionings not audio-video recorded (CS-09, XS-13).
pub(crate) const NO_AV_RECORDING: f64 = 0.02;
/// Share of criminal interrogations of minors and of blind, deaf, mute or mentally ill suspects
/// not audio-video recorded (XS-13).
pub(crate) const PROTECTED_NOT_RECORDED: f64 = 0.05;
/// Share of criminal interrogations in the center held in the holding room instead of an
/// interrogation room (CS-04).
pub(crate) const WRONG_ROOM: f64 = 0.01;
/// Share of stays in which one meal is missed; it shows (a gap of 6 h or more, CS-06) only in
/// stays long enough to have one.
pub(crate) const MISSED_MEAL: f64 = 0.03;
/// Share of adults' stays put in a room already holding someone of the other gender (CS-08).
/// Shows only when such a person is in the center at the time.
pub(crate) const SHARED_ROOM: f64 = 0.02;
/// Share of minors' stays put in the adults' holding room while an adult is there (TS-06).
pub(crate) const MINOR_WITH_ADULTS: f64 = 0.05;

/// Who is in a room, from a time `until` another.
#[derive(Clone, Copy)]
struct Occupant {
    until: i64,
    minor: bool,
    female: bool,
}

/// The holding and waiting rooms of each center: per room, its occupied intervals by start,
/// never overlapping (a shared room's intervals are merged), so that a stay can be given a
/// room nobody else is in (CS-08, TS-06).
#[derive(Clone, Default)]
pub(crate) struct Rooms {
    /// By (county, waiting room): the rooms, each a map from start to occupant.
    rooms: HashMap<(usize, bool), Vec<BTreeMap<i64, Occupant>>>,
}

/// The occupant of `room` overlapping `from..until`, if any (the intervals do not overlap, so
/// only the last one starting before `until` can).
fn occupant(room: &BTreeMap<i64, Occupant>, from: i64, until: i64) -> Option<Occupant> {
    room.range(..until)
        .next_back()
        .map(|(_, o)| *o)
        .filter(|o| o.until > from)
}

/// Marks `from..until` occupied, merging it with any interval it overlaps.
fn occupy(room: &mut BTreeMap<i64, Occupant>, from: i64, until: i64, who: Occupant) {
    let mut start = from;
    let mut merged = Occupant { until, ..who };
    while let Some((&s, o)) = room.range(..until).next_back() {
        if o.until <= from {
            break;
        }
        start = start.min(s);
        merged = Occupant {
            until: merged.until.max(o.until),
            ..*o
        };
        room.remove(&s);
    }
    room.insert(start, merged);
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MeasureKind {
    SummonsCriminal,
    CompelledAppearance,
    AdminQuestioning,
    ContinuedQuestioning,
    CriminalDetention,
    Arrest,
    Bail,
    ResidentialSurveillance,
    AdminDetention,
}

impl MeasureKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            MeasureKind::SummonsCriminal => "summons_criminal",
            MeasureKind::CompelledAppearance => "compelled_appearance",
            MeasureKind::AdminQuestioning => "admin_questioning",
            MeasureKind::ContinuedQuestioning => "continued_questioning",
            MeasureKind::CriminalDetention => "criminal_detention",
            MeasureKind::Arrest => "arrest",
            MeasureKind::Bail => "bail",
            MeasureKind::ResidentialSurveillance => "residential_surveillance",
            MeasureKind::AdminDetention => "admin_detention",
        }
    }

    /// Measures limited in hours from arrival (到案), which carry `arrived_at`.
    pub(crate) fn hourly(self) -> bool {
        matches!(
            self,
            MeasureKind::SummonsCriminal
                | MeasureKind::CompelledAppearance
                | MeasureKind::AdminQuestioning
                | MeasureKind::ContinuedQuestioning
        )
    }
}

/// A person brought in by an hour-limited measure, possibly into the center.
pub(crate) struct Episode {
    pub person: usize,
    pub measure: String,
    pub arrived: i64,
    pub stay: Option<String>,
    pub entered: i64,
    /// In the center: placed in a holding or waiting room at `placed`, taken to the
    /// interrogation at `questioned`, back in the room at `back` (`None` when questioned in
    /// the holding room itself, CS-04). The room is chosen when the exit is known.
    placed: i64,
    questioned: i64,
    back: Option<i64>,
    waiting_room: bool,
    /// When questioning is over and the person may leave.
    pub ready: i64,
    /// The limit before any extension (RQ-01/02/03).
    pub base_limit: i64,
    /// The limit after an extension, or `None` when it cannot be extended.
    pub extended_limit: Option<i64>,
}

/// How a stay ends.
pub(crate) struct Exit<'a> {
    pub at: i64,
    pub destination: &'static str,
    pub document: Option<&'a str>,
}

impl Gen {
    /// Starts a measure on `person` at `at`; hour-limited measures carry `arrived_at`.
    pub(crate) fn start_measure(
        &mut self,
        c: &CaseCtx,
        person: usize,
        kind: MeasureKind,
        at: i64,
    ) -> String {
        let id = self.new_id(IdKind::Measure);
        let mut f = self
            .sink
            .fact(at, "measure.started")
            .s("id", &id)
            .s("person", &self.persons[person].id)
            .s("case", &c.id)
            .s("kind", kind.as_str());
        if kind.hourly() {
            f = f.t("arrived_at", at);
        }
        f.done();
        self.mark_busy(person, at);
        id
    }

    pub(crate) fn end_measure(&mut self, measure: &str, person: usize, at: i64, outcome: &str) {
        self.sink
            .fact(at, "measure.ended")
            .s("id", measure)
            .s("outcome", outcome)
            .done();
        self.mark_busy(person, at);
    }

    /// Brings `person` in at `at` by an hour-limited measure: warrant, optionally the center
    /// (entry, security check, information, room), and one interrogation or questioning.
    pub(crate) fn start_episode(
        &mut self,
        c: &CaseCtx,
        person: usize,
        kind: MeasureKind,
        at: i64,
    ) -> Episode {
        let in_center = !self.p(NO_CENTER_ENTRY);
        let measure = self.start_measure(c, person, kind, at);
        let warrant = match kind {
            MeasureKind::CompelledAppearance => Some(DocKind::CompelledAppearanceWarrant),
            MeasureKind::SummonsCriminal => Some(DocKind::SummonsWarrant),
            // Administrative summons on the spot are often oral (口头传唤): no warrant.
            MeasureKind::AdminQuestioning if self.p(0.6) => Some(DocKind::SummonsWarrant),
            _ => None,
        };
        if let Some(kind) = warrant {
            let doc_at = at + self.mins(0, 5);
            let doc = self.issue_doc(doc_at, c, kind, Some(&measure));
            let served = doc_at + self.mins(1, 5);
            self.serve_doc(served, &doc, person);
        }
        let special = self.special(person, at);
        let base_limit = match kind {
            MeasureKind::AdminQuestioning => 8 * HOUR,
            MeasureKind::ContinuedQuestioning if special => 4 * HOUR,
            _ => 12 * HOUR,
        };
        let extended_limit = match kind {
            MeasureKind::ContinuedQuestioning if special => None,
            _ => Some(24 * HOUR),
        };
        let mut cursor = at;
        let mut stay = None;
        let mut entered = at;
        let mut placed = at;
        let mut waiting_room = false;
        if in_center {
            let id = self.new_id(IdKind::Stay);
            entered = at + self.mins(5, 25);
            self.sink
                .fact(entered, "custody.entered")
                .s("id", &id)
                .s("person", &self.persons[person].id)
                .s(
                    "center",
                    &self.org.units[self.org.counties[c.county].unit].id,
                )
                .s("case", &c.id)
                .s("basis", &measure)
                .done();
            let checked = entered
                + if self.p(LATE_SECURITY_CHECK) {
                    self.mins(35, 100)
                } else {
                    self.mins(3, 20)
                };
            self.sink
                .fact(checked, "custody.security_checked")
                .s("id", &id)
                .done();
            let collected = checked + self.mins(5, 25);
            self.sink
                .fact(collected, "custody.info_collected")
                .s("id", &id)
                .done();
            placed = collected + self.mins(1, 8);
            waiting_room = special && !self.p(SPECIAL_IN_HOLDING);
            cursor = placed;
            stay = Some(id);
        }
        let start = cursor + self.mins(10, 40);
        let duration = if special {
            self.mins(30, 70)
        } else {
            self.mins(30, 120)
        };
        // A criminal interrogation in the center takes place in an interrogation room (CS-04).
        let wrong_room = stay.is_some() && c.criminal && self.p(WRONG_ROOM);
        if let Some(s) = &stay
            && !wrong_room
        {
            let room = ["讯问室1", "讯问室2", "讯问室3", "讯问室4"][self.idx(4)];
            self.place(s, start, room, "interrogation");
        }
        if c.criminal {
            self.rights_notice(c, person, start);
        }
        let kind_str = if c.criminal {
            "interrogation"
        } else {
            "questioning"
        };
        self.interrogate(
            c,
            person,
            kind_str,
            start,
            start + duration,
            stay.as_deref(),
        );
        let mut ready = start + duration + self.mins(5, 25);
        let mut back = None;
        if stay.is_some() && !wrong_room {
            let t = start + duration + self.mins(1, 5);
            ready = ready.max(t + MINUTE);
            back = Some(t);
        }
        Episode {
            person,
            measure,
            arrived: at,
            stay,
            entered,
            placed,
            questioned: start,
            back,
            waiting_room,
            ready,
            base_limit,
            extended_limit,
        }
    }

    /// Puts a stay in a holding or waiting room of its center for `intervals`: a room nobody
    /// else is in then, or, for a few (SHARED_ROOM, MINOR_WITH_ADULTS), one holding someone to
    /// be kept apart from. Returns the room and its kind.
    fn room_for(
        &mut self,
        county: usize,
        waiting: bool,
        person: usize,
        at: i64,
        intervals: &[(i64, i64)],
    ) -> (String, &'static str) {
        let who = Occupant {
            until: 0,
            minor: self.age(person, at) < 18,
            female: self.persons[person].female,
        };
        let share = self.p(if who.minor {
            MINOR_WITH_ADULTS
        } else {
            SHARED_ROOM
        });
        // A minor kept with adults is in their holding room.
        let waiting = waiting && !(share && who.minor);
        let rooms = self.rooms.rooms.entry((county, waiting)).or_default();
        let apart = |o: Occupant| {
            if who.minor {
                !o.minor
            } else {
                !o.minor && o.female != who.female
            }
        };
        let shared = share
            .then(|| {
                rooms.iter().position(|room| {
                    intervals
                        .iter()
                        .any(|&(f, u)| occupant(room, f, u).is_some_and(apart))
                })
            })
            .flatten();
        // A center has 8 holding and 3 waiting rooms, used in turn (more when all are taken).
        let least = if waiting { 3 } else { 8 };
        if rooms.len() < least {
            rooms.resize_with(least, BTreeMap::new);
        }
        let free: Vec<usize> = (0..rooms.len())
            .filter(|&i| {
                intervals
                    .iter()
                    .all(|&(f, u)| occupant(&rooms[i], f, u).is_none())
            })
            .collect();
        let count = rooms.len();
        let i = match shared {
            Some(i) => i,
            None if free.is_empty() => count,
            None => free[self.rng.gen_range(0..free.len())],
        };
        let rooms = self
            .rooms
            .rooms
            .get_mut(&(county, waiting))
            .expect("made above");
        if i == rooms.len() {
            rooms.push(BTreeMap::new());
        }
        for &(f, u) in intervals {
            occupy(&mut rooms[i], f, u, who);
        }
        if waiting {
            (format!("等候室{}", i + 1), "waiting")
        } else {
            (format!("候问室{}", i + 1), "holding")
        }
    }

    /// The 犯罪嫌疑人诉讼权利义务告知书 served as a criminal interrogation begins (JZ-06).
    fn rights_notice(&mut self, c: &CaseCtx, person: usize, at: i64) {
        if self.p(NO_RIGHTS_NOTICE) {
            return;
        }
        let subject = self.persons[person].id.clone();
        let doc = self.issue_doc(at, c, DocKind::RightsNotice, Some(&subject));
        let served = at + self.mins(1, 4);
        self.serve_doc(served, &doc, person);
    }

    fn place(&mut self, stay: &str, at: i64, room: &str, room_kind: &str) {
        self.sink
            .fact(at, "custody.placed")
            .s("id", stay)
            .s("room", room)
            .s("room_kind", room_kind)
            .done();
    }

    /// Ends an episode's measure at `end` (no earlier than `ready`); extends it first when it
    /// runs past its limit and `lawful` (otherwise the overrun stays: RQ-01/02/03, CS-03).
    /// The stay exits at `exit.at`, or with the measure when `exit` is `None`.
    pub(crate) fn finish_episode(
        &mut self,
        c: &CaseCtx,
        ep: &Episode,
        end: i64,
        outcome: &str,
        exit: Option<Exit<'_>>,
        lawful: bool,
    ) -> i64 {
        let mut end = end.max(ep.ready);
        if end - ep.arrived > ep.base_limit
            && lawful
            && let Some(limit) = ep.extended_limit
        {
            let at = (ep.arrived + ep.base_limit - self.mins(20, 90)).max(ep.arrived + 10 * MINUTE);
            let approver = self.county_leader(c.county);
            self.sink
                .fact(at, "measure.extended")
                .s("id", &ep.measure)
                .n("hours", limit / HOUR)
                .s("approved_by", &self.org.officers[approver].id)
                .done();
            end = end.min(ep.arrived + limit - self.mins(5, 60)).max(ep.ready);
        }
        let (exit_at, destination, document) = match exit {
            Some(e) => (e.at.max(end), e.destination, e.document),
            None => (end, "released", None),
        };
        if let Some(stay) = &ep.stay {
            let intervals = match ep.back {
                Some(back) => vec![(ep.placed, ep.questioned), (back, exit_at)],
                None => vec![(ep.placed, exit_at)],
            };
            let (room, kind) =
                self.room_for(c.county, ep.waiting_room, ep.person, ep.placed, &intervals);
            self.place(stay, ep.placed, &room, kind);
            if let Some(back) = ep.back {
                self.place(stay, back, &room, kind);
            }
            self.meals(stay, ep.entered, exit_at);
            self.sink
                .fact(exit_at, "custody.exited")
                .s("id", stay)
                .s("destination", destination)
                .opt("document", document)
                .done();
            self.mark_busy(ep.person, exit_at);
        }
        self.end_measure(&ep.measure, ep.person, end, outcome);
        end
    }

    /// Meals at 07:30, 12:00 and 17:30, and something to eat in between when the next
    /// mealtime is more than 5 h away, so that no gap reaches 6 h (CS-06); for a few stays one
    /// meal is missed (MISSED_MEAL), which shows in stays long enough.
    fn meals(&mut self, stay: &str, entered: i64, exited: i64) {
        const MEALTIMES: [i64; 3] = [7 * HOUR + 30 * MINUTE, 12 * HOUR, 17 * HOUR + 30 * MINUTE];
        let mut miss = self.p(MISSED_MEAL);
        let mut last = entered;
        while exited - last >= 5 * HOUR + 30 * MINUTE {
            if miss && exited - last >= 6 * HOUR + 30 * MINUTE {
                miss = false;
                last += 6 * HOUR + self.mins(0, 30);
                continue;
            }
            let earliest = last + 2 * HOUR;
            let day = clock::local_day(earliest);
            let next = (0..2)
                .flat_map(|d| MEALTIMES.map(|m| clock::local_midnight(day + d) + m))
                .find(|&t| t >= earliest)
                .expect("a mealtime within two days");
            let at = if next - last <= 5 * HOUR {
                next + self.mins(0, 20)
            } else {
                last + self.hrs(4, 5)
            };
            self.sink.fact(at, "custody.meal").s("id", stay).done();
            last = at;
        }
    }

    /// An interrogation (讯问) or questioning (询问) record. Not written when it would end after
    /// the generated history.
    pub(crate) fn interrogate(
        &mut self,
        c: &CaseCtx,
        person: usize,
        kind: &str,
        at: i64,
        end: i64,
        stay: Option<&str>,
    ) {
        if end > self.end {
            return;
        }
        let mut officers = vec![c.main];
        if self.p(ONE_OFFICER) {
            // one officer alone
        } else if self.p(WITH_AUXILIARY) {
            let aux = self.org.stations[c.station].auxiliary.clone();
            officers.push(if aux.is_empty() {
                c.second
            } else {
                self.pick(&aux)
            });
        } else {
            officers.push(c.second);
        }
        let age = self.age(person, at);
        let minor = age < 18;
        let female = self.persons[person].female;
        let guardian_present = minor && !self.p(MINOR_UNPROTECTED);
        let any_female_officer = officers.iter().any(|&o| self.org.officers[o].female);
        let female_staff_present = if minor && female {
            !self.p(MINOR_UNPROTECTED) || any_female_officer
        } else {
            any_female_officer || self.p(0.08)
        };
        // Interrogations, and questioning in the center, are recorded (CS-09, XS-13);
        // victims and witnesses questioned elsewhere mostly.
        let protected = minor || self.disabled(person);
        let av_recorded = if c.criminal && kind == "interrogation" && protected {
            !self.p(PROTECTED_NOT_RECORDED)
        } else if c.criminal && kind == "interrogation" || stay.is_some() {
            !self.p(NO_AV_RECORDING)
        } else {
            self.p(0.85)
        };
        let id = self.new_id(IdKind::Interrogation);
        let ids: Vec<&str> = officers
            .iter()
            .map(|&o| self.org.officers[o].id.as_str())
            .collect();
        self.sink
            .fact(at, "interrogation.held")
            .s("id", &id)
            .s("person", &self.persons[person].id)
            .s("case", &c.id)
            .s("kind", kind)
            .t("end", end)
            .list("officers", &ids)
            .opt("stay", stay)
            .b("guardian_present", guardian_present)
            .b("female_staff_present", female_staff_present)
            .b("av_recorded", av_recorded)
            .done();
    }

    /// Family notification within 24 h (RQ-05), mostly on time; returns when it happened.
    pub(crate) fn notify_family(&mut self, measure: &str, from: i64) -> i64 {
        let u = self.r(0, 1000);
        if u < 975 {
            let at = from + self.mins(40, 20 * 60);
            self.sink
                .fact(at, "measure.family_notified")
                .s("id", measure)
                .done();
            at
        } else if u < 985 {
            let at = from + self.hrs(2, 20);
            let reason = self.pick(names::NOT_NOTIFIED_REASONS);
            self.sink
                .fact(at, "measure.family_not_notified")
                .s("id", measure)
                .s("reason", reason)
                .done();
            at
        } else {
            let at = from + self.hrs(25, 48);
            self.sink
                .fact(at, "measure.family_notified")
                .s("id", measure)
                .done();
            at
        }
    }

    /// Administrative detention (行政拘留) executed at the detention center.
    /// `delivered` is when the person reaches it.
    pub(crate) fn admin_detention(
        &mut self,
        c: &CaseCtx,
        person: usize,
        start: i64,
        delivered: i64,
        days: i64,
    ) -> i64 {
        let m = self.start_measure(c, person, MeasureKind::AdminDetention, start);
        self.notify_family(&m, start);
        self.sink
            .fact(delivered, "measure.delivered")
            .s("id", &m)
            .s("facility", "detention_center")
            .done();
        let end = start + days * DAY;
        self.end_measure(&m, person, end, "expired");
        end
    }
}
