//! 人 and 场所: coercive measures, stays in the case-handling center, interrogations.

use std::collections::{HashMap, VecDeque};

use rand::Rng;

use crate::cases::CaseCtx;
use crate::clock::{self, DAY, HOUR, MINUTE};
use crate::generator::{Gen, IdKind};
use crate::names::{self, DocKind};

/// Share of interrogations by a single officer (CS-05).
/// Share of minor victims and witnesses of violent harm questioned without audio and video
/// (TS-03); of the 15 % of questionings outside the center drawn unrecorded, drawn by key.
pub(crate) const MINOR_VICTIM_UNRECORDED: f64 = 0.05;
/// Share of them questioned a second time (TS-03: one session if possible), drawn by key.
pub(crate) const MINOR_VICTIM_AGAIN: f64 = 0.25;
/// Share of persons detained for drug use then sent to compulsory rehabilitation (RQ-16), drawn
/// by key.
pub(crate) const COMPULSORY_REHAB: f64 = 0.15;
/// Share of those whose family is told more than 24 h after the decision is served (RQ-16),
/// drawn by key.
pub(crate) const REHAB_FAMILY_LATE: f64 = 0.06;
/// Share of center stays with an illness, injury or self-harm in the area (CS-11), drawn by key.
pub(crate) const STAY_INCIDENT: f64 = 0.004;
/// Share of those incidents never reported to the inspectorate (CS-11), drawn by key.
pub(crate) const INCIDENT_UNREPORTED: f64 = 0.1;
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
/// Share of deaf or mute persons questioned with no sign-language interpreter (TS-12).
pub(crate) const NO_INTERPRETER: f64 = 0.05;
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
    /// By (county, waiting room).
    centers: HashMap<(usize, bool), Center>,
    /// No stay booked from now on starts before this: the acceptance of the case being
    /// generated (cases come in order of acceptance and nothing of a case happens before it;
    /// `room_for` checks it). What ends by then can overlap no later stay, so it is
    /// forgotten: without that every room kept every stay of the year.
    floor: i64,
}

/// The length of the slots of `Center::slots`.
const SLOT: i64 = HOUR;

/// The holding (or waiting) rooms of one center. The rooms grow with the scale (a room is
/// added when all are taken), so a stay does not look into every room: an index by hour
/// tells which rooms may be occupied then, and only those are looked into.
#[derive(Clone, Default)]
struct Center {
    rooms: Vec<Room>,
    /// For each hour from `first_slot` on, a bit per room, set when the room has been booked
    /// for some of that hour. Bookings are never shortened or taken back, so a room whose bit
    /// is clear for every hour of a stay is free for it; a set bit only makes it a candidate.
    /// Hours ending by `Rooms::floor` are forgotten.
    slots: VecDeque<Vec<u64>>,
    first_slot: i64,
}

impl Center {
    /// Forgets the hours ending by `floor`.
    fn forget_until(&mut self, floor: i64) {
        while !self.slots.is_empty() && (self.first_slot + 1) * SLOT <= floor {
            self.slots.pop_front();
            self.first_slot += 1;
        }
    }

    /// The hours overlapping `from..until` (non-empty).
    fn hours(from: i64, until: i64) -> std::ops::RangeInclusive<i64> {
        from.div_euclid(SLOT)..=(until - 1).div_euclid(SLOT)
    }

    /// Marks `room` booked for the hours of `from..until`.
    fn mark(&mut self, room: usize, from: i64, until: i64) {
        for hour in Self::hours(from, until) {
            if self.slots.is_empty() {
                self.first_slot = hour;
            }
            while hour < self.first_slot {
                self.slots.push_front(Vec::new());
                self.first_slot -= 1;
            }
            let at = usize::try_from(hour - self.first_slot).expect("not before the first");
            if at >= self.slots.len() {
                self.slots.resize_with(at + 1, Vec::new);
            }
            let words = &mut self.slots[at];
            if words.len() <= room / 64 {
                words.resize(room / 64 + 1, 0);
            }
            words[room / 64] |= 1 << (room % 64);
        }
    }

    /// The rooms that may be occupied at some time of `intervals`, a bit per room: every room
    /// that is, and a few booked in the same hours only. Also the rooms surely occupied then:
    /// those booked in an hour that `intervals` cover whole.
    fn candidates(&self, intervals: &[(i64, i64)]) -> (Vec<u64>, Vec<u64>) {
        let mut maybe = vec![0u64; self.rooms.len().div_ceil(64)];
        let mut surely = maybe.clone();
        for &(f, u) in intervals {
            for hour in Self::hours(f, u) {
                let Some(words) = usize::try_from(hour - self.first_slot)
                    .ok()
                    .and_then(|at| self.slots.get(at))
                else {
                    continue;
                };
                let bits = if f <= hour * SLOT && (hour + 1) * SLOT <= u {
                    &mut surely
                } else {
                    &mut maybe
                };
                for (b, w) in bits.iter_mut().zip(words) {
                    *b |= w;
                }
            }
        }
        for (m, s) in maybe.iter_mut().zip(&surely) {
            *m |= s;
        }
        (maybe, surely)
    }
}

/// The rooms whose bit is set in `bits`, in order.
fn rooms_in(bits: &[u64]) -> impl Iterator<Item = usize> + '_ {
    bits.iter().enumerate().flat_map(|(w, &word)| {
        let mut word = word;
        std::iter::from_fn(move || {
            (word != 0).then(|| {
                let bit = word.trailing_zeros() as usize;
                word &= word - 1;
                w * 64 + bit
            })
        })
    })
}

/// One room's occupied intervals that may still matter: (start, occupant), sorted by start,
/// never overlapping (so their ends are sorted too).
#[derive(Clone, Default)]
struct Room {
    booked: Vec<(i64, Occupant)>,
}

impl Room {
    /// Forgets the intervals ending by `floor`. They are a prefix (the ends are sorted), and
    /// no later query or booking starts before `floor`, so none of them could overlap it:
    /// `occupant` and `occupy` give the same answers without them.
    fn forget_until(&mut self, floor: i64) {
        let ended = self.booked.partition_point(|(_, o)| o.until <= floor);
        if ended > 0 {
            self.booked.drain(..ended);
        }
    }

    /// The number of intervals starting before `t`.
    fn starting_before(&self, t: i64) -> usize {
        self.booked.partition_point(|&(s, _)| s < t)
    }

    /// The occupant overlapping `from..until`, if any (the intervals do not overlap, so only
    /// the last one starting before `until` can).
    fn occupant(&self, from: i64, until: i64) -> Option<Occupant> {
        self.booked[..self.starting_before(until)]
            .last()
            .map(|&(_, o)| o)
            .filter(|o| o.until > from)
    }

    /// Marks `from..until` occupied, merging it with any interval it overlaps; the merged
    /// interval keeps the earliest merged occupant.
    fn occupy(&mut self, from: i64, until: i64, who: Occupant) {
        let end = self.starting_before(until);
        let mut first = end;
        let mut start = from;
        let mut merged = Occupant { until, ..who };
        // Walking back from the last interval starting before `until`, the ones ending after
        // `from` overlap it; the first one that does not ends all earlier ones too.
        while first > 0 && self.booked[first - 1].1.until > from {
            first -= 1;
            let (s, o) = self.booked[first];
            start = start.min(s);
            merged = Occupant {
                until: merged.until.max(o.until),
                ..o
            };
        }
        // Everything before `first` ends by `from`, everything from `end` on starts at or
        // after `until` (> `from`): the merged interval goes in between, the order kept.
        self.booked.splice(first..end, [(start, merged)]);
    }
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
    CompulsoryRehab,
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
            MeasureKind::CompulsoryRehab => "compulsory_rehab",
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
            // By the case officer and a center staff member; a woman by two female staff, but
            // for a few (CS-02). Drawn by key.
            let key = format!("{id}/checked_by");
            let women = if self.persons[person].female {
                self.female_staff(c)
            } else {
                Vec::new()
            };
            let by = if women.len() >= 2
                && !self.p_keyed(&format!("{key}/men"), crate::cases::CHECKED_BY_MEN)
            {
                self.two_of(&key, &women)
            } else {
                let staff = &self.org.counties[c.county].center_staff;
                [c.main, staff[self.pick_keyed(&key, staff.len())]]
            };
            let by: Vec<&str> = by
                .iter()
                .map(|&o| self.org.officers[o].id.as_str())
                .collect();
            self.sink
                .fact(checked, "custody.security_checked")
                .s("id", &id)
                .list("officers", &by)
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
        c: &CaseCtx,
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
        self.rooms.floor = self.rooms.floor.max(c.t_a);
        let floor = self.rooms.floor;
        // What forgetting before `Rooms::floor` relies on; cheap enough to check in every build.
        assert!(
            intervals.iter().all(|&(f, u)| floor <= f && f < u),
            "a stay booked at {intervals:?}, before the floor {floor} or empty"
        );
        let center = self.rooms.centers.entry((c.county, waiting)).or_default();
        center.forget_until(floor);
        let apart = |o: Occupant| {
            if who.minor {
                !o.minor
            } else {
                !o.minor && o.female != who.female
            }
        };
        // The occupied rooms: the candidates, less those booked only at other times of the
        // same hours. Every other room is free. The rooms surely occupied need no look, unless
        // for the first one holding someone to be kept apart from.
        let (mut busy, surely) = center.candidates(intervals);
        let mut shared = None;
        for i in rooms_in(&busy.clone()) {
            if !share && surely[i / 64] >> (i % 64) & 1 == 1 {
                continue;
            }
            let occupants = intervals
                .iter()
                .filter_map(|&(f, u)| center.rooms[i].occupant(f, u));
            let mut occupied = false;
            for o in occupants {
                occupied = true;
                // The first room, in order, holding someone to be kept apart from.
                if share && shared.is_none() && apart(o) {
                    shared = Some(i);
                }
            }
            if !occupied {
                busy[i / 64] &= !(1 << (i % 64));
            }
        }
        // A center has 8 holding and 3 waiting rooms, used in turn (more when all are taken).
        let least = if waiting { 3 } else { 8 };
        if center.rooms.len() < least {
            center.rooms.resize_with(least, Room::default);
        }
        let count = center.rooms.len();
        let free = count - rooms_in(&busy).count();
        let i = match shared {
            Some(i) => i,
            None if free == 0 => count,
            None => {
                // The n-th free room, in order.
                let n = self.rng.gen_range(0..free);
                let free_room = |i: &usize| busy.get(i / 64).is_none_or(|w| w >> (i % 64) & 1 == 0);
                (0..count)
                    .filter(free_room)
                    .nth(n)
                    .expect("fewer than free")
            }
        };
        let center = self
            .rooms
            .centers
            .get_mut(&(c.county, waiting))
            .expect("made above");
        if i == center.rooms.len() {
            center.rooms.push(Room::default());
        }
        center.rooms[i].forget_until(floor);
        for &(f, u) in intervals {
            center.rooms[i].occupy(f, u, who);
            center.mark(i, f, u);
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
            let (room, kind) = self.room_for(c, ep.waiting_room, ep.person, ep.placed, &intervals);
            self.place(stay, ep.placed, &room, kind);
            if let Some(back) = ep.back {
                self.place(stay, back, &room, kind);
            }
            self.meals(stay, ep.entered, exit_at);
            self.stay_incident(stay, ep.entered, exit_at);
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

    /// An illness, injury or self-harm in the area for a few stays, reported to the
    /// inspectorate within the hour but for a few (CS-11), drawn by key.
    fn stay_incident(&mut self, stay: &str, entered: i64, exited: i64) {
        let key = format!("{stay}/incident");
        if !self.p_keyed(&key, STAY_INCIDENT) {
            return;
        }
        let at = entered + ((exited - entered) as f64 * self.u_keyed(&format!("{key}/at"))) as i64;
        let kinds = ["illness", "illness", "injury", "self_harm"];
        let kind = kinds[self.pick_keyed(&format!("{key}/kind"), kinds.len())];
        self.sink
            .fact(at, "custody.incident")
            .s("id", stay)
            .s("kind", kind)
            .done();
        if !self.p_keyed(&format!("{key}/unreported"), INCIDENT_UNREPORTED) {
            let minutes = 5.0 + self.u_keyed(&format!("{key}/report")) * 50.0;
            self.sink
                .fact(
                    at + (minutes * MINUTE as f64) as i64,
                    "custody.incident_reported",
                )
                .s("id", stay)
                .done();
        }
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
    ) -> Option<String> {
        if end > self.end {
            return None;
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
        // A minor victim or witness of violent harm is questioned with audio and video (TS-03),
        // but for a few; drawn by key over the draw above, so that the rest stays as it was.
        let av_recorded = if minor
            && kind == "questioning"
            && crate::cases::sexual_or_violent(c.category(), c.criminal)
        {
            av_recorded || !self.p_keyed(&format!("{id}/av"), MINOR_VICTIM_UNRECORDED / 0.15)
        } else {
            av_recorded
        };
        // Deaf or mute persons with a sign-language interpreter, but a few (TS-12); the field is
        // written for them only. Keyed by the interrogation.
        let flags = self.persons[person].flags;
        let interpreter = (flags & (crate::generator::flag::DEAF | crate::generator::flag::MUTE)
            != 0)
            .then(|| !self.p_keyed(&format!("{id}/interpreter"), NO_INTERPRETER));
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
            .opt_b("interpreter_present", interpreter)
            .done();
        Some(id)
    }

    /// A minor victim or witness of violent harm questioned again 1–5 days after the session
    /// `first` (TS-03), drawn by key: recorded, with a guardian and, for a girl, female staff,
    /// by the case officers. Its id is the first's with `B`, so that later ids stay as they
    /// were.
    pub(crate) fn question_minor_again(
        &mut self,
        c: &CaseCtx,
        person: usize,
        first: &str,
        after: i64,
    ) {
        let key = format!("{first}/again");
        if !self.p_keyed(&key, MINOR_VICTIM_AGAIN) {
            return;
        }
        let at = self.office_keyed(&key, after, 1, 5);
        let end = at + 30 * MINUTE + self.span_keyed(&format!("{key}/end"), 60.0, MINUTE);
        if end > self.end {
            return;
        }
        let ids = [
            self.org.officers[c.main].id.as_str(),
            self.org.officers[c.second].id.as_str(),
        ];
        self.sink
            .fact(at, "interrogation.held")
            .s("id", &format!("{first}B"))
            .s("person", &self.persons[person].id)
            .s("case", &c.id)
            .s("kind", "questioning")
            .t("end", end)
            .list("officers", &ids)
            .b("guardian_present", true)
            .b("female_staff_present", true)
            .b("av_recorded", true)
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

    /// Compulsory drug rehabilitation (强制隔离戒毒) decided for a person after their detention
    /// ends at `from`, for a few drug users (RQ-16), drawn by key: the decision served, the
    /// person taken to the center, the family told within 24 h of the service but for a few.
    pub(crate) fn compulsory_rehab(&mut self, c: &CaseCtx, person: usize, from: i64) {
        let key = format!("{}/{}/rehab", c.id, self.persons[person].id);
        if !self.p_keyed(&key, COMPULSORY_REHAB) {
            return;
        }
        let u = |g: &Self, part: &str| g.u_keyed(&format!("{key}/{part}"));
        let start = from + self.span_keyed(&format!("{key}/start"), 1.0, HOUR);
        let m = self.start_measure(c, person, MeasureKind::CompulsoryRehab, start);
        let issued = start + 10 * MINUTE;
        let doc = self.issue_doc(issued, c, DocKind::RehabDecision, Some(&m));
        let served = issued + 5 * MINUTE + self.span_keyed(&format!("{key}/served"), 30.0, MINUTE);
        self.serve_doc(served, &doc, person);
        self.sink
            .fact(
                served + HOUR + self.span_keyed(&format!("{key}/delivered"), 2.0, HOUR),
                "measure.delivered",
            )
            .s("id", &m)
            .s("facility", "rehab_center")
            .done();
        let hours = if self.p_keyed(&format!("{key}/late"), REHAB_FAMILY_LATE) {
            26.0 + u(self, "family") * 20.0
        } else {
            1.0 + u(self, "family") * 20.0
        };
        self.sink
            .fact(
                served + (hours * HOUR as f64) as i64,
                "measure.family_notified",
            )
            .s("id", &m)
            .done();
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
