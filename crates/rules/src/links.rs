//! Which elements belong to a case or a person: rules look across elements (a case's
//! measures, a person's interrogations), and scanning every element for each would be quadratic
//! in a province. Built once for a batch screening (`Links::of`), then kept current by the live
//! engine as facts touch elements (`Links::note`); ids, not references, so it can outlive a
//! borrow of the world.

use std::collections::{BTreeMap, BTreeSet};

use domain::world::HashMap;
type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

use domain::World;
use domain::elements::{PersonRole, RoomKind, Stay};
use domain::fact::ElementKind;
use domain::ids::{
    CaseId, DocumentId, IncidentId, InterrogationId, MeasureId, PersonId, PropertyId, StayId,
    UnitId,
};
use jiff::{SignedDuration, Timestamp};

/// The elements related to one case or one person.
#[derive(Default, Debug)]
pub(crate) struct Related {
    pub measures: Vec<MeasureId>,
    pub interrogations: Vec<InterrogationId>,
    pub properties: Vec<PropertyId>,
    pub documents: Vec<DocumentId>,
    pub stays: Vec<StayId>,
    /// By case: the incidents whose disposal names the case (XZ-05).
    pub incidents: Vec<IncidentId>,
    /// By case: the persons linked to it, each with a role (XS-14, JZ-02, JZ-03).
    pub linked: Vec<(PersonId, PersonRole)>,
    /// By person: the cases whose decision penalises the person (TS-09).
    pub penalised_in: Vec<CaseId>,
}

/// The stays placed in one holding or waiting room of a center (CS-08, TS-06): enough to find
/// the stays whose time there may overlap a given interval without reading every stay the room
/// ever held.
#[derive(Default, Debug)]
struct Room {
    /// The stays placed in the room, by the time they entered the center.
    by_entry: BTreeMap<Timestamp, Vec<StayId>>,
    /// Those of them not exited.
    open: BTreeSet<StayId>,
    /// The longest time in the center of those that have exited.
    longest: SignedDuration,
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
    /// Holding and waiting rooms by (center, room).
    rooms: HashMap<(UnitId, String), Room>,
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
        for case in world.cases.values() {
            if let Some(incident) = &case.incident {
                links.cased_incidents.insert(incident.clone());
            }
            links.note_penalties(world, case.id.as_str());
        }
        for incident in world.incidents.values() {
            links.note_incident(world, incident.id.as_str());
        }
        for p in world.persons.values() {
            links.note_person(world, p.id.as_str());
        }
        // Each element is new here, so no duplicate check is needed.
        for m in world.measures.values() {
            let by_case = links.by_case.entry(m.case.clone()).or_default();
            by_case.measures.push(m.id.clone());
            let by_person = links.by_person.entry(m.person.clone()).or_default();
            by_person.measures.push(m.id.clone());
        }
        for i in world.interrogations.values() {
            let by_case = links.by_case.entry(i.case.clone()).or_default();
            by_case.interrogations.push(i.id.clone());
            let by_person = links.by_person.entry(i.person.clone()).or_default();
            by_person.interrogations.push(i.id.clone());
            if let Some(stay) = &i.stay {
                links
                    .by_stay
                    .entry(stay.clone())
                    .or_default()
                    .push(i.id.clone());
            }
        }
        for p in world.properties.values() {
            let by_case = links.by_case.entry(p.case.clone()).or_default();
            by_case.properties.push(p.id.clone());
        }
        for d in world.documents.values() {
            let by_case = links.by_case.entry(d.case.clone()).or_default();
            by_case.documents.push(d.id.clone());
        }
        for s in world.stays.values() {
            let by_person = links.by_person.entry(s.person.clone()).or_default();
            by_person.stays.push(s.id.clone());
            links.note_rooms(s);
        }
        links
    }

    /// Brings the links up to date with an element a fact touched (idempotent).
    pub fn note(&mut self, world: &World, kind: ElementKind, id: &str) {
        match kind {
            ElementKind::Case => {
                if let Some(incident) = world.cases.get(id).and_then(|c| c.incident.as_ref()) {
                    self.cased_incidents.insert(incident.clone());
                }
                self.note_penalties(world, id);
            }
            ElementKind::Incident => self.note_incident(world, id),
            ElementKind::Person => self.note_person(world, id),
            ElementKind::Measure => {
                if let Some(m) = world.measures.get(id) {
                    add(
                        &mut self.by_case.entry(m.case.clone()).or_default().measures,
                        &m.id,
                    );
                    add(
                        &mut self.by_person.entry(m.person.clone()).or_default().measures,
                        &m.id,
                    );
                }
            }
            ElementKind::Interrogation => {
                if let Some(i) = world.interrogations.get(id) {
                    let by_case = self.by_case.entry(i.case.clone()).or_default();
                    add(&mut by_case.interrogations, &i.id);
                    let by_person = self.by_person.entry(i.person.clone()).or_default();
                    add(&mut by_person.interrogations, &i.id);
                    if let Some(stay) = &i.stay {
                        add(self.by_stay.entry(stay.clone()).or_default(), &i.id);
                    }
                }
            }
            ElementKind::Property => {
                if let Some(p) = world.properties.get(id) {
                    let by_case = self.by_case.entry(p.case.clone()).or_default();
                    add(&mut by_case.properties, &p.id);
                }
            }
            ElementKind::Document => {
                if let Some(d) = world.documents.get(id) {
                    let by_case = self.by_case.entry(d.case.clone()).or_default();
                    add(&mut by_case.documents, &d.id);
                }
            }
            ElementKind::Stay => {
                if let Some(s) = world.stays.get(id) {
                    let by_person = self.by_person.entry(s.person.clone()).or_default();
                    add(&mut by_person.stays, &s.id);
                    self.note_rooms(s);
                }
            }
            _ => {}
        }
    }

    /// A person's links to cases: suspects by case, persons by case.
    fn note_person(&mut self, world: &World, id: &str) {
        let Some(p) = world.persons.get(id) else {
            return;
        };
        for link in &p.links {
            if link.role == PersonRole::Suspect {
                add(self.suspects.entry(link.case.clone()).or_default(), &p.id);
            }
            let by_case = self.by_case.entry(link.case.clone()).or_default();
            add(&mut by_case.linked, &(p.id.clone(), link.role));
        }
    }

    /// The persons a case's decision penalises.
    fn note_penalties(&mut self, world: &World, id: &str) {
        let Some(case) = world.cases.get(id) else {
            return;
        };
        for penalty in case.decision.iter().flat_map(|d| &d.penalties) {
            let by_person = self.by_person.entry(penalty.person.clone()).or_default();
            add(&mut by_person.penalised_in, &case.id);
        }
    }

    /// The case an incident's disposal names.
    fn note_incident(&mut self, world: &World, id: &str) {
        if let Some(incident) = world.incidents.get(id)
            && let Some(case) = &incident.case
        {
            let by_case = self.by_case.entry(case.clone()).or_default();
            add(&mut by_case.incidents, &incident.id);
        }
    }

    /// A stay in each holding or waiting room it was placed in.
    fn note_rooms(&mut self, s: &Stay) {
        for placement in s.placements.iter().filter(|p| shared_room(p.room_kind)) {
            let room = self
                .rooms
                .entry((s.center.clone(), placement.room.clone()))
                .or_default();
            let entered = room.by_entry.entry(s.entered_at.instant()).or_default();
            add(entered, &s.id);
            match &s.exited {
                Some((exited, _)) => {
                    room.open.remove(&s.id);
                    let time = exited.instant().duration_since(s.entered_at.instant());
                    room.longest = room.longest.max(time);
                }
                None => {
                    room.open.insert(s.id.clone());
                }
            }
        }
    }

    /// The stays placed in a holding or waiting room of a center whose time in the center may
    /// overlap `[from, to)` (`to` `None`: without end): every such stay, and perhaps others.
    pub(crate) fn stays_in_room(
        &self,
        center: &UnitId,
        room: &str,
        from: Timestamp,
        to: Option<Timestamp>,
    ) -> Vec<&StayId> {
        let Some(room) = self.rooms.get(&(center.clone(), room.to_string())) else {
            return Vec::new();
        };
        // A stay that exited and overlaps entered after `from` minus the longest stay.
        let earliest = from.checked_sub(room.longest).unwrap_or(Timestamp::MIN);
        let entered = match to {
            Some(to) if to > earliest => room.by_entry.range(earliest..to),
            Some(_) => room.by_entry.range(earliest..earliest),
            None => room.by_entry.range(earliest..),
        };
        let mut found: Vec<&StayId> = entered.flat_map(|(_, stays)| stays).collect();
        found.extend(room.open.iter());
        found.sort();
        found.dedup();
        found
    }

    /// The stays that may have shared a holding or waiting room with a stay while it lasted
    /// (read by its CS-08 and TS-06, and reading it): entered before it exited, if it has.
    pub(crate) fn stays_near(&self, s: &Stay) -> Vec<&StayId> {
        let mut rooms: Vec<&str> = s
            .placements
            .iter()
            .filter(|p| shared_room(p.room_kind))
            .map(|p| p.room.as_str())
            .collect();
        rooms.sort();
        rooms.dedup();
        let mut found: Vec<&StayId> = rooms
            .into_iter()
            .flat_map(|room| {
                let exited = s.exited.as_ref().map(|(at, _)| at.instant());
                self.stays_in_room(&s.center, room, s.entered_at.instant(), exited)
            })
            .collect();
        found.sort();
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
}

/// Rooms where persons in the center wait together: holding (候问室) and waiting (等候室) rooms.
pub(crate) fn shared_room(kind: RoomKind) -> bool {
    matches!(kind, RoomKind::Holding | RoomKind::Waiting)
}
