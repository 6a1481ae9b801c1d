//! Which elements belong to a case or a person: rules look across elements (a case's
//! measures, a person's interrogations), and scanning every element for each would be quadratic
//! in a province. Built once for a batch screening (`Links::of`), then kept current by the live
//! engine as facts touch elements (`Links::note`); ids, not references, so it can outlive a
//! borrow of the world.

use std::collections::{BTreeMap, BTreeSet};

use domain::world::{ElementMap, HashMap};
type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

use domain::elements::{Case, Incident, Person, PersonRole, RoomKind, Stay};
use domain::fact::ElementKind;
use domain::ids::{CaseId, IncidentId, InterrogationId, PersonId, StayId, UnitId};
use domain::{At, World};
use jiff::{SignedDuration, Timestamp};

/// An element's position in its world map (`World::measures.get_index`, …). The world's maps
/// keep elements in definition order and never move one (a rolled-back segment's new elements
/// leave from the end, and links are noted only for what was kept), so a position reaches its
/// element without hashing an id, in 4 bytes rather than a 24-byte id: rules read a case's
/// related elements by the dozen, and in a province each lookup by id was a cache miss or
/// three. Positions hold for the world the links were made from: a world rebuilt from the
/// ledger needs `Links::of` again.
pub(crate) type Pos = u32;

/// The position of an element of a world map (`None`: not there).
fn pos<'a, K: std::hash::Hash + Eq + std::borrow::Borrow<str>, V>(
    map: &'a ElementMap<K, V>,
    id: &str,
) -> Option<(Pos, &'a V)> {
    map.get_full(id).map(|(n, _, v)| (n as Pos, v))
}

/// What a related element is to a case or a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    Measure,
    Interrogation,
    Property,
    Document,
    Stay,
    /// By case: an incident whose disposal names the case (XZ-05).
    Incident,
    /// By person: a case whose decision penalises the person (TS-09).
    PenalisedIn,
    /// By case: a person linked to it in a role (XS-14, JZ-02, JZ-03).
    Linked(PersonRole),
}

/// The elements related to one case or one person, each by its position in its world map and
/// tagged with what it is. One list of 8-byte entries: a case or person has a handful, and a
/// vector per tag cost 192 bytes whether filled or not — 1.1 GB across a province-year.
#[derive(Default, Debug)]
pub(crate) struct Related(Vec<(Tag, Pos)>);

impl Related {
    /// Adds an entry not there yet.
    fn add(&mut self, tag: Tag, pos: Pos) {
        if !self.0.contains(&(tag, pos)) {
            self.0.push((tag, pos));
        }
    }

    /// The positions tagged `tag`, in the order noted.
    pub(crate) fn of(&self, tag: Tag) -> impl Iterator<Item = Pos> + '_ {
        self.0
            .iter()
            .filter(move |(t, _)| *t == tag)
            .map(|(_, pos)| *pos)
    }

    /// The persons linked to the case (positions in `World::persons`) with their roles.
    pub(crate) fn linked(&self) -> impl Iterator<Item = (Pos, PersonRole)> + '_ {
        self.0.iter().filter_map(|(t, pos)| match t {
            Tag::Linked(role) => Some((*pos, *role)),
            _ => None,
        })
    }
}

/// The placements of stays in one holding or waiting room of a center (CS-08, TS-06), each
/// with its end, so that those overlapping an interval are found without reading any stay: a
/// stay's rules read every stay that shared a room with it, and reading each candidate stay
/// (a hash lookup and a cache miss or three) was most of a stay's evaluation.
#[derive(Default, Debug)]
struct Room {
    /// (start, the stay's position in `World::stays`) → end (`None`: still there).
    placements: BTreeMap<(Timestamp, Pos), Option<Timestamp>>,
    /// The placements still there, by (start, position).
    open: BTreeSet<(Timestamp, Pos)>,
    /// The longest placement that has ended: one that ended and overlaps an interval started
    /// at most this long before it.
    longest: SignedDuration,
}

/// A stay's placement in a shared room, as the room index holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Placed {
    /// The stay's position in `World::stays`.
    pub stay: Pos,
    pub from: Timestamp,
    /// `None`: still there.
    pub until: Option<Timestamp>,
}

/// The world's elements grouped by case and by person.
#[derive(Default, Debug)]
pub struct Links {
    cased_incidents: HashSet<IncidentId>,
    suspects: HashMap<CaseId, Vec<PersonId>>,
    by_case: HashMap<CaseId, Related>,
    by_person: HashMap<PersonId, Related>,
    /// The interrogations held during a stay (CS-04).
    by_stay: HashMap<StayId, Vec<InterrogationId>>,
    /// Holding and waiting rooms by center, then room (found by `&str`: no key to build).
    rooms: HashMap<UnitId, HashMap<String, Room>>,
}

fn add<T: PartialEq + Clone>(list: &mut Vec<T>, item: &T) {
    if !list.contains(item) {
        list.push(item.clone());
    }
}

impl Links {
    /// The links of a whole world.
    pub fn of(world: &World) -> Links {
        // Sized up front: growing maps of this size moved most of their entries several times.
        let mut links = Links::default();
        links.cased_incidents.reserve(world.cases.len());
        links.suspects.reserve(world.cases.len());
        links.by_case.reserve(world.cases.len());
        links.by_person.reserve(world.persons.len());
        links.by_stay.reserve(world.stays.len());
        for (n, case) in world.cases.values().enumerate() {
            if let Some(incident) = &case.incident {
                links.cased_incidents.insert(incident.clone());
            }
            links.note_penalties(n as Pos, case);
        }
        for (n, incident) in world.incidents.values().enumerate() {
            links.note_incident(n as Pos, incident);
        }
        for (n, p) in world.persons.values().enumerate() {
            links.note_person(n as Pos, p);
        }
        // Each element is new here, so no duplicate check is needed.
        for (n, m) in world.measures.values().enumerate() {
            let by_case = links.by_case.entry(m.case.clone()).or_default();
            by_case.0.push((Tag::Measure, n as Pos));
            let by_person = links.by_person.entry(m.person.clone()).or_default();
            by_person.0.push((Tag::Measure, n as Pos));
        }
        for (n, i) in world.interrogations.values().enumerate() {
            let by_case = links.by_case.entry(i.case.clone()).or_default();
            by_case.0.push((Tag::Interrogation, n as Pos));
            let by_person = links.by_person.entry(i.person.clone()).or_default();
            by_person.0.push((Tag::Interrogation, n as Pos));
            if let Some(stay) = &i.stay {
                links
                    .by_stay
                    .entry(stay.clone())
                    .or_default()
                    .push(i.id.clone());
            }
        }
        for (n, p) in world.properties.values().enumerate() {
            let by_case = links.by_case.entry(p.case.clone()).or_default();
            by_case.0.push((Tag::Property, n as Pos));
        }
        for (n, d) in world.documents.values().enumerate() {
            let by_case = links.by_case.entry(d.case.clone()).or_default();
            by_case.0.push((Tag::Document, n as Pos));
        }
        for (n, s) in world.stays.values().enumerate() {
            let by_person = links.by_person.entry(s.person.clone()).or_default();
            by_person.0.push((Tag::Stay, n as Pos));
            links.note_rooms(n as Pos, s);
        }
        links
    }

    /// Brings the links up to date with an element a fact touched (idempotent).
    pub fn note(&mut self, world: &World, kind: ElementKind, id: &str) {
        match kind {
            ElementKind::Case => {
                if let Some((n, case)) = pos(&world.cases, id) {
                    if let Some(incident) = &case.incident {
                        self.cased_incidents.insert(incident.clone());
                    }
                    self.note_penalties(n, case);
                }
            }
            ElementKind::Incident => {
                if let Some((n, incident)) = pos(&world.incidents, id) {
                    self.note_incident(n, incident);
                }
            }
            ElementKind::Person => {
                if let Some((n, p)) = pos(&world.persons, id) {
                    self.note_person(n, p);
                }
            }
            ElementKind::Measure => {
                if let Some((n, m)) = pos(&world.measures, id) {
                    let by_case = self.by_case.entry(m.case.clone()).or_default();
                    by_case.add(Tag::Measure, n);
                    let by_person = self.by_person.entry(m.person.clone()).or_default();
                    by_person.add(Tag::Measure, n);
                }
            }
            ElementKind::Interrogation => {
                if let Some((n, i)) = pos(&world.interrogations, id) {
                    let by_case = self.by_case.entry(i.case.clone()).or_default();
                    by_case.add(Tag::Interrogation, n);
                    let by_person = self.by_person.entry(i.person.clone()).or_default();
                    by_person.add(Tag::Interrogation, n);
                    if let Some(stay) = &i.stay {
                        add(self.by_stay.entry(stay.clone()).or_default(), &i.id);
                    }
                }
            }
            ElementKind::Property => {
                if let Some((n, p)) = pos(&world.properties, id) {
                    let by_case = self.by_case.entry(p.case.clone()).or_default();
                    by_case.add(Tag::Property, n);
                }
            }
            ElementKind::Document => {
                if let Some((n, d)) = pos(&world.documents, id) {
                    let by_case = self.by_case.entry(d.case.clone()).or_default();
                    by_case.add(Tag::Document, n);
                }
            }
            ElementKind::Stay => {
                if let Some((n, s)) = pos(&world.stays, id) {
                    let by_person = self.by_person.entry(s.person.clone()).or_default();
                    by_person.add(Tag::Stay, n);
                    self.note_rooms(n, s);
                }
            }
            _ => {}
        }
    }

    /// A person's links to cases (the person at position `n`): suspects by case, persons by
    /// case.
    fn note_person(&mut self, n: Pos, p: &Person) {
        for link in &p.links {
            if link.role == PersonRole::Suspect {
                add(self.suspects.entry(link.case.clone()).or_default(), &p.id);
            }
            let by_case = self.by_case.entry(link.case.clone()).or_default();
            by_case.add(Tag::Linked(link.role), n);
        }
    }

    /// The persons a case's decision penalises (the case at position `n`).
    fn note_penalties(&mut self, n: Pos, case: &Case) {
        for penalty in case.decision.iter().flat_map(|d| &d.penalties) {
            let by_person = self.by_person.entry(penalty.person.clone()).or_default();
            by_person.add(Tag::PenalisedIn, n);
        }
    }

    /// The case an incident's disposal names (the incident at position `n`).
    fn note_incident(&mut self, n: Pos, incident: &Incident) {
        if let Some(case) = &incident.case {
            let by_case = self.by_case.entry(case.clone()).or_default();
            by_case.add(Tag::Incident, n);
        }
    }

    /// Each placement of a stay (at position `n`) in a holding or waiting room, with its end as
    /// far as known (idempotent: a later fact may end a placement, or one recorded late may
    /// end an earlier one sooner).
    fn note_rooms(&mut self, n: Pos, s: &Stay) {
        for (room, from, until) in shared_times(s) {
            let room = self
                .rooms
                .entry(s.center.clone())
                .or_default()
                .entry(room.to_string())
                .or_default();
            let key = (from.instant(), n);
            let until = until.map(|u| u.instant());
            room.placements.insert(key, until);
            match until {
                Some(until) => {
                    room.open.remove(&key);
                    room.longest = room.longest.max(until.duration_since(key.0));
                }
                None => {
                    room.open.insert(key);
                }
            }
        }
    }

    /// The placements in a holding or waiting room of a center that overlap `[from, to)` (`to`
    /// `None`: without end), each once.
    pub(crate) fn placed_in_room(
        &self,
        center: &UnitId,
        room: &str,
        from: Timestamp,
        to: Option<Timestamp>,
    ) -> impl Iterator<Item = Placed> + '_ {
        let room = self.rooms.get(center).and_then(|rooms| rooms.get(room));
        // One that ended and overlaps started after `from` minus the longest placement; one
        // still there may have started at any time before.
        let earliest = room.map_or(from, |r| {
            from.checked_sub(r.longest).unwrap_or(Timestamp::MIN)
        });
        let ended = room.into_iter().flat_map(move |r| {
            let started = match to {
                Some(to) if to > earliest => r.placements.range((earliest, 0)..(to, 0)),
                Some(_) => r.placements.range((earliest, 0)..(earliest, 0)),
                None => r.placements.range((earliest, 0)..),
            };
            started.map(|(&(from, stay), &until)| Placed { stay, from, until })
        });
        let open_before = room.into_iter().flat_map(move |r| {
            r.open.range(..(earliest, 0)).map(|&(from, stay)| Placed {
                stay,
                from,
                until: None,
            })
        });
        ended
            .chain(open_before)
            .filter(move |p| p.until.is_none_or(|u| from < u) && to.is_none_or(|t| p.from < t))
    }

    /// The stays that may have shared a holding or waiting room with a stay while it lasted
    /// (read by its CS-08 and TS-06, and reading it): placed in one of its rooms while it was
    /// in the center, by position in `World::stays`, each once.
    pub(crate) fn stays_near(&self, s: &Stay) -> Vec<Pos> {
        let mut rooms: Vec<&str> = s
            .placements
            .iter()
            .filter(|p| shared_room(p.room_kind))
            .map(|p| p.room.as_str())
            .collect();
        rooms.sort();
        rooms.dedup();
        let exited = s.exited.as_ref().map(|(at, _)| at.instant());
        let mut found: Vec<Pos> = rooms
            .into_iter()
            .flat_map(|room| {
                self.placed_in_room(&s.center, room, s.entered_at.instant(), exited)
                    .map(|p| p.stay)
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    pub(crate) fn interrogations_of_stay(&self, stay: &StayId) -> &[InterrogationId] {
        self.by_stay
            .get(stay)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    pub(crate) fn has_case(&self, incident: &IncidentId) -> bool {
        self.cased_incidents.contains(incident)
    }

    pub(crate) fn suspects(&self, case: &CaseId) -> &[PersonId] {
        self.suspects
            .get(case)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    pub(crate) fn of_case(&self, case: &CaseId) -> Option<&Related> {
        self.by_case.get(case)
    }

    pub(crate) fn of_person(&self, person: &PersonId) -> Option<&Related> {
        self.by_person.get(person)
    }

    /// A case's related elements with the case's id as the links hold it.
    pub(crate) fn case_entry(&self, case: &CaseId) -> Option<(&CaseId, &Related)> {
        self.by_case.get_key_value(case)
    }

    /// A person's related elements with the person's id as the links hold it.
    pub(crate) fn person_entry(&self, person: &PersonId) -> Option<(&PersonId, &Related)> {
        self.by_person.get_key_value(person)
    }
}

/// Rooms where persons in the center wait together: holding (候问室) and waiting (等候室) rooms.
pub(crate) fn shared_room(kind: RoomKind) -> bool {
    matches!(kind, RoomKind::Holding | RoomKind::Waiting)
}

/// A stay's times in holding and waiting rooms: (room, from, until), each placement lasting
/// until the stay's next placement or its exit (`None`: still there).
pub(crate) fn shared_times(s: &Stay) -> Vec<(&str, At, Option<At>)> {
    let mut placements: Vec<_> = s.placements.iter().collect();
    placements.sort_by_key(|p| p.at);
    let exited = s.exited.as_ref().map(|(at, _)| *at);
    placements
        .iter()
        .enumerate()
        .filter(|(_, p)| shared_room(p.room_kind))
        .map(|(k, p)| {
            let until = placements.get(k + 1).map(|next| next.at).or(exited);
            (p.room.as_str(), p.at, until)
        })
        .collect()
}
