//! The projection of the ledger: every element's current snapshot, built by applying facts in
//! order. `apply` refuses what cannot be true (an unknown reference, a second definition, a fact
//! before its element exists, an impossible transition) and accepts every irregular but possible
//! history, because supervision exists to find those (rules/README.md, "What import refuses").
//!
//! A refused fact leaves the world unchanged: every check runs before the first mutation. A
//! journal can undo a whole batch, so an import with an error on line 5,000 changes nothing.

use std::collections::BTreeMap;

/// The world's maps: keyed by ids, looked up millions of times per screening. foldhash hashes
/// a short id several times faster than the standard SipHash; it is seeded per process, and
/// ids are checked on entry (`ids::check_id`), so flooding one bucket needs knowledge of the
/// seed.
pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// The maps of elements: entries kept densely in insertion order, found through a table of
/// indices. A province's millions of elements are 200–550 bytes each; in a hash table every
/// spare slot of its power-of-two capacity is one such element, written when the table grows
/// and resident from then on, and growing copies the whole table while both are alive. Here
/// spare room is a table of 8-byte indices, the entries' vector grows without touching its
/// spare capacity, and iteration (every batch screening) walks memory in order. Iteration order
/// is the order elements were defined: deterministic.
pub type ElementMap<K, V> = indexmap::IndexMap<K, V, foldhash::fast::RandomState>;
use std::hash::Hash;

use jiff::civil::Date;
use serde::Serialize;

use crate::at::At;
use crate::elements::*;
use crate::error::{DomainError, ErrorCode};
use crate::fact::{ElementKind, Fact, FactBody};
use crate::ids::*;
use crate::ledger::ROOT_CHAIN;

mod tally;

/// What applying one fact did.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// The element the fact is about and its id.
    pub element: ElementKind,
    pub subject: String,
    /// The owning unit of that element (`None` for calendar days before any unit exists).
    pub unit: Option<UnitId>,
    /// Elements whose snapshot changed (the subject, and sometimes one more).
    pub touched: Vec<(ElementKind, String)>,
}

/// A relation from one element to another, shown as "related elements" on pages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    pub kind: ElementKind,
    pub id: String,
    /// What the other element is to this one (`case`, `person`, `basis`, …).
    pub role: String,
}

/// The generic row every element kind is stored as in the views.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ElementView {
    pub kind: ElementKind,
    pub id: String,
    pub unit: String,
    /// The owning unit's path, `/U33/U3305/U330503/`: scoping is a prefix test.
    pub unit_path: String,
    /// The county-level chain the element's facts belong to (the shard key).
    pub county: String,
    pub status: &'static str,
    pub status_label: &'static str,
    /// The kind-specific class lists filter on: an incident's nature, a case's kind, a measure's
    /// kind, an item's measure, a document's kind, an officer's first role, a unit's level.
    pub tag: String,
    /// A one-line summary for lists (a person's name, a case's category, …).
    pub title: String,
    /// The business time the element began.
    pub opened_at: At,
    /// The element's state as a JSON object.
    pub snapshot: String,
    pub links: Vec<Link>,
}

/// The previous value of whatever a segment of facts changed. Elements are boxed: most entries
/// of an import say "did not exist" (`None`, no allocation), and a small entry keeps the journal
/// of a million-fact import from being copied around as it grows.
#[derive(Clone, Debug)]
enum Undo {
    Unit(UnitId, Option<Box<Unit>>),
    Officer(OfficerId, Option<Box<Officer>>),
    Calendar(Date, Option<DayKind>),
    Incident(IncidentId, Option<Box<Incident>>),
    Case(CaseId, Option<Box<Case>>),
    Person(PersonId, Option<Box<Person>>),
    Measure(MeasureId, Option<Box<Measure>>),
    Stay(StayId, Option<Box<Stay>>),
    Interrogation(InterrogationId, Option<Box<Interrogation>>),
    Property(PropertyId, Option<Box<Property>>),
    Document(DocumentId, Option<Box<Document>>),
    Warning(WarningId, Option<Box<WarningState>>),
    OpenStay(PersonId, Option<StayId>),
    DocumentNumber((UnitId, String), Option<DocumentId>),
    DocumentSerial((UnitId, String, i16), Option<u32>),
    Root(Option<UnitId>),
}

/// Every element, current.
#[derive(Clone, Debug, Default)]
pub struct World {
    pub units: ElementMap<UnitId, Unit>,
    pub officers: ElementMap<OfficerId, Officer>,
    pub calendar: BTreeMap<Date, DayKind>,
    pub incidents: ElementMap<IncidentId, Incident>,
    pub cases: ElementMap<CaseId, Case>,
    pub persons: ElementMap<PersonId, Person>,
    pub measures: ElementMap<MeasureId, Measure>,
    pub stays: ElementMap<StayId, Stay>,
    pub interrogations: ElementMap<InterrogationId, Interrogation>,
    pub properties: ElementMap<PropertyId, Property>,
    pub documents: ElementMap<DocumentId, Document>,
    /// Warnings raised by the supervision engine, with their loop.
    pub warnings: ElementMap<WarningId, WarningState>,
    /// The stay a person is in now, if any: a person cannot be in two stays at once.
    open_stays: ElementMap<PersonId, StayId>,
    /// Official numbers in use, per issuing unit.
    document_numbers: ElementMap<(UnitId, String), DocumentId>,
    /// The last serial issued by Zhifa per unit, document kind and year.
    document_serials: ElementMap<(UnitId, String, i16), u32>,
    root: Option<UnitId>,
    /// The open warnings counted by unit, rule and level.
    tally: tally::Tally,
    journal: Option<Vec<Undo>>,
    saved: Saved,
}

fn refused(zh: impl Into<String>, en: impl Into<String>) -> DomainError {
    DomainError::new(ErrorCode::ImpossibleTransition, zh, en)
}

fn unknown(field: &str, label: &str, id: &impl std::fmt::Display) -> DomainError {
    DomainError::new(
        ErrorCode::UnknownReference,
        format!("{label}“{id}”不存在（或晚于本事实才登记）"),
        format!("{field} `{id}` is not defined at or before this fact"),
    )
    .at_field(field)
}

fn duplicate(label: &str, id: &impl std::fmt::Display) -> DomainError {
    DomainError::new(
        ErrorCode::Duplicate,
        format!("{label}“{id}”已存在，不能重复登记"),
        format!("`{id}` is already defined"),
    )
    .at_field("id")
}

/// Looks a referenced element up and checks it existed at `at`.
fn referenced<'a, K: Eq + Hash + std::fmt::Display, V>(
    map: &'a ElementMap<K, V>,
    id: &K,
    at: At,
    field: &str,
    label: &str,
    since: impl Fn(&V) -> At,
) -> Result<&'a V, DomainError> {
    match map.get(id) {
        Some(element) if since(element) <= at => Ok(element),
        _ => Err(unknown(field, label, id)),
    }
}

/// Looks the fact's subject up and checks the fact does not predate it.
fn subject<'a, K: Eq + Hash + std::fmt::Display, V>(
    map: &'a ElementMap<K, V>,
    id: &K,
    at: At,
    label: &str,
    since: impl Fn(&V) -> At,
) -> Result<&'a V, DomainError> {
    let element = map.get(id).ok_or_else(|| unknown("id", label, id))?;
    if at < since(element) {
        return Err(DomainError::new(
            ErrorCode::BeforeExistence,
            format!("{label}“{id}”在此时间尚不存在（登记于{}）", since(element)),
            format!(
                "`{id}` does not exist yet at this time (defined at {})",
                since(element)
            ),
        )
        .at_field("at"));
    }
    Ok(element)
}

fn once<T>(slot: &Option<T>, zh: &str, en: &str) -> Result<(), DomainError> {
    if slot.is_some() {
        Err(refused(zh, en))
    } else {
        Ok(())
    }
}

macro_rules! journaled {
    ($fn_name:ident, $map:ident, $key:ty, $value:ty, $undo:ident) => {
        fn $fn_name(&mut self, key: &$key) -> Option<&mut $value> {
            if let Some(journal) = self.journal.as_mut()
                && self.saved.first_touch(Saved::$undo, key.as_str())
            {
                let before = self.$map.get(key).cloned().map(Box::new);
                journal.push(Undo::$undo(key.clone(), before));
            }
            self.$map.get_mut(key)
        }
    };
}

macro_rules! insert_journaled {
    ($fn_name:ident, $map:ident, $key:ty, $value:ty, $undo:ident) => {
        fn $fn_name(&mut self, key: $key, value: $value) {
            if let Some(journal) = self.journal.as_mut()
                && self.saved.first_touch(Saved::$undo, key.as_str())
            {
                let before = self.$map.get(&key).cloned().map(Box::new);
                journal.push(Undo::$undo(key.clone(), before));
            }
            self.$map.insert(key, value);
        }
    };
    ($fn_name:ident, $map:ident, $key:ty, $value:ty, $undo:ident, always) => {
        fn $fn_name(&mut self, key: $key, value: $value) {
            if let Some(journal) = self.journal.as_mut() {
                journal.push(Undo::$undo(key.clone(), self.$map.get(&key).cloned()));
            }
            self.$map.insert(key, value);
        }
    };
}

/// The elements whose state before the current journal segment is already saved: an element
/// changed by many facts (a case's acts) is copied into the journal once per segment, not once
/// per fact. A segment starts at every [`World::journal_mark`], so rolling back to any mark
/// still restores each element as it was there.
#[derive(Clone, Debug, Default)]
struct Saved([std::collections::HashSet<String>; 11]);

#[allow(non_upper_case_globals)]
impl Saved {
    const Unit: usize = 0;
    const Officer: usize = 1;
    const Incident: usize = 2;
    const Case: usize = 3;
    const Person: usize = 4;
    const Measure: usize = 5;
    const Stay: usize = 6;
    const Interrogation: usize = 7;
    const Property: usize = 8;
    const Document: usize = 9;
    const Warning: usize = 10;

    /// Whether this element is touched for the first time in the segment (and note it).
    fn first_touch(&mut self, kind: usize, id: &str) -> bool {
        let set = &mut self.0[kind];
        !set.contains(id) && set.insert(id.to_owned())
    }

    fn new_segment(&mut self) {
        self.0.iter_mut().for_each(std::collections::HashSet::clear);
    }
}

impl World {
    /// An empty world.
    pub fn new() -> World {
        World::default()
    }

    /// Starts recording undo information (for an all-or-nothing batch).
    pub fn begin(&mut self) {
        self.journal = Some(Vec::new());
        self.saved.new_segment();
    }

    /// Keeps everything applied since `begin`.
    pub fn commit(&mut self) {
        self.journal = None;
        self.saved = Saved::default();
    }

    /// Undoes everything applied since `begin`.
    pub fn rollback(&mut self) {
        let Some(journal) = self.journal.take() else {
            return;
        };
        self.saved = Saved::default();
        for undo in journal.into_iter().rev() {
            // Undone in reverse, an element defined in the segment is the map's last entry when
            // its turn comes, so removing it keeps the others' order (and costs no shifting).
            fn restore<K: Eq + Hash, V>(map: &mut ElementMap<K, V>, key: K, value: Option<V>) {
                match value {
                    Some(value) => map.insert(key, value),
                    None => map.shift_remove(&key),
                };
            }
            match undo {
                Undo::Unit(k, v) => restore(&mut self.units, k, v.map(|b| *b)),
                Undo::Officer(k, v) => restore(&mut self.officers, k, v.map(|b| *b)),
                Undo::Calendar(k, v) => {
                    match v {
                        Some(v) => self.calendar.insert(k, v),
                        None => self.calendar.remove(&k),
                    };
                }
                Undo::Incident(k, v) => restore(&mut self.incidents, k, v.map(|b| *b)),
                Undo::Case(k, v) => restore(&mut self.cases, k, v.map(|b| *b)),
                Undo::Person(k, v) => restore(&mut self.persons, k, v.map(|b| *b)),
                Undo::Measure(k, v) => restore(&mut self.measures, k, v.map(|b| *b)),
                Undo::Stay(k, v) => restore(&mut self.stays, k, v.map(|b| *b)),
                Undo::Interrogation(k, v) => restore(&mut self.interrogations, k, v.map(|b| *b)),
                Undo::Property(k, v) => restore(&mut self.properties, k, v.map(|b| *b)),
                Undo::Document(k, v) => restore(&mut self.documents, k, v.map(|b| *b)),
                Undo::Warning(k, v) => {
                    let before = self.counted(&k);
                    restore(&mut self.warnings, k.clone(), v.map(|b| *b));
                    let after = self.counted(&k);
                    self.tally.change(before, after);
                }
                Undo::OpenStay(k, v) => restore(&mut self.open_stays, k, v),
                Undo::DocumentNumber(k, v) => restore(&mut self.document_numbers, k, v),
                Undo::DocumentSerial(k, v) => restore(&mut self.document_serials, k, v),
                Undo::Root(v) => self.root = v,
            }
        }
    }

    journaled!(officer_mut, officers, OfficerId, Officer, Officer);
    journaled!(incident_mut, incidents, IncidentId, Incident, Incident);
    journaled!(case_mut, cases, CaseId, Case, Case);
    journaled!(person_mut, persons, PersonId, Person, Person);
    journaled!(measure_mut, measures, MeasureId, Measure, Measure);
    journaled!(stay_mut, stays, StayId, Stay, Stay);
    journaled!(property_mut, properties, PropertyId, Property, Property);
    journaled!(document_mut, documents, DocumentId, Document, Document);
    journaled!(warning_mut, warnings, WarningId, WarningState, Warning);
    insert_journaled!(put_unit, units, UnitId, Unit, Unit);
    insert_journaled!(put_officer, officers, OfficerId, Officer, Officer);
    insert_journaled!(put_incident, incidents, IncidentId, Incident, Incident);
    insert_journaled!(put_case, cases, CaseId, Case, Case);
    insert_journaled!(put_person, persons, PersonId, Person, Person);
    insert_journaled!(put_measure, measures, MeasureId, Measure, Measure);
    insert_journaled!(put_stay, stays, StayId, Stay, Stay);
    insert_journaled!(
        put_interrogation,
        interrogations,
        InterrogationId,
        Interrogation,
        Interrogation
    );
    insert_journaled!(put_property, properties, PropertyId, Property, Property);
    insert_journaled!(put_document, documents, DocumentId, Document, Document);
    insert_journaled!(put_warning, warnings, WarningId, WarningState, Warning);
    insert_journaled!(
        put_open_stay,
        open_stays,
        PersonId,
        StayId,
        OpenStay,
        always
    );
    insert_journaled!(
        put_document_number,
        document_numbers,
        (UnitId, String),
        DocumentId,
        DocumentNumber,
        always
    );
    insert_journaled!(
        put_document_serial,
        document_serials,
        (UnitId, String, i16),
        u32,
        DocumentSerial,
        always
    );

    /// The last serial Zhifa issued for a unit, document kind and year (0 if none).
    pub fn last_document_serial(&self, unit: &UnitId, kind: &str, year: i16) -> u32 {
        self.document_serials
            .get(&(unit.clone(), kind.to_owned(), year))
            .copied()
            .unwrap_or(0)
    }

    /// A mark to roll back to: the journal's length, where a new segment starts.
    pub fn journal_mark(&mut self) -> usize {
        self.saved.new_segment();
        self.journal.as_ref().map_or(0, Vec::len)
    }

    /// Undoes everything applied since `mark`, keeping the journal open.
    pub fn rollback_to(&mut self, mark: usize) {
        let Some(mut journal) = self.journal.take() else {
            return;
        };
        let tail = journal.split_off(mark.min(journal.len()));
        self.journal = Some(tail);
        // (`rollback` forgets what was saved: what changes next is saved again.)
        self.rollback();
        self.journal = Some(journal);
    }

    fn close_stay(&mut self, person: &PersonId) {
        if let Some(journal) = self.journal.as_mut() {
            journal.push(Undo::OpenStay(
                person.clone(),
                self.open_stays.get(person).cloned(),
            ));
        }
        self.open_stays.swap_remove(person);
    }

    fn put_calendar(&mut self, date: Date, kind: DayKind) {
        if let Some(journal) = self.journal.as_mut() {
            journal.push(Undo::Calendar(date, self.calendar.get(&date).copied()));
        }
        self.calendar.insert(date, kind);
    }

    /// The root unit (the province), once defined.
    pub fn root(&self) -> Option<&UnitId> {
        self.root.as_ref()
    }

    /// The stay a person is in now.
    pub fn open_stay(&self, person: &PersonId) -> Option<&StayId> {
        self.open_stays.get(person)
    }

    /// Whether an official number is taken in a unit.
    pub fn document_number_taken(&self, unit: &UnitId, number: &str) -> bool {
        self.document_numbers
            .contains_key(&(unit.clone(), number.to_owned()))
    }

    /// The path of a unit (`/U33/U3305/`), or `/` for none.
    /// The warnings open (neither cleared nor closed) in a unit and the units under it, by rule
    /// and level: kept as warnings change, so a dashboard reads them without a scan.
    pub fn open_warnings(&self, unit_path: &str) -> Vec<(&str, WarningLevel, u32)> {
        self.tally.of(unit_path).collect()
    }

    /// Where a warning is counted in the tally of open warnings, if it is open.
    fn counted(&self, id: &WarningId) -> Option<tally::Counted> {
        let w = self.warnings.get(id)?;
        tally::counted(w, self.unit_path(Some(&w.unit)))
    }

    pub fn unit_path(&self, unit: Option<&UnitId>) -> &str {
        unit.and_then(|u| self.units.get(u))
            .map_or("/", |u| u.path.as_str())
    }

    /// The chain (county-level unit) a unit's facts go to.
    pub fn chain_of(&self, unit: Option<&UnitId>) -> &str {
        let Some(mut current) = unit.and_then(|u| self.units.get(u)) else {
            return ROOT_CHAIN;
        };
        loop {
            if matches!(
                current.level,
                UnitLevel::County | UnitLevel::City | UnitLevel::Province
            ) {
                return current.id.as_str();
            }
            match current.parent.as_ref().and_then(|p| self.units.get(p)) {
                Some(parent) => current = parent,
                None => return current.id.as_str(),
            }
        }
    }

    /// Whether `unit` is `scope` or below it.
    pub fn is_within(&self, unit: &UnitId, scope: &UnitId) -> bool {
        match (self.units.get(unit), self.units.get(scope)) {
            (Some(unit), Some(scope)) => unit.path.starts_with(&scope.path),
            _ => false,
        }
    }

    /// The owning unit of an element.
    pub fn owner_unit(&self, kind: ElementKind, id: &str) -> Option<UnitId> {
        let case_unit = |case: &CaseId| self.cases.get(case).map(|c| c.unit.clone());
        match kind {
            ElementKind::Unit => self
                .units
                .get(&UnitId::parse(id).ok()?)
                .map(|u| u.id.clone()),
            ElementKind::Officer => self
                .officers
                .get(&OfficerId::parse(id).ok()?)
                .map(|o| o.unit.clone()),
            ElementKind::Calendar => self.root.clone(),
            ElementKind::Incident => self
                .incidents
                .get(&IncidentId::parse(id).ok()?)
                .map(|i| i.unit.clone()),
            ElementKind::Case => self
                .cases
                .get(&CaseId::parse(id).ok()?)
                .map(|c| c.unit.clone()),
            ElementKind::Person => self
                .persons
                .get(&PersonId::parse(id).ok()?)
                .map(|p| p.unit.clone()),
            ElementKind::Measure => {
                case_unit(&self.measures.get(&MeasureId::parse(id).ok()?)?.case)
            }
            ElementKind::Stay => self
                .stays
                .get(&StayId::parse(id).ok()?)
                .map(|s| s.center.clone()),
            ElementKind::Interrogation => case_unit(
                &self
                    .interrogations
                    .get(&InterrogationId::parse(id).ok()?)?
                    .case,
            ),
            ElementKind::Property => {
                case_unit(&self.properties.get(&PropertyId::parse(id).ok()?)?.case)
            }
            ElementKind::Document => {
                case_unit(&self.documents.get(&DocumentId::parse(id).ok()?)?.case)
            }
            ElementKind::Warning => self
                .warnings
                .get(&WarningId::parse(id).ok()?)
                .map(|w| w.unit.clone()),
        }
    }

    /// When an element began (the time of the fact that defined it), if it exists. Calendar
    /// days are not elements that begin.
    fn began_at(&self, kind: ElementKind, id: &str) -> Option<At> {
        match kind {
            ElementKind::Unit => self
                .units
                .get(&UnitId::parse(id).ok()?)
                .map(|u| u.defined_at),
            ElementKind::Officer => self
                .officers
                .get(&OfficerId::parse(id).ok()?)
                .map(|o| o.defined_at),
            ElementKind::Calendar => None,
            ElementKind::Incident => self
                .incidents
                .get(&IncidentId::parse(id).ok()?)
                .map(|i| i.received_at),
            ElementKind::Case => self
                .cases
                .get(&CaseId::parse(id).ok()?)
                .map(|c| c.accepted_at),
            ElementKind::Person => self
                .persons
                .get(&PersonId::parse(id).ok()?)
                .map(|p| p.registered_at),
            ElementKind::Measure => self
                .measures
                .get(&MeasureId::parse(id).ok()?)
                .map(|m| m.started_at),
            ElementKind::Stay => self
                .stays
                .get(&StayId::parse(id).ok()?)
                .map(|s| s.entered_at),
            ElementKind::Interrogation => self
                .interrogations
                .get(&InterrogationId::parse(id).ok()?)
                .map(|i| i.started_at),
            ElementKind::Property => self
                .properties
                .get(&PropertyId::parse(id).ok()?)
                .map(|p| p.seized_at),
            ElementKind::Document => self
                .documents
                .get(&DocumentId::parse(id).ok()?)
                .map(|d| d.issued_at),
            ElementKind::Warning => self
                .warnings
                .get(&WarningId::parse(id).ok()?)
                .map(|w| w.raised_at),
        }
    }

    /// The units through which a person is visible: the registering unit and the unit of every
    /// case the person is linked to.
    pub fn person_units(&self, person: &PersonId) -> Vec<UnitId> {
        let Some(person) = self.persons.get(person) else {
            return Vec::new();
        };
        let mut units = vec![person.unit.clone()];
        for link in &person.links {
            if let Some(case) = self.cases.get(&link.case)
                && !units.contains(&case.unit)
            {
                units.push(case.unit.clone());
            }
        }
        units
    }

    /// Applies one fact. `registering_unit` is the unit to own a person registered without a
    /// `unit` field (the acting officer's unit; the root for imports).
    pub fn apply(
        &mut self,
        fact: &Fact,
        registering_unit: Option<&UnitId>,
    ) -> Result<Applied, DomainError> {
        self.check(fact)?;
        let element = fact.kind().element();
        let subject = fact.subject();
        let mut touched = vec![(element, subject.clone())];
        self.mutate(fact, registering_unit);
        // A person's status shows whether they are in the center now.
        match &fact.body {
            FactBody::CustodyEntered(p) => {
                touched.push((ElementKind::Person, p.person.to_string()))
            }
            FactBody::CustodyExited(_) => {
                let stay = &self.stays[&StayId::parse(&subject).expect("valid id")];
                touched.push((ElementKind::Person, stay.person.to_string()));
            }
            _ => {}
        }
        let unit = self.owner_unit(element, &subject);
        Ok(Applied {
            element,
            subject,
            unit,
            touched,
        })
    }

    /// Every check for one fact, before anything changes.
    fn check(&self, fact: &Fact) -> Result<(), DomainError> {
        use FactBody::*;
        let at = fact.at;
        match &fact.body {
            UnitDefined(p) => {
                if self.units.contains_key(&p.id) {
                    return Err(duplicate("单位", &p.id));
                }
                match (&p.parent, p.level) {
                    (None, UnitLevel::Province) => {
                        if let Some(root) = &self.root {
                            return Err(refused(
                                format!("已有省级单位“{root}”，不能再设立根单位"),
                                format!("a root unit `{root}` already exists"),
                            ));
                        }
                    }
                    (None, _) => {
                        return Err(DomainError::invalid(
                            "parent",
                            "只有省厅可以没有上级单位 (only a province has no parent)",
                        ));
                    }
                    (Some(parent), level) => {
                        let parent =
                            referenced(&self.units, parent, at, "parent", "上级单位", |u| {
                                u.defined_at
                            })?;
                        let fits = matches!(
                            (parent.level, level),
                            (UnitLevel::Province, UnitLevel::City)
                                | (UnitLevel::City, UnitLevel::County)
                                | (UnitLevel::County, UnitLevel::Station | UnitLevel::Division)
                                | (UnitLevel::City, UnitLevel::Division)
                                | (UnitLevel::Province, UnitLevel::Division)
                        );
                        if !fits {
                            return Err(DomainError::invalid(
                                "level",
                                format!(
                                    "{}不能隶属于{} (a {} cannot be under a {})",
                                    level.label(),
                                    parent.level.label(),
                                    level.as_str(),
                                    parent.level.as_str()
                                ),
                            ));
                        }
                    }
                }
            }
            OfficerDefined(p) => {
                if self.officers.contains_key(&p.id) {
                    return Err(duplicate("民警", &p.id));
                }
                referenced(&self.units, &p.unit, at, "unit", "单位", |u| u.defined_at)?;
            }
            OfficerChanged(p) => {
                subject(&self.officers, &p.id, at, "民警", |o| o.defined_at)?;
                if let Some(unit) = &p.unit {
                    referenced(&self.units, unit, at, "unit", "单位", |u| u.defined_at)?;
                }
            }
            AccountCreated(p) => {
                subject(&self.officers, &p.id, at, "民警", |o| o.defined_at)?;
            }
            AccountPasswordSet(p) => {
                subject(&self.officers, &p.id, at, "民警", |o| o.defined_at)?;
            }
            AccountDisabled(p) => {
                subject(&self.officers, &p.id, at, "民警", |o| o.defined_at)?;
            }
            CalendarDay(_) => {}
            ThresholdSet(p) => {
                subject(&self.units, &p.unit, at, "单位", |u| u.defined_at)?;
                if p.key.trim().is_empty() || p.key.len() > 64 {
                    return Err(DomainError::invalid(
                        "key",
                        "阈值名称无效 (bad threshold key)",
                    ));
                }
                if p.value == 0 {
                    return Err(DomainError::invalid(
                        "value",
                        "阈值须为正整数 (a threshold is a positive number)",
                    ));
                }
            }
            IncidentReceived(p) => {
                if self.incidents.contains_key(&p.id) {
                    return Err(duplicate("警情", &p.id));
                }
                referenced(&self.units, &p.unit, at, "unit", "单位", |u| u.defined_at)?;
            }
            IncidentDispatched(p) => {
                let incident = subject(&self.incidents, &p.id, at, "警情", |i| i.received_at)?;
                once(
                    &incident.disposed_at,
                    "警情已处置，不能再派警",
                    "the incident is already disposed",
                )?;
                self.check_officers(&p.officers, at)?;
            }
            IncidentArrived(p) => {
                let incident = subject(&self.incidents, &p.id, at, "警情", |i| i.received_at)?;
                once(
                    &incident.arrived_at,
                    "已登记到达现场，不能重复登记",
                    "arrival is already recorded",
                )?;
                once(
                    &incident.disposed_at,
                    "警情已处置，不能再登记到场",
                    "the incident is already disposed",
                )?;
            }
            IncidentDisposed(p) => {
                let incident = subject(&self.incidents, &p.id, at, "警情", |i| i.received_at)?;
                once(
                    &incident.disposed_at,
                    "警情已处置，不能重复处置",
                    "the incident is already disposed",
                )?;
                match (&p.result, &p.case) {
                    (DisposalResult::CaseAccepted, None) => {
                        return Err(DomainError::invalid(
                            "case",
                            "处置结果为受案时必须填写案件编号 (case_accepted needs `case`)",
                        ));
                    }
                    (_, Some(case)) => {
                        referenced(&self.cases, case, at, "case", "案件", |c| c.accepted_at)?;
                    }
                    _ => {}
                }
            }
            IncidentRecategorized(p) => {
                subject(&self.incidents, &p.id, at, "警情", |i| i.received_at)?;
            }
            IncidentVideoLinked(p) => {
                subject(&self.incidents, &p.id, at, "警情", |i| i.received_at)?;
            }
            IncidentReceiptIssued(p) => {
                let incident = subject(&self.incidents, &p.id, at, "警情", |i| i.received_at)?;
                once(
                    &incident.extras().receipt_issued_at,
                    "已出具接报案回执",
                    "the receipt is already issued",
                )?;
            }
            IncidentEvidenceReceived(p) => {
                subject(&self.incidents, &p.id, at, "警情", |i| i.received_at)?;
            }
            IncidentJurisdictionFound(p) => {
                let incident = subject(&self.incidents, &p.id, at, "警情", |i| i.received_at)?;
                once(
                    &incident.extras().jurisdiction,
                    "已作出管辖审查结论",
                    "the jurisdiction is already found",
                )?;
                once(
                    &incident.disposed_at,
                    "警情已处置，不能再作管辖审查",
                    "the incident is already disposed",
                )?;
            }
            IncidentReporterTold(p) => {
                let incident = subject(&self.incidents, &p.id, at, "警情", |i| i.received_at)?;
                if incident.extras().jurisdiction.is_none() {
                    return Err(refused(
                        "尚无管辖审查结论，无须告知报案人",
                        "no jurisdiction finding to tell the reporter of",
                    ));
                }
            }
            CaseAccepted(p) => {
                if self.cases.contains_key(&p.id) {
                    return Err(duplicate("案件", &p.id));
                }
                referenced(&self.units, &p.unit, at, "unit", "单位", |u| u.defined_at)?;
                if let Some(incident) = &p.incident {
                    referenced(&self.incidents, incident, at, "incident", "警情", |i| {
                        i.received_at
                    })?;
                }
                if p.committed_at.is_some_and(|c| c > at) {
                    return Err(DomainError::new(
                        ErrorCode::Invalid,
                        "违法犯罪行为发生时间晚于受案时间",
                        "`committed_at` is after the acceptance",
                    )
                    .at_field("committed_at"));
                }
                if p.from_agency && p.kind != CaseKind::Criminal {
                    return Err(DomainError::invalid(
                        "from_agency",
                        "行政执法机关移送的涉嫌犯罪案件按刑事案件受理 (a case transferred by an administrative agency is criminal)",
                    ));
                }
                if p.other_administrative && p.kind != CaseKind::Administrative {
                    return Err(DomainError::invalid(
                        "other_administrative",
                        "只有行政案件才能标注为非治安行政案件 (only an administrative case can be another administrative case)",
                    ));
                }
            }
            body if body.kind().element() == ElementKind::Warning => {
                self.check_warning(body, at)?
            }
            body => self.check_rest(body, at)?,
        }
        Ok(())
    }

    fn check_officers(&self, officers: &[OfficerId], at: At) -> Result<(), DomainError> {
        for officer in officers {
            referenced(&self.officers, officer, at, "officers", "民警", |o| {
                o.defined_at
            })?;
        }
        Ok(())
    }

    fn check_case_open(&self, id: &CaseId, at: At) -> Result<&Case, DomainError> {
        let case = subject(&self.cases, id, at, "案件", |c| c.accepted_at)?;
        once(
            &case.archived_at,
            "案件已归档，不能再变更",
            "the case is archived",
        )?;
        Ok(case)
    }

    /// The officer who approved an extension, an approval afterwards or a recalculation.
    fn check_approver(&self, officer: &OfficerId, at: At) -> Result<(), DomainError> {
        referenced(
            &self.officers,
            officer,
            at,
            "approved_by",
            "审批人",
            |o| o.defined_at,
        )?;
        Ok(())
    }

    /// A case transferred by an administrative agency (XS-03).
    fn check_agency_case(&self, id: &CaseId, at: At) -> Result<&Case, DomainError> {
        let case = self.check_case_open(id, at)?;
        if !case.from_agency {
            return Err(refused(
                "该案件不是行政执法机关移送的案件",
                "the case was not transferred by an administrative agency",
            ));
        }
        Ok(case)
    }

    /// A fact about a person on a case: the case open, the person known (in that order, so
    /// that a sibling's person and a missing one are refused alike).
    fn check_case_person(
        &self,
        case: &CaseId,
        person: &PersonId,
        at: At,
    ) -> Result<&Case, DomainError> {
        let case = self.check_case_open(case, at)?;
        referenced(&self.persons, person, at, "person", "人员", |x| {
            x.registered_at
        })?;
        Ok(case)
    }

    fn check_rest(&self, body: &FactBody, at: At) -> Result<(), DomainError> {
        use FactBody::*;
        match body {
            CaseFilingExtended(p) => {
                let case = self.check_case_open(&p.id, at)?;
                if case.kind != CaseKind::Criminal {
                    return Err(refused(
                        "只有刑事案件有立案审查期限",
                        "only criminal cases have a filing review",
                    ));
                }
                once(
                    &case.filed_at.or(case.not_filed_at),
                    "已作出立案决定，不能再延长审查期限",
                    "filing is already decided",
                )?;
                self.check_approver(&p.approved_by, at)?;
                positive_days(p.days)?;
            }
            CaseFiled(p) => {
                let case = self.check_case_open(&p.id, at)?;
                once(
                    &case.filed_at,
                    "案件已立案，不能重复立案",
                    "the case is already filed",
                )?;
                once(
                    &case.closed_at,
                    "案件已结案，不能立案",
                    "the case is closed",
                )?;
            }
            CaseNotFiled(p) => {
                let case = self.check_case_open(&p.id, at)?;
                once(
                    &case.filed_at,
                    "案件已立案，不能再作出不予立案决定",
                    "the case is already filed",
                )?;
                once(
                    &case.not_filed_at,
                    "已作出不予立案决定",
                    "not filing is already decided",
                )?;
            }
            CaseFastTrack(p) => {
                let case = self.check_case_open(&p.id, at)?;
                once(
                    &case.fast_track_at,
                    "案件已适用快速办理",
                    "the case is already fast-tracked",
                )?;
                once(
                    &case.decision,
                    "案件已作出决定",
                    "the case is already decided",
                )?;
            }
            CaseAct(p) => {
                self.check_case_open(&p.id, at)?;
            }
            CaseTechnicalInvestigation(p) => {
                let case = self.check_case_open(&p.id, at)?;
                if case.kind != CaseKind::Criminal || case.filed_at.is_none() {
                    return Err(refused(
                        "技术侦查措施只能在刑事案件立案后采取",
                        "technical investigation follows the filing of a criminal case",
                    ));
                }
                let measure = p.measure.trim();
                if measure.is_empty() || measure.len() > 64 || measure != p.measure {
                    return Err(DomainError::invalid(
                        "measure",
                        "须填写措施编号（不超过64字节，首尾无空格） (a number of at most 64 bytes)",
                    ));
                }
                let known = case
                    .extras()
                    .technical_investigations
                    .iter()
                    .find(|t| t.measure == p.measure);
                match (p.step, known) {
                    (TechStep::Approved, Some(_)) => {
                        return Err(duplicate("技术侦查措施", &p.measure));
                    }
                    (TechStep::Approved, None) => {}
                    (_, None) => {
                        return Err(DomainError::new(
                            ErrorCode::UnknownReference,
                            format!("技术侦查措施“{}”未经批准登记", p.measure),
                            format!("technical investigation `{}` was never approved", p.measure),
                        )
                        .at_field("measure"));
                    }
                    (_, Some(t)) => once(
                        &t.ended_at,
                        "技术侦查措施已解除",
                        "the technical investigation has ended",
                    )?,
                }
            }
            CaseIdentification(p) => {
                self.check_case_person(&p.id, &p.identifier, at)?;
                if p.lineup == 0 {
                    return Err(DomainError::invalid(
                        "lineup",
                        "辨认对象的数量至少为1 (at least the one to identify)",
                    ));
                }
                if p.officers.is_empty() {
                    return Err(DomainError::invalid(
                        "officers",
                        "须填写主持辨认的侦查人员 (the officers who led it)",
                    ));
                }
                self.check_officers(&p.officers, at)?;
            }
            CaseCompletionRequested(p) => {
                let case = self.check_agency_case(&p.id, at)?;
                once(
                    &case.extras().completion_requested_at,
                    "已通知补正材料",
                    "completion is already requested",
                )?;
                once(
                    &case.filed_at.or(case.not_filed_at),
                    "已作出立案决定",
                    "filing is already decided",
                )?;
            }
            CaseReconsiderationRequested(p) => {
                let case = self.check_agency_case(&p.id, at)?;
                if case.not_filed_at.is_none() || case.filed_at.is_some() {
                    return Err(refused(
                        "未作出不予立案决定，移送机关不能申请复议",
                        "the case was not refused filing",
                    ));
                }
                once(
                    &case.extras().reconsideration,
                    "移送机关已申请复议",
                    "reconsideration is already requested",
                )?;
            }
            CaseReconsiderationDecided(p) => {
                let case = self.check_agency_case(&p.id, at)?;
                if case
                    .extras()
                    .reconsideration
                    .as_ref()
                    .is_none_or(|r| r.decided_at.is_some())
                {
                    return Err(refused(
                        "没有待决定的复议申请",
                        "no request for reconsideration waits for a decision",
                    ));
                }
            }
            CaseJurisdictionFound(p) => {
                let case = self.check_case_open(&p.id, at)?;
                once(
                    &case.extras().jurisdiction_found_at,
                    "已登记不属本单位管辖",
                    "already found outside the unit's jurisdiction",
                )?;
                once(&case.closed_at, "案件已结案", "the case is closed")?;
            }
            CaseTransferred(p) => {
                let case = self.check_case_open(&p.id, at)?;
                once(&case.closed_at, "案件已结案或已移送", "the case is closed")?;
                if case.decision.is_some() || case.dropped_at.is_some() {
                    return Err(refused(
                        "案件已作出处理决定或已撤销，不能移送管辖",
                        "the case is decided or dropped",
                    ));
                }
                referenced(&self.units, &p.to_unit, at, "to_unit", "单位", |u| {
                    u.defined_at
                })?;
                if p.to_unit == case.unit {
                    return Err(DomainError::invalid(
                        "to_unit",
                        "不能移送本单位 (a case is transferred to another unit)",
                    ));
                }
            }
            CaseMediationBarred(p) => {
                let case = self.check_case_open(&p.id, at)?;
                if case.kind != CaseKind::Administrative {
                    return Err(refused(
                        "只有治安案件可以调解",
                        "only administrative cases are mediated",
                    ));
                }
                if case
                    .extras()
                    .mediation_bars
                    .iter()
                    .any(|(_, r)| *r == p.reason)
                {
                    return Err(refused(
                        format!("已登记“{}”", p.reason.label()),
                        "this situation is already recorded",
                    ));
                }
            }
            CasePublicized(p) => {
                self.check_case_open(&p.id, at)?;
                for person in &p.identified {
                    referenced(&self.persons, person, at, "identified", "人员", |x| {
                        x.registered_at
                    })?;
                }
            }
            CaseEnforcement(p) => {
                let case = self.check_case_person(&p.id, &p.person, at)?;
                let penalised = case.kind == CaseKind::Administrative
                    && case.decision.as_ref().is_some_and(|d| {
                        d.decision == DecisionKind::Penalty
                            && d.penalties.iter().any(|x| x.person == p.person)
                    });
                if !penalised {
                    return Err(refused(
                        "本案未对该人作出行政处罚决定，无须强制执行",
                        "the case's administrative decision penalises no such person",
                    ));
                }
                let record = case
                    .extras()
                    .enforcements
                    .iter()
                    .find(|e| e.person == p.person);
                if record.and_then(|e| e.step(p.step)).is_some() {
                    return Err(refused(
                        format!("已登记{}", p.step.label()),
                        format!("{} is already recorded", p.step.as_str()),
                    ));
                }
                let done = record.and_then(|e| {
                    e.complied_at
                        .map(|_| "当事人已履行")
                        .or(e.court_applied_at.map(|_| "已申请人民法院强制执行"))
                });
                if let (Some(done), false) = (done, p.step == EnforcementStep::Contested) {
                    return Err(refused(
                        done,
                        "the decision is complied with or before the court",
                    ));
                }
            }
            CaseFineCash(p) => {
                let case = self.check_case_person(&p.id, &p.person, at)?;
                let pending = case
                    .extras()
                    .fine_cash
                    .iter()
                    .rev()
                    .find(|c| c.person == p.person);
                if (p.step == CashStep::Collected) != p.amount_yuan.is_some() {
                    return Err(DomainError::invalid(
                        "amount_yuan",
                        "当场收缴时填写金额，上交、缴付银行时不填 (the amount goes with the collection only)",
                    ));
                }
                match p.step {
                    CashStep::Collected => {
                        let fined = case.decision.as_ref().is_some_and(|d| {
                            d.penalties
                                .iter()
                                .any(|x| x.person == p.person && x.kind == PenaltyKind::Fine)
                        });
                        if !fined {
                            return Err(refused(
                                "本案未决定对该人罚款，不能收缴罚款",
                                "the case decided no fine for this person",
                            ));
                        }
                        if p.amount_yuan.is_some_and(|a| !(a.is_finite() && a > 0.0)) {
                            return Err(DomainError::invalid(
                                "amount_yuan",
                                "金额须为正数 (a positive amount)",
                            ));
                        }
                        if pending.is_some_and(|c| c.deposited_at.is_none()) {
                            return Err(refused(
                                "该人上一笔当场收缴的罚款尚未缴付银行",
                                "this person's last cash fine is not yet deposited",
                            ));
                        }
                    }
                    CashStep::HandedOver => {
                        if pending.is_none_or(|c| c.handed_over_at.is_some()) {
                            return Err(refused(
                                "该人没有待上交的当场收缴罚款",
                                "no cash fine of this person waits to be handed over",
                            ));
                        }
                    }
                    CashStep::Deposited => {
                        if !pending
                            .is_some_and(|c| c.handed_over_at.is_some() && c.deposited_at.is_none())
                        {
                            return Err(refused(
                                "该人没有已上交待缴付银行的罚款",
                                "no cash fine of this person waits to be deposited",
                            ));
                        }
                    }
                }
            }
            CaseHearingRequested(p) => {
                let case = self.check_case_person(&p.id, &p.person, at)?;
                if case.kind != CaseKind::Administrative {
                    return Err(refused(
                        "听证只适用于行政案件",
                        "hearings are for administrative cases",
                    ));
                }
                once(
                    &case.decision,
                    "案件已作出决定",
                    "the case is already decided",
                )?;
                if case.extras().hearing_pending(&p.person) {
                    return Err(refused(
                        "该人的听证申请尚未举行听证",
                        "this person's hearing is still to be held",
                    ));
                }
            }
            CaseHearingHeld(p) => {
                let case = self.check_case_person(&p.id, &p.person, at)?;
                if !case.extras().hearing_pending(&p.person) {
                    return Err(refused(
                        "该人没有待举行的听证申请",
                        "this person has no hearing to be held",
                    ));
                }
            }
            CaseDeferralRequested(p) => {
                let case = self.check_case_person(&p.id, &p.person, at)?;
                let detained = case.decision.as_ref().is_some_and(|d| {
                    d.penalties
                        .iter()
                        .any(|x| x.person == p.person && x.kind == PenaltyKind::Detention)
                });
                if !detained {
                    return Err(refused(
                        "本案未决定对该人行政拘留，不能申请暂缓执行",
                        "the case decided no detention for this person",
                    ));
                }
                if case.extras().deferral_pending(&p.person) {
                    return Err(refused(
                        "该人的暂缓执行申请尚未决定",
                        "this person's application is not yet decided",
                    ));
                }
            }
            CaseDeferralDecided(p) => {
                let case = self.check_case_person(&p.id, &p.person, at)?;
                if !case.extras().deferral_pending(&p.person) {
                    return Err(refused(
                        "该人没有待决定的暂缓执行申请",
                        "this person has no application to decide",
                    ));
                }
                if !p.granted && (p.bond_yuan.is_some() || p.guarantor.is_some()) {
                    return Err(DomainError::invalid(
                        if p.bond_yuan.is_some() {
                            "bond_yuan"
                        } else {
                            "guarantor"
                        },
                        "不准许暂缓执行的，不收取保证金、不要求担保人 (only a deferral granted takes a bond or guarantor)",
                    ));
                }
                if p.bond_yuan.is_some_and(|b| !(b.is_finite() && b > 0.0)) {
                    return Err(DomainError::invalid(
                        "bond_yuan",
                        "保证金须为正数 (a positive amount)",
                    ));
                }
                if p.guarantor.as_deref().is_some_and(|g| g.trim().is_empty()) {
                    return Err(DomainError::invalid("guarantor", "担保人不能为空 (empty)"));
                }
            }
            CasePersonSearched(p) => {
                self.check_case_person(&p.id, &p.person, at)?;
                if p.officers.is_empty() {
                    return Err(DomainError::invalid(
                        "officers",
                        "须填写执行的工作人员 (name who did it)",
                    ));
                }
                self.check_officers(&p.officers, at)?;
                if p.doctor && p.kind != BodyCheckKind::Examination {
                    return Err(DomainError::invalid(
                        "doctor",
                        "只有人身检查可由医师进行 (only an examination is done by a doctor)",
                    ));
                }
            }
            CaseInjuryAssessed(p) => {
                self.check_case_person(&p.id, &p.person, at)?;
            }
            CasePriorNoticeGiven(p) => {
                self.check_case_person(&p.id, &p.person, at)?;
            }
            CaseReviewPassed(p) => {
                self.check_case_open(&p.id, at)?;
                referenced(
                    &self.officers,
                    &p.reviewer,
                    at,
                    "reviewer",
                    "审核人",
                    |o| o.defined_at,
                )?;
            }
            CaseReviewReturned(p) => {
                self.check_case_open(&p.id, at)?;
                referenced(
                    &self.officers,
                    &p.reviewer,
                    at,
                    "reviewer",
                    "审核人",
                    |o| o.defined_at,
                )?;
            }
            CaseLimitExtended(p) => {
                let case = self.check_case_open(&p.id, at)?;
                once(
                    &case.decision,
                    "案件已作出决定，不能延长办案期限",
                    "the case is already decided",
                )?;
                referenced(
                    &self.units,
                    &p.approved_by_unit,
                    at,
                    "approved_by_unit",
                    "批准单位",
                    |u| u.defined_at,
                )?;
                positive_days(p.days)?;
            }
            CaseDecided(p) => {
                let case = self.check_case_open(&p.id, at)?;
                once(
                    &case.decision,
                    "案件已作出决定，更正须使用新的事实",
                    "the case is already decided",
                )?;
                once(&case.closed_at, "案件已结案", "the case is closed")?;
                referenced(
                    &self.units,
                    &p.decided_by_unit,
                    at,
                    "decided_by_unit",
                    "决定单位",
                    |u| u.defined_at,
                )?;
                for penalty in &p.penalties {
                    referenced(
                        &self.persons,
                        &penalty.person,
                        at,
                        "penalties.person",
                        "被处罚人",
                        |x| x.registered_at,
                    )?;
                }
            }
            CaseDropped(p) => {
                let case = self.check_case_open(&p.id, at)?;
                once(
                    &case.dropped_at,
                    "案件已撤销",
                    "the case is already dropped",
                )?;
                once(
                    &case.closed_at,
                    "案件已结案，不能撤销",
                    "the case is closed",
                )?;
            }
            CaseSentForProsecution(p) => {
                let case = self.check_case_open(&p.id, at)?;
                if case.kind != CaseKind::Criminal {
                    return Err(refused(
                        "只有刑事案件可以移送审查起诉",
                        "only criminal cases are sent for prosecution",
                    ));
                }
                // Sent once, and again after each return for supplementary investigation.
                if case.with_procuratorate() {
                    return Err(refused(
                        "案件已移送审查起诉（退回补充侦查后方可再次移送）",
                        "the case is already sent (it may be sent again after a return for supplementary investigation)",
                    ));
                }
                once(
                    &case.dropped_at,
                    "案件已撤销，不能移送起诉",
                    "the case is dropped",
                )?;
            }
            CaseProcuratorateNotice(p) => {
                let case = self.check_case_open(&p.id, at)?;
                if case.kind != CaseKind::Criminal {
                    return Err(refused(
                        "检察机关的通知只针对刑事案件",
                        "procuratorate notices concern criminal cases only",
                    ));
                }
                let names_measure = matches!(
                    p.notice,
                    ProcuratorateNoticeKind::ArrestRefused
                        | ProcuratorateNoticeKind::ReleaseRecommended
                );
                if p.measure.is_some() && !names_measure {
                    return Err(DomainError::new(
                        ErrorCode::Invalid,
                        "只有不批准逮捕、建议释放或变更强制措施的通知注明措施编号",
                        "`measure` is for `arrest_refused` and `release_recommended` only",
                    )
                    .at_field("measure"));
                }
                match p.notice {
                    ProcuratorateNoticeKind::SupplementaryInvestigation => {
                        if !case.with_procuratorate() {
                            return Err(refused(
                                "案件未在检察机关审查起诉中，不能退回补充侦查",
                                "the case is not with the procuratorate",
                            ));
                        }
                    }
                    ProcuratorateNoticeKind::NotProsecuted => {
                        if !case.with_procuratorate() {
                            return Err(refused(
                                "案件未在检察机关审查起诉中，不能登记不起诉决定",
                                "the case is not with the procuratorate",
                            ));
                        }
                    }
                    ProcuratorateNoticeKind::ArrestRefused => {
                        let measure = self.named_measure(
                            p.measure.as_ref(),
                            at,
                            "不批准逮捕须注明提请逮捕的刑事拘留措施编号",
                            "`measure` is required: the criminal detention whose arrest was requested",
                        )?;
                        if measure.case != case.id || measure.arrest_requested_at.is_none() {
                            return Err(refused(
                                "该措施不是本案已提请批准逮捕的刑事拘留",
                                "the measure is not a criminal detention of this case whose arrest was requested",
                            ));
                        }
                    }
                    ProcuratorateNoticeKind::ReleaseRecommended => {
                        let measure = self.named_measure(
                            p.measure.as_ref(),
                            at,
                            "建议释放或变更强制措施须注明措施编号",
                            "`measure` is required: the detention or arrest to end",
                        )?;
                        let held = measure.kind.is_criminal_custody();
                        if measure.case != case.id || !held {
                            return Err(refused(
                                "该措施不是本案的刑事拘留或逮捕",
                                "the measure is not a criminal detention or arrest of this case",
                            ));
                        }
                    }
                    ProcuratorateNoticeKind::ExplainNotFiling
                    | ProcuratorateNoticeKind::FileCase => once(
                        &case.filed_at,
                        "案件已立案，检察机关不再要求说明不立案理由或通知立案",
                        "the case is already filed",
                    )?,
                }
                // A notice about a measure still counts on a closed case: the person may still
                // be held (RQ-11), and what the procuratorate decided must be recorded.
                if !names_measure {
                    once(&case.closed_at, "案件已结案", "the case is closed")?;
                }
            }
            CaseClosed(p) => {
                let case = self.check_case_open(&p.id, at)?;
                once(&case.closed_at, "案件已结案", "the case is already closed")?;
            }
            CaseArchived(p) => {
                let case = self.check_case_open(&p.id, at)?;
                if case.closed_at.is_none() {
                    return Err(refused(
                        "案件未结案，不能归档",
                        "the case is not closed, it cannot be archived",
                    ));
                }
            }
            PersonRegistered(p) => {
                if self.persons.contains_key(&p.id) {
                    return Err(duplicate("人员", &p.id));
                }
                if let Some(unit) = &p.unit {
                    referenced(&self.units, unit, at, "unit", "单位", |u| u.defined_at)?;
                }
                if let Some(code) = &p.nationality
                    && !(matches!(code.len(), 2 | 3)
                        && code.bytes().all(|b| b.is_ascii_uppercase()))
                {
                    return Err(DomainError::invalid(
                        "nationality",
                        format!(
                            "“{code}”不是ISO 3166-1国家代码，如 US、VNM (not an ISO 3166-1 code)"
                        ),
                    ));
                }
                if let Some(number) = &p.id_number {
                    if let Some(birth) = p.birth_date
                        && birth != number.birth_date()
                    {
                        return Err(DomainError::invalid(
                            "birth_date",
                            format!(
                                "与身份证号码中的出生日期{}不一致 (differs from the ID number)",
                                number.birth_date()
                            ),
                        ));
                    }
                    if let Some(gender) = p.gender
                        && gender != number.gender()
                    {
                        return Err(DomainError::invalid(
                            "gender",
                            "与身份证号码中的性别不一致 (differs from the ID number)",
                        ));
                    }
                } else if p.gender.is_none() {
                    return Err(DomainError::invalid(
                        "gender",
                        "无身份证号码时必须填写性别 (gender is required without an ID number)",
                    ));
                }
            }
            PersonLinked(p) => {
                let person = subject(&self.persons, &p.id, at, "人员", |x| x.registered_at)?;
                referenced(&self.cases, &p.case, at, "case", "案件", |c| {
                    c.accepted_at
                })?;
                if person
                    .links
                    .iter()
                    .any(|l| l.case == p.case && l.role == p.role)
                {
                    return Err(refused(
                        format!("人员已以“{}”身份关联该案件", p.role.label()),
                        "the person is already linked to the case in this role",
                    ));
                }
            }
            LegalAidNotified(p) => self.check_legal_aid(&p.person, &p.case, at)?,
            LegalAidRequested(p) => self.check_legal_aid(&p.person, &p.case, at)?,
            MeasureStarted(p) => {
                if self.measures.contains_key(&p.id) {
                    return Err(duplicate("强制措施", &p.id));
                }
                referenced(&self.persons, &p.person, at, "person", "人员", |x| {
                    x.registered_at
                })?;
                referenced(&self.cases, &p.case, at, "case", "案件", |c| {
                    c.accepted_at
                })?;
            }
            MeasureExtended(p) => {
                let measure = self.check_measure_active(&p.id, at)?;
                if measure.kind == MeasureKind::Restraint {
                    return Err(refused(
                        "约束至酒醒或危险消除为止，不能延长",
                        "a restraint is not extended",
                    ));
                }
                self.check_approver(&p.approved_by, at)?;
                match (measure.kind.counts_hours(), p.hours, p.days) {
                    (true, Some(hours), None) if hours > 0 => {}
                    (false, None, Some(days)) if days > 0 => {}
                    (true, _, _) => {
                        return Err(DomainError::invalid(
                            "hours",
                            format!(
                                "{}以小时计，须填写 hours (limit is in hours)",
                                measure.kind.label()
                            ),
                        ));
                    }
                    (false, _, _) => {
                        return Err(DomainError::invalid(
                            "days",
                            format!(
                                "{}以日计，须填写 days (limit is in days)",
                                measure.kind.label()
                            ),
                        ));
                    }
                }
            }
            MeasureFamilyNotified(p) => {
                let measure = subject(&self.measures, &p.id, at, "强制措施", |m| m.started_at)?;
                once(
                    &measure.family,
                    "已登记家属通知情况",
                    "family notification is already recorded",
                )?;
            }
            MeasureFamilyNotNotified(p) => {
                let measure = subject(&self.measures, &p.id, at, "强制措施", |m| m.started_at)?;
                once(
                    &measure.family,
                    "已登记家属通知情况",
                    "family notification is already recorded",
                )?;
            }
            MeasureDelivered(p) => {
                let measure = self.check_measure_active(&p.id, at)?;
                if !measure.kind.is_detention() {
                    return Err(refused(
                        format!("{}不涉及送押", measure.kind.label()),
                        "only detention measures are delivered",
                    ));
                }
                once(&measure.delivered, "已送押", "already delivered")?;
                if (measure.kind == MeasureKind::CompulsoryRehab)
                    != (p.facility == Facility::RehabCenter)
                {
                    return Err(DomainError::invalid(
                        "facility",
                        "强制隔离戒毒送强制隔离戒毒所执行，其他措施不送强制隔离戒毒所 (a rehabilitation center holds compulsory rehabilitation only)",
                    ));
                }
            }
            MeasureArrestRequested(p) => {
                let measure = self.check_measure_active(&p.id, at)?;
                if measure.kind != MeasureKind::CriminalDetention {
                    return Err(refused(
                        "只有刑事拘留可以提请批准逮捕",
                        "only a criminal detention leads to an arrest request",
                    ));
                }
                once(
                    &measure.arrest_requested_at,
                    "已提请批准逮捕",
                    "arrest already requested",
                )?;
            }
            MeasureEnded(p) => {
                self.check_measure_active(&p.id, at)?;
            }
            MeasureChangeRequested(p) => {
                self.check_measure_active(&p.id, at)?;
            }
            MeasureApproved(p) => {
                // Approved afterwards, even once it ended: a restraint lasts until the person
                // is sober, and the approval may follow.
                let measure = subject(&self.measures, &p.id, at, "强制措施", |m| m.started_at)?;
                if measure.kind != MeasureKind::Restraint {
                    return Err(refused(
                        "只有当场采取的约束须补办审批",
                        "only a restraint taken on the spot is approved afterwards",
                    ));
                }
                once(&measure.approved_at, "已补办审批", "already approved")?;
                self.check_approver(&p.approved_by, at)?;
            }
            MeasureCustodyRecalculated(p) => {
                let measure = self.check_measure_active(&p.id, at)?;
                if measure.kind != MeasureKind::Arrest {
                    return Err(refused(
                        "只有逮捕后的侦查羁押期限可以重新计算",
                        "only an arrest's custody period is recalculated",
                    ));
                }
                self.check_approver(&p.approved_by, at)?;
                let unknown = measure
                    .recalculations()
                    .last()
                    .is_some_and(|r| r.reason == RecalculationReason::IdentityUnknown);
                match (p.reason, p.from) {
                    (RecalculationReason::IdentityUnknown, Some(_)) => {
                        return Err(DomainError::invalid(
                            "from",
                            "身份不明的，羁押期限自查清身份之日起计算，此时不填 from (no day while the identity is unknown)",
                        ));
                    }
                    (RecalculationReason::IdentityUnknown, None) if unknown => {
                        return Err(refused(
                            "已批准自查清身份之日起计算羁押期限",
                            "the period already waits for the identity",
                        ));
                    }
                    (RecalculationReason::IdentityUnknown, None) => {}
                    (_, None) => {
                        return Err(DomainError::invalid(
                            "from",
                            "须填写重新计算的起算时间：发现另有重要罪行或查清身份的时间 (the day the period runs from)",
                        ));
                    }
                    (reason, Some(from)) => {
                        if from > at || from < measure.started_at {
                            return Err(DomainError::new(
                                ErrorCode::Invalid,
                                "起算时间须在逮捕之后、批准之前",
                                "`from` must fall between the arrest and the approval",
                            )
                            .at_field("from"));
                        }
                        if (reason == RecalculationReason::IdentityEstablished) != unknown {
                            return Err(refused(
                                if unknown {
                                    "羁押期限待查清身份后计算，应登记查清身份"
                                } else {
                                    "未批准身份不明自查清之日起计算，不能登记查清身份"
                                },
                                if unknown {
                                    "the identity is unknown: record the day it was established"
                                } else {
                                    "no approval waits for the identity to be established"
                                },
                            ));
                        }
                    }
                }
            }
            CustodyEntered(p) => {
                if self.stays.contains_key(&p.id) {
                    return Err(duplicate("在区记录", &p.id));
                }
                referenced(&self.persons, &p.person, at, "person", "人员", |x| {
                    x.registered_at
                })?;
                referenced(
                    &self.units,
                    &p.center,
                    at,
                    "center",
                    "办案中心所属单位",
                    |u| u.defined_at,
                )?;
                if let Some(case) = &p.case {
                    referenced(&self.cases, case, at, "case", "案件", |c| c.accepted_at)?;
                }
                if let Some(basis) = &p.basis {
                    referenced(&self.measures, basis, at, "basis", "强制措施", |m| {
                        m.started_at
                    })?;
                }
                if let Some(open) = self.open_stays.get(&p.person) {
                    return Err(refused(
                        format!("该人员仍在办案中心（在区记录{open}），须先登记离开"),
                        format!("the person is still in the center (stay {open})"),
                    ));
                }
            }
            CustodySecurityChecked(p) => {
                let stay = self.check_stay_open(&p.id, at)?;
                once(
                    &stay.security_checked_at,
                    "已登记人身安全检查",
                    "security check already recorded",
                )?;
                self.check_officers(&p.officers, at)?;
            }
            CustodyInfoCollected(p) => {
                let stay = self.check_stay_open(&p.id, at)?;
                once(
                    &stay.info_collected_at,
                    "已登记信息采集",
                    "information collection already recorded",
                )?;
            }
            CustodyMeal(p) => {
                self.check_stay_open(&p.id, at)?;
            }
            CustodyIncident(p) => {
                let stay = self.check_stay_open(&p.id, at)?;
                if stay
                    .incidents
                    .iter()
                    .any(|i| i.kind == StayIncidentKind::Death)
                {
                    return Err(refused(
                        "已登记该人员死亡",
                        "the person's death is already recorded",
                    ));
                }
            }
            CustodyIncidentReported(p) => {
                let stay = subject(&self.stays, &p.id, at, "在区记录", |s| s.entered_at)?;
                if stay.incidents.iter().all(|i| i.reported_at.is_some()) {
                    return Err(refused(
                        "没有待报告的在区突发事件",
                        "no incident of this stay is waiting to be reported",
                    ));
                }
            }
            CustodyDeathAppraisalCommissioned(p) => {
                let stay = subject(&self.stays, &p.id, at, "在区记录", |s| s.entered_at)?;
                let death = stay
                    .incidents
                    .iter()
                    .find(|i| i.kind == StayIncidentKind::Death);
                match death {
                    None => {
                        return Err(refused(
                            "未登记在区人员死亡，不能委托死因鉴定",
                            "no death is recorded on this stay",
                        ));
                    }
                    Some(d) => once(
                        &d.appraisal_commissioned_at,
                        "已委托死因鉴定",
                        "the appraisal is already commissioned",
                    )?,
                }
            }
            CustodyPlaced(p) => {
                self.check_stay_open(&p.id, at)?;
            }
            CustodyExited(p) => {
                self.check_stay_open(&p.id, at)?;
                if let Some(document) = &p.document {
                    referenced(&self.documents, document, at, "document", "文书", |d| {
                        d.issued_at
                    })?;
                }
            }
            InterrogationHeld(p) => {
                if self.interrogations.contains_key(&p.id) {
                    return Err(duplicate("讯询问", &p.id));
                }
                referenced(&self.persons, &p.person, at, "person", "人员", |x| {
                    x.registered_at
                })?;
                referenced(&self.cases, &p.case, at, "case", "案件", |c| {
                    c.accepted_at
                })?;
                if let Some(stay) = &p.stay {
                    referenced(&self.stays, stay, at, "stay", "在区记录", |s| {
                        s.entered_at
                    })?;
                }
                self.check_officers(&p.officers, at)?;
                if p.end <= at {
                    return Err(DomainError::invalid(
                        "end",
                        "结束时间应晚于开始时间 (end must be after the start)",
                    ));
                }
            }
            PropertySeized(p) => {
                if self.properties.contains_key(&p.id) {
                    return Err(duplicate("涉案财物", &p.id));
                }
                referenced(&self.cases, &p.case, at, "case", "案件", |c| {
                    c.accepted_at
                })?;
                referenced(
                    &self.officers,
                    &p.seized_by,
                    at,
                    "seized_by",
                    "扣押民警",
                    |o| o.defined_at,
                )?;
                if !(p.quantity.is_finite() && p.quantity > 0.0) {
                    return Err(DomainError::invalid(
                        "quantity",
                        "数量应为正数 (quantity must be positive)",
                    ));
                }
                if !(p.value_yuan.is_finite() && p.value_yuan >= 0.0) {
                    return Err(DomainError::invalid(
                        "value_yuan",
                        "价值不能为负数 (value cannot be negative)",
                    ));
                }
            }
            PropertyStored(p) => {
                let item = self.check_property_held(&p.id, at)?;
                if item.open_check_out().is_some() {
                    return Err(refused(
                        "财物已出库未归还，须先登记归还",
                        "the item is checked out; check it in first",
                    ));
                }
                referenced(
                    &self.officers,
                    &p.custodian,
                    at,
                    "custodian",
                    "保管人",
                    |o| o.defined_at,
                )?;
            }
            PropertyCheckedOut(p) => {
                let item = self.check_property_held(&p.id, at)?;
                if item.storages.is_empty() {
                    return Err(refused(
                        "财物尚未入库，不能出库",
                        "the item was never stored",
                    ));
                }
                if item.open_check_out().is_some() {
                    return Err(refused(
                        "财物已出库未归还",
                        "the item is already checked out",
                    ));
                }
                self.check_approver(&p.approved_by, at)?;
                if p.due <= at {
                    return Err(DomainError::invalid(
                        "due",
                        "归还期限应晚于出库时间 (due must be after the check-out)",
                    ));
                }
            }
            PropertyCheckedIn(p) => {
                let item = self.check_property_held(&p.id, at)?;
                if item.open_check_out().is_none() {
                    return Err(refused(
                        "财物未出库，不能登记归还",
                        "the item is not checked out",
                    ));
                }
            }
            PropertyFoundUnrelated(p) => {
                let item = self.check_property_held(&p.id, at)?;
                once(
                    &item.found_unrelated_at,
                    "已确认与案件无关",
                    "already found unrelated",
                )?;
            }
            PropertyFlagged(p) => {
                let item = self.check_property_held(&p.id, at)?;
                if let Some((_, flag)) = item.flagged {
                    return Err(refused(
                        format!("已认定为{}", flag.label()),
                        format!("the item is already flagged {}", flag.as_str()),
                    ));
                }
            }
            PropertyOwnerSought(p) => {
                let item = self.check_property_held(&p.id, at)?;
                once(
                    &item.owner_sought_at,
                    "已发布招领公告",
                    "the owner is already sought",
                )?;
            }
            PropertySeizureExtended(p) => {
                self.check_property_held(&p.id, at)?;
                referenced(
                    &self.units,
                    &p.approved_by_unit,
                    at,
                    "approved_by_unit",
                    "批准单位",
                    |u| u.defined_at,
                )?;
                positive_days(p.days)?;
            }
            PropertyDisposed(p) => {
                self.check_property_held(&p.id, at)?;
            }
            DocumentIssued(p) => {
                if self.documents.contains_key(&p.id) {
                    return Err(duplicate("文书", &p.id));
                }
                let case = referenced(&self.cases, &p.case, at, "case", "案件", |c| {
                    c.accepted_at
                })?;
                if p.number.trim().is_empty() {
                    return Err(DomainError::invalid(
                        "number",
                        "文号不能为空 (number is empty)",
                    ));
                }
                if let Some(other) = self
                    .document_numbers
                    .get(&(case.unit.clone(), p.number.clone()))
                {
                    return Err(DomainError::new(
                        ErrorCode::Duplicate,
                        format!("文号“{}”已被文书{other}使用", p.number),
                        format!("number `{}` is already used by document {other}", p.number),
                    )
                    .at_field("number"));
                }
            }
            DocumentServed(p) => {
                subject(&self.documents, &p.id, at, "文书", |d| d.issued_at)?;
                referenced(&self.persons, &p.to, at, "to", "受送达人", |x| {
                    x.registered_at
                })?;
            }
            _ => unreachable!("handled in check"),
        }
        Ok(())
    }

    /// The measure a procuratorate's notice names: required, and existing at `at`.
    fn named_measure(
        &self,
        id: Option<&MeasureId>,
        at: At,
        missing_zh: &str,
        missing_en: &str,
    ) -> Result<&Measure, DomainError> {
        let Some(id) = id else {
            return Err(
                DomainError::new(ErrorCode::Invalid, missing_zh, missing_en).at_field("measure")
            );
        };
        referenced(&self.measures, id, at, "measure", "强制措施", |m| {
            m.started_at
        })
    }

    /// A legal-aid notice or application: its person and case exist.
    fn check_legal_aid(&self, person: &PersonId, case: &CaseId, at: At) -> Result<(), DomainError> {
        subject(&self.persons, person, at, "人员", |x| x.registered_at)?;
        referenced(&self.cases, case, at, "case", "案件", |c| c.accepted_at)?;
        Ok(())
    }

    fn check_measure_active(&self, id: &MeasureId, at: At) -> Result<&Measure, DomainError> {
        let measure = subject(&self.measures, id, at, "强制措施", |m| m.started_at)?;
        once(&measure.ended, "措施已结束", "the measure has ended")?;
        Ok(measure)
    }

    fn check_stay_open(&self, id: &StayId, at: At) -> Result<&Stay, DomainError> {
        let stay = subject(&self.stays, id, at, "在区记录", |s| s.entered_at)?;
        once(
            &stay.exited,
            "人员已离开办案中心",
            "the person has left the center",
        )?;
        Ok(stay)
    }

    fn check_property_held(&self, id: &PropertyId, at: At) -> Result<&Property, DomainError> {
        let item = subject(&self.properties, id, at, "涉案财物", |p| p.seized_at)?;
        once(&item.disposed, "财物已处置", "the item is disposed")?;
        Ok(item)
    }

    /// The checks of the warning facts: the engine's (raise, level change, clearing) and the
    /// loop's steps, each allowed only from the stages it follows.
    fn check_warning(&self, body: &FactBody, at: At) -> Result<(), DomainError> {
        use FactBody::*;
        match body {
            WarningRaised(p) => {
                if self.warnings.contains_key(&p.id) {
                    return Err(duplicate("预警", &p.id));
                }
                not_blank("rule", &p.rule, "规则编号", "rule id")?;
                not_blank("message", &p.message, "预警说明", "message")?;
                // Only the loop's own rules (督办, DB-…) are about a warning: an overdue
                // rectification is itself warned.
                let about_loop = p.element == ElementKind::Warning && p.rule.starts_with("DB-");
                if p.element == ElementKind::Calendar
                    || (p.element == ElementKind::Warning && !about_loop)
                {
                    return Err(DomainError::invalid(
                        "element",
                        format!(
                            "预警对象不能是{} (a warning is not about a {})",
                            p.element.label(),
                            p.element.as_str()
                        ),
                    ));
                }
                let began = self.began_at(p.element, &p.subject);
                if began.is_none_or(|began| began > at)
                    || self.owner_unit(p.element, &p.subject).is_none()
                {
                    return Err(unknown("subject", p.element.label(), &p.subject));
                }
            }
            WarningLevelChanged(p) => {
                let warning = self.check_warning_not_cleared(&p.id, at)?;
                if p.level == warning.level {
                    return Err(refused(
                        format!("预警已是{}，等级未变", p.level.label()),
                        format!("the warning is already {}", p.level.as_str()),
                    ));
                }
                let (last, _) = warning.history.last().expect("a raise starts the history");
                not_before(at, *last, "上次等级变更", "the last level change")?;
                not_blank("message", &p.message, "预警说明", "message")?;
            }
            WarningCleared(p) => {
                let warning = self.check_warning_not_cleared(&p.id, at)?;
                let (last, _) = warning.history.last().expect("a raise starts the history");
                not_before(at, *last, "上次等级变更", "the last level change")?;
            }
            WarningVerified(p) => {
                self.check_warning_step(
                    &p.id,
                    at,
                    &[LoopStage::Found],
                    "只能核查一次，且须在其他环节之前",
                    "a warning is verified once, before any other step",
                )?;
                if !p.confirmed && p.reason.trim().is_empty() {
                    return Err(DomainError::invalid(
                        "reason",
                        "认定误报须写明理由 (a false positive needs its reason)",
                    ));
                }
            }
            WarningRectificationOrdered(p) => {
                let warning = self.check_warning_step(
                    &p.id,
                    at,
                    &[LoopStage::Verified],
                    "只有核查属实后才能责令整改",
                    "rectification is ordered only after a confirmed verification",
                )?;
                not_before(at, warning.last_step_at(), "核查", "the verification")?;
                if p.deadline <= at {
                    return Err(DomainError::invalid(
                        "deadline",
                        "整改期限应晚于责令整改的时间 (the deadline must be after the order)",
                    ));
                }
                not_blank("instruction", &p.instruction, "整改要求", "instruction")?;
            }
            WarningRectified(p) => {
                let warning = self.check_warning_step(
                    &p.id,
                    at,
                    &[LoopStage::RectificationOrdered],
                    "只有责令整改后才能登记整改完成",
                    "a rectification is done only after it was ordered",
                )?;
                not_before(at, warning.last_step_at(), "责令整改", "the order")?;
                not_blank("evidence", &p.evidence, "整改材料", "evidence")?;
            }
            WarningAccountabilityDecided(p) => {
                let warning = self.check_warning_step(
                    &p.id,
                    at,
                    &[LoopStage::Verified, LoopStage::Rectified],
                    "只有核查属实或整改完成后才能作出追责决定",
                    "accountability is decided only after a confirmed verification or a \
                     rectification",
                )?;
                not_before(at, warning.last_step_at(), "上一环节", "the previous step")?;
            }
            WarningClosed(p) => {
                let warning = self.check_warning_step(
                    &p.id,
                    at,
                    &[
                        LoopStage::FalsePositive,
                        LoopStage::Rectified,
                        LoopStage::Accountability,
                    ],
                    "只有认定误报、整改完成或作出追责决定后才能办结",
                    "a loop is closed only after a false positive, a rectification or an \
                     accountability decision",
                )?;
                not_before(at, warning.last_step_at(), "上一环节", "the previous step")?;
            }
            _ => unreachable!("only warning facts"),
        }
        Ok(())
    }

    /// A warning the engine has not cleared: its level can change, it can be cleared.
    fn check_warning_not_cleared(
        &self,
        id: &WarningId,
        at: At,
    ) -> Result<&WarningState, DomainError> {
        let warning = subject(&self.warnings, id, at, "预警", |w| w.raised_at)?;
        if let Some(cleared_at) = warning.cleared_at {
            return Err(refused(
                format!("预警已于{cleared_at}解除"),
                format!("the warning was cleared at {cleared_at}"),
            ));
        }
        Ok(warning)
    }

    /// A warning whose loop is at one of the stages `from` (a step of the loop may follow).
    fn check_warning_step(
        &self,
        id: &WarningId,
        at: At,
        from: &[LoopStage],
        rule_zh: &str,
        rule_en: &str,
    ) -> Result<&WarningState, DomainError> {
        let warning = subject(&self.warnings, id, at, "预警", |w| w.raised_at)?;
        if warning.stage == LoopStage::Closed {
            return Err(refused(
                "督办已办结，不能再变更",
                "the warning's loop is closed",
            ));
        }
        if !from.contains(&warning.stage) {
            return Err(refused(
                format!("预警处于“{}”环节：{rule_zh}", warning.stage.label()),
                format!(
                    "the warning is at stage {}: {rule_en}",
                    warning.stage.as_str()
                ),
            ));
        }
        Ok(warning)
    }

    /// Applies a checked fact. Only called after `check` passed.
    fn mutate(&mut self, fact: &Fact, registering_unit: Option<&UnitId>) {
        use FactBody::*;
        let at = fact.at;
        match &fact.body {
            UnitDefined(p) => {
                let path = match &p.parent {
                    Some(parent) => format!("{}{}/", self.units[parent].path, p.id),
                    None => {
                        if let Some(journal) = self.journal.as_mut() {
                            journal.push(Undo::Root(self.root.clone()));
                        }
                        self.root = Some(p.id.clone());
                        format!("/{}/", p.id)
                    }
                };
                let unit = Unit {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    parent: p.parent.clone(),
                    level: p.level,
                    path,
                    defined_at: at,
                    thresholds: Default::default(),
                };
                self.put_unit(p.id.clone(), unit);
            }
            ThresholdSet(p) => {
                let mut unit = self.units[&p.unit].clone();
                unit.thresholds.insert(p.key.clone(), p.value);
                self.put_unit(p.unit.clone(), unit);
            }
            OfficerDefined(p) => {
                let officer = Officer {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    unit: p.unit.clone(),
                    gender: p.gender,
                    auxiliary: p.auxiliary,
                    roles: p.roles.clone(),
                    defined_at: at,
                };
                self.put_officer(p.id.clone(), officer);
            }
            OfficerChanged(p) => {
                let officer = self.officer_mut(&p.id).expect("checked");
                if let Some(name) = &p.name {
                    officer.name = name.clone();
                }
                if let Some(unit) = &p.unit {
                    officer.unit = unit.clone();
                }
                if let Some(roles) = &p.roles {
                    officer.roles = roles.clone();
                }
                if let Some(auxiliary) = p.auxiliary {
                    officer.auxiliary = auxiliary;
                }
            }
            // Accounts live outside the views; the fact is the record of the change.
            AccountCreated(_) | AccountPasswordSet(_) | AccountDisabled(_) => {}
            CalendarDay(p) => self.put_calendar(p.date, p.kind),
            IncidentReceived(p) => {
                let incident = Incident {
                    id: p.id.clone(),
                    unit: p.unit.clone(),
                    source: p.source,
                    received_nature: p.nature,
                    nature: p.nature,
                    category: p.category.clone(),
                    summary: p.summary.clone(),
                    received_at: at,
                    officers: Vec::new(),
                    dispatched_at: None,
                    arrived_at: None,
                    disposed_at: None,
                    result: None,
                    case: None,
                    recategorizations: Vec::new(),
                    videos: Vec::new(),
                    extras: None,
                };
                self.put_incident(p.id.clone(), incident);
            }
            IncidentDispatched(p) => {
                let incident = self.incident_mut(&p.id).expect("checked");
                incident.dispatched_at.get_or_insert(at);
                for officer in &p.officers {
                    if !incident.officers.contains(officer) {
                        incident.officers.push(officer.clone());
                    }
                }
            }
            IncidentArrived(p) => self.incident_mut(&p.id).expect("checked").arrived_at = Some(at),
            IncidentDisposed(p) => {
                let incident = self.incident_mut(&p.id).expect("checked");
                incident.disposed_at = Some(at);
                incident.result = Some(p.result);
                incident.case = p.case.clone();
            }
            IncidentRecategorized(p) => {
                let incident = self.incident_mut(&p.id).expect("checked");
                incident.nature = p.nature;
                incident.category = p.category.clone();
                incident.recategorizations.push(Recategorization {
                    at,
                    nature: p.nature,
                    category: p.category.clone(),
                });
            }
            IncidentVideoLinked(p) => self
                .incident_mut(&p.id)
                .expect("checked")
                .videos
                .push(p.reference.clone()),
            IncidentReceiptIssued(p) => {
                let extras = self.incident_mut(&p.id).expect("checked").extras_mut();
                extras.receipt_issued_at = Some(at);
            }
            IncidentEvidenceReceived(p) => {
                let extras = self.incident_mut(&p.id).expect("checked").extras_mut();
                extras.evidence_received.push(EvidenceReceived {
                    at,
                    listed: p.listed,
                });
            }
            IncidentJurisdictionFound(p) => {
                let extras = self.incident_mut(&p.id).expect("checked").extras_mut();
                extras.jurisdiction = Some((at, p.finding));
            }
            IncidentReporterTold(p) => {
                let extras = self.incident_mut(&p.id).expect("checked").extras_mut();
                extras.reporter_told.get_or_insert((at, p.written));
            }
            CaseAccepted(p) => {
                let case = Case {
                    id: p.id.clone(),
                    unit: p.unit.clone(),
                    kind: p.kind,
                    category: p.category.clone(),
                    incident: p.incident.clone(),
                    complex: p.complex,
                    economic: p.economic,
                    committed_at: p.committed_at,
                    other_administrative: p.other_administrative,
                    from_agency: p.from_agency,
                    injury: p.injury,
                    sexual_or_violent: p.sexual_or_violent,
                    accepted_at: at,
                    filing_extended_days: None,
                    filed_at: None,
                    not_filed_at: None,
                    fast_track_at: None,
                    acts: Vec::new(),
                    injuries: Vec::new(),
                    prior_notices: Vec::new(),
                    reviews: Vec::new(),
                    limit_extended_days: None,
                    decision: None,
                    dropped_at: None,
                    sent_for_prosecution_at: None,
                    extras: None,
                    closed_at: None,
                    archived_at: None,
                };
                self.put_case(p.id.clone(), case);
            }
            PersonRegistered(p) => {
                let unit = p
                    .unit
                    .clone()
                    .or_else(|| registering_unit.cloned())
                    .or_else(|| self.root.clone());
                let person = Person {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    gender: p
                        .gender
                        .or(p.id_number.as_ref().map(|n| n.gender()))
                        .expect("checked"),
                    id_number: p.id_number.clone(),
                    birth_date: p
                        .birth_date
                        .or(p.id_number.as_ref().map(|n| n.birth_date())),
                    flags: p.flags.clone(),
                    nationality: p.nationality.clone(),
                    unit: unit.unwrap_or_else(|| UnitId::parse(ROOT_CHAIN).expect("valid id")),
                    registered_at: at,
                    links: Vec::new(),
                    legal_aid: Vec::new(),
                    legal_aid_requests: Vec::new(),
                };
                self.put_person(p.id.clone(), person);
            }
            PersonLinked(p) => self
                .person_mut(&p.id)
                .expect("checked")
                .links
                .push(CaseLink {
                    at,
                    case: p.case.clone(),
                    role: p.role,
                }),
            LegalAidNotified(p) => {
                self.person_mut(&p.person)
                    .expect("checked")
                    .legal_aid
                    .push(LegalAidNotice {
                        at,
                        case: p.case.clone(),
                    })
            }
            LegalAidRequested(p) => self
                .person_mut(&p.person)
                .expect("checked")
                .legal_aid_requests
                .push(LegalAidNotice {
                    at,
                    case: p.case.clone(),
                }),
            MeasureStarted(p) => {
                let measure = Measure {
                    id: p.id.clone(),
                    person: p.person.clone(),
                    case: p.case.clone(),
                    kind: p.kind,
                    started_at: at,
                    arrived_at: p.arrived_at.unwrap_or(at),
                    extended_hours: None,
                    extended_days: None,
                    family: None,
                    delivered: None,
                    arrest_requested_at: None,
                    change_requests: Vec::new(),
                    approved_at: None,
                    recalculations: None,
                    ended: None,
                };
                self.put_measure(p.id.clone(), measure);
            }
            MeasureExtended(p) => {
                let measure = self.measure_mut(&p.id).expect("checked");
                if p.hours.is_some() {
                    measure.extended_hours = p.hours;
                }
                if p.days.is_some() {
                    measure.extended_days = p.days;
                }
            }
            MeasureFamilyNotified(p) => {
                self.measure_mut(&p.id).expect("checked").family = Some(FamilyNotification {
                    at,
                    notified: true,
                    reason: None,
                })
            }
            MeasureFamilyNotNotified(p) => {
                self.measure_mut(&p.id).expect("checked").family = Some(FamilyNotification {
                    at,
                    notified: false,
                    reason: Some(p.reason.clone()),
                })
            }
            MeasureDelivered(p) => {
                self.measure_mut(&p.id).expect("checked").delivered = Some((at, p.facility))
            }
            MeasureArrestRequested(p) => {
                self.measure_mut(&p.id)
                    .expect("checked")
                    .arrest_requested_at = Some(at)
            }
            MeasureChangeRequested(p) => self
                .measure_mut(&p.id)
                .expect("checked")
                .change_requests
                .push(at),
            MeasureApproved(p) => self.measure_mut(&p.id).expect("checked").approved_at = Some(at),
            MeasureCustodyRecalculated(p) => {
                let measure = self.measure_mut(&p.id).expect("checked");
                // The period runs anew: extensions approved before count no more (CPL §160).
                if p.from.is_some() {
                    measure.extended_days = None;
                }
                measure
                    .recalculations
                    .get_or_insert_with(Box::default)
                    .push(Recalculation {
                        at,
                        reason: p.reason,
                        from: p.from,
                    });
            }
            MeasureEnded(p) => {
                self.measure_mut(&p.id).expect("checked").ended = Some((at, p.outcome))
            }
            CustodyEntered(p) => {
                let stay = Stay {
                    id: p.id.clone(),
                    person: p.person.clone(),
                    center: p.center.clone(),
                    case: p.case.clone(),
                    basis: p.basis.clone(),
                    entered_at: at,
                    security_checked_at: None,
                    security_checked_by: Vec::new(),
                    info_collected_at: None,
                    meals: Vec::new(),
                    incidents: Vec::new(),
                    placements: Vec::new(),
                    exited: None,
                    exit_document: None,
                };
                self.put_stay(p.id.clone(), stay);
                self.put_open_stay(p.person.clone(), p.id.clone());
            }
            CustodySecurityChecked(p) => {
                let stay = self.stay_mut(&p.id).expect("checked");
                stay.security_checked_at = Some(at);
                stay.security_checked_by = p.officers.clone();
            }
            CustodyInfoCollected(p) => {
                self.stay_mut(&p.id).expect("checked").info_collected_at = Some(at)
            }
            CustodyMeal(p) => self.stay_mut(&p.id).expect("checked").meals.push(at),
            CustodyIncident(p) => {
                self.stay_mut(&p.id)
                    .expect("checked")
                    .incidents
                    .push(StayIncident {
                        at,
                        kind: p.kind,
                        reported_at: None,
                        appraisal_commissioned_at: None,
                    })
            }
            CustodyIncidentReported(p) => {
                for i in &mut self.stay_mut(&p.id).expect("checked").incidents {
                    i.reported_at.get_or_insert(at);
                }
            }
            CustodyDeathAppraisalCommissioned(p) => {
                let stay = self.stay_mut(&p.id).expect("checked");
                let death = stay
                    .incidents
                    .iter_mut()
                    .find(|i| i.kind == StayIncidentKind::Death)
                    .expect("checked");
                death.appraisal_commissioned_at = Some(at);
            }
            CustodyPlaced(p) => self
                .stay_mut(&p.id)
                .expect("checked")
                .placements
                .push(Placement {
                    at,
                    room: p.room.clone(),
                    room_kind: p.room_kind,
                }),
            CustodyExited(p) => {
                let stay = self.stay_mut(&p.id).expect("checked");
                stay.exited = Some((at, p.destination));
                stay.exit_document = p.document.clone();
                let person = stay.person.clone();
                self.close_stay(&person);
            }
            InterrogationHeld(p) => {
                let interrogation = Interrogation {
                    id: p.id.clone(),
                    person: p.person.clone(),
                    case: p.case.clone(),
                    kind: p.kind,
                    started_at: at,
                    ended_at: p.end,
                    officers: p.officers.clone(),
                    stay: p.stay.clone(),
                    guardian_present: p.guardian_present,
                    interpreter_present: p.interpreter_present,
                    female_staff_present: p.female_staff_present,
                    av_recorded: p.av_recorded,
                };
                self.put_interrogation(p.id.clone(), interrogation);
            }
            PropertySeized(p) => {
                let item = Property {
                    id: p.id.clone(),
                    case: p.case.clone(),
                    measure: p.measure,
                    category: p.category.clone(),
                    description: p.description.clone(),
                    quantity: p.quantity,
                    value_yuan: p.value_yuan,
                    seized_by: p.seized_by.clone(),
                    seized_at: at,
                    storages: Vec::new(),
                    check_outs: Vec::new(),
                    found_unrelated_at: None,
                    owner_sought_at: None,
                    flagged: None,
                    seizure_extended_days: None,
                    disposed: None,
                };
                self.put_property(p.id.clone(), item);
            }
            PropertyStored(p) => {
                self.property_mut(&p.id)
                    .expect("checked")
                    .storages
                    .push(Storage {
                        at,
                        location: p.location.clone(),
                        custodian: p.custodian.clone(),
                        hazmat_store: p.hazmat_store,
                    })
            }
            PropertyCheckedOut(p) => {
                self.property_mut(&p.id)
                    .expect("checked")
                    .check_outs
                    .push(CheckOut {
                        at,
                        purpose: p.purpose.clone(),
                        due: p.due,
                        approved_by: p.approved_by.clone(),
                        returned_at: None,
                    })
            }
            PropertyCheckedIn(p) => {
                let item = self.property_mut(&p.id).expect("checked");
                if let Some(loan) = item.check_outs.last_mut() {
                    loan.returned_at = Some(at);
                }
            }
            PropertyFoundUnrelated(p) => {
                self.property_mut(&p.id)
                    .expect("checked")
                    .found_unrelated_at = Some(at)
            }
            PropertySeizureExtended(p) => {
                self.property_mut(&p.id)
                    .expect("checked")
                    .seizure_extended_days = Some(p.days)
            }
            PropertyOwnerSought(p) => {
                self.property_mut(&p.id).expect("checked").owner_sought_at = Some(at)
            }
            PropertyFlagged(p) => {
                self.property_mut(&p.id).expect("checked").flagged = Some((at, p.flag))
            }
            PropertyDisposed(p) => {
                self.property_mut(&p.id).expect("checked").disposed = Some((at, p.method))
            }
            DocumentIssued(p) => {
                let unit = self.cases[&p.case].unit.clone();
                if let Some(serial) = p.serial {
                    let key = (unit.clone(), p.kind.clone(), at.china_date().year());
                    if serial > self.last_document_serial(&key.0, &key.1, key.2) {
                        self.put_document_serial(key, serial);
                    }
                }
                self.put_document_number((unit, p.number.clone()), p.id.clone());
                let document = Document {
                    id: p.id.clone(),
                    case: p.case.clone(),
                    kind: p.kind.clone(),
                    number: p.number.clone(),
                    subject: p.subject.clone(),
                    issued_at: at,
                    served: Vec::new(),
                    contents: p.contents.clone().map(Box::new),
                };
                self.put_document(p.id.clone(), document);
            }
            DocumentServed(p) => self
                .document_mut(&p.id)
                .expect("checked")
                .served
                .push(Service {
                    at,
                    to: p.to.clone(),
                }),
            body if body.kind().element() == ElementKind::Warning => {
                let id = WarningId::parse(&fact.subject()).expect("checked");
                let before = self.counted(&id);
                self.mutate_warning(body, at);
                let after = self.counted(&id);
                self.tally.change(before, after);
            }
            body => self.mutate_case(body, at),
        }
    }

    fn mutate_case(&mut self, body: &FactBody, at: At) {
        use FactBody::*;
        match body {
            CaseFilingExtended(p) => {
                self.case_mut(&p.id).expect("checked").filing_extended_days = Some(p.days)
            }
            CaseFiled(p) => self.case_mut(&p.id).expect("checked").filed_at = Some(at),
            CaseNotFiled(p) => self.case_mut(&p.id).expect("checked").not_filed_at = Some(at),
            CaseFastTrack(p) => self.case_mut(&p.id).expect("checked").fast_track_at = Some(at),
            CaseAct(p) => self
                .case_mut(&p.id)
                .expect("checked")
                .acts
                .push(Act { at, act: p.act }),
            CaseTechnicalInvestigation(p) => {
                let list = &mut self
                    .case_mut(&p.id)
                    .expect("checked")
                    .extras_mut()
                    .technical_investigations;
                match p.step {
                    TechStep::Approved => list.push(TechInvestigation {
                        measure: p.measure.clone(),
                        approved_at: at,
                        extended_at: Vec::new(),
                        ended_at: None,
                    }),
                    step => {
                        let t = list
                            .iter_mut()
                            .find(|t| t.measure == p.measure)
                            .expect("checked");
                        if step == TechStep::Ended {
                            t.ended_at = Some(at);
                        } else {
                            t.extended_at.push(at);
                        }
                    }
                }
            }
            CaseIdentification(p) => {
                let case = self.case_mut(&p.id).expect("checked");
                case.extras_mut().identifications.push(Identification {
                    at,
                    identifier: p.identifier.clone(),
                    kind: p.kind,
                    lineup: p.lineup,
                    officers: p.officers.clone(),
                });
            }
            CaseCompletionRequested(p) => {
                let case = self.case_mut(&p.id).expect("checked");
                case.extras_mut().completion_requested_at = Some(at);
            }
            CaseReconsiderationRequested(p) => {
                let case = self.case_mut(&p.id).expect("checked");
                case.extras_mut().reconsideration = Some(Reconsideration {
                    requested_at: at,
                    decided_at: None,
                    upheld: None,
                });
            }
            CaseReconsiderationDecided(p) => {
                let case = self.case_mut(&p.id).expect("checked");
                if let Some(r) = &mut case.extras_mut().reconsideration {
                    r.decided_at = Some(at);
                    r.upheld = Some(p.upheld);
                }
            }
            CaseJurisdictionFound(p) => {
                let case = self.case_mut(&p.id).expect("checked");
                case.extras_mut().jurisdiction_found_at = Some(at);
            }
            CaseTransferred(p) => {
                let case = self.case_mut(&p.id).expect("checked");
                // The case ends at this unit with its transfer.
                case.closed_at = Some(at);
                case.extras_mut().transferred = Some((at, p.to_unit.clone()));
            }
            CaseMediationBarred(p) => {
                let case = self.case_mut(&p.id).expect("checked");
                case.extras_mut().mediation_bars.push((at, p.reason));
            }
            CasePublicized(p) => {
                let case = self.case_mut(&p.id).expect("checked");
                case.extras_mut().publications.push(Publication {
                    at,
                    identified: p.identified.clone(),
                });
            }
            CaseEnforcement(p) => {
                let list = &mut self
                    .case_mut(&p.id)
                    .expect("checked")
                    .extras_mut()
                    .enforcements;
                let record = match list.iter().position(|e| e.person == p.person) {
                    Some(i) => &mut list[i],
                    None => {
                        list.push(Enforcement {
                            person: p.person.clone(),
                            reminder_served_at: None,
                            contested_at: None,
                            complied_at: None,
                            court_applied_at: None,
                        });
                        list.last_mut().expect("pushed")
                    }
                };
                record.set(p.step, at);
            }
            CaseFineCash(p) => {
                let list = &mut self
                    .case_mut(&p.id)
                    .expect("checked")
                    .extras_mut()
                    .fine_cash;
                match p.step {
                    CashStep::Collected => list.push(FineCash {
                        person: p.person.clone(),
                        amount_yuan: p.amount_yuan.expect("checked"),
                        collected_at: at,
                        handed_over_at: None,
                        deposited_at: None,
                    }),
                    step => {
                        let cash = list
                            .iter_mut()
                            .rev()
                            .find(|c| c.person == p.person)
                            .expect("checked");
                        if step == CashStep::HandedOver {
                            cash.handed_over_at = Some(at);
                        } else {
                            cash.deposited_at = Some(at);
                        }
                    }
                }
            }
            CaseHearingRequested(p) => self
                .case_mut(&p.id)
                .expect("checked")
                .extras_mut()
                .hearings
                .push(Hearing {
                    person: p.person.clone(),
                    requested_at: at,
                    held_at: None,
                }),
            CaseHearingHeld(p) => {
                let hearing = self
                    .case_mut(&p.id)
                    .expect("checked")
                    .extras_mut()
                    .hearings
                    .iter_mut()
                    .find(|h| h.person == p.person && h.held_at.is_none())
                    .expect("checked");
                hearing.held_at = Some(at);
            }
            CaseDeferralRequested(p) => self
                .case_mut(&p.id)
                .expect("checked")
                .extras_mut()
                .deferrals
                .push(Deferral {
                    person: p.person.clone(),
                    requested_at: at,
                    decided: None,
                }),
            CaseDeferralDecided(p) => {
                let deferral = self
                    .case_mut(&p.id)
                    .expect("checked")
                    .extras_mut()
                    .deferrals
                    .iter_mut()
                    .find(|d| d.person == p.person && d.decided.is_none())
                    .expect("checked");
                deferral.decided = Some(DeferralDecision {
                    at,
                    granted: p.granted,
                    bond_yuan: p.bond_yuan,
                    guarantor: p.guarantor.clone(),
                });
            }
            CasePersonSearched(p) => {
                let case = self.case_mut(&p.id).expect("checked");
                let act = match p.kind {
                    BodyCheckKind::Search => ActKind::Search,
                    BodyCheckKind::Examination => ActKind::Inspection,
                    BodyCheckKind::Sample => ActKind::Other,
                };
                case.acts.push(Act { at, act });
                case.extras_mut().body_checks.push(BodyCheck {
                    at,
                    person: p.person.clone(),
                    kind: p.kind,
                    officers: p.officers.clone(),
                    doctor: p.doctor,
                });
            }
            CaseInjuryAssessed(p) => {
                self.case_mut(&p.id)
                    .expect("checked")
                    .injuries
                    .push(InjuryAssessment {
                        at,
                        person: p.person.clone(),
                        grade: p.grade,
                    })
            }
            CasePriorNoticeGiven(p) => {
                self.case_mut(&p.id)
                    .expect("checked")
                    .prior_notices
                    .push(PriorNotice {
                        at,
                        person: p.person.clone(),
                        hearing_right: p.hearing_right,
                    })
            }
            CaseReviewPassed(p) => self.case_mut(&p.id).expect("checked").reviews.push(Review {
                at,
                reviewer: p.reviewer.clone(),
                passed: true,
            }),
            CaseReviewReturned(p) => self.case_mut(&p.id).expect("checked").reviews.push(Review {
                at,
                reviewer: p.reviewer.clone(),
                passed: false,
            }),
            CaseLimitExtended(p) => {
                self.case_mut(&p.id).expect("checked").limit_extended_days = Some(p.days)
            }
            CaseDecided(p) => {
                self.case_mut(&p.id).expect("checked").decision = Some(Decision {
                    at,
                    decision: p.decision,
                    decided_by_unit: p.decided_by_unit.clone(),
                    penalties: p.penalties.clone(),
                })
            }
            CaseDropped(p) => self.case_mut(&p.id).expect("checked").dropped_at = Some(at),
            CaseSentForProsecution(p) => {
                let case = self.case_mut(&p.id).expect("checked");
                match case.sent_for_prosecution_at {
                    None => case.sent_for_prosecution_at = Some(at),
                    Some(_) => case.extras_mut().sent_again_at.push(at),
                }
            }
            CaseProcuratorateNotice(p) => self
                .case_mut(&p.id)
                .expect("checked")
                .extras_mut()
                .procuratorate_notices
                .push(ProcuratorateNotice {
                    at,
                    notice: p.notice,
                    measure: p.measure.clone(),
                }),
            CaseClosed(p) => self.case_mut(&p.id).expect("checked").closed_at = Some(at),
            CaseArchived(p) => self.case_mut(&p.id).expect("checked").archived_at = Some(at),
            _ => unreachable!("every kind is mutated"),
        }
    }

    fn mutate_warning(&mut self, body: &FactBody, at: At) {
        use FactBody::*;
        match body {
            WarningRaised(p) => {
                let unit = self.owner_unit(p.element, &p.subject).expect("checked");
                let warning = WarningState {
                    id: p.id.clone(),
                    rule: p.rule.clone(),
                    element: p.element,
                    subject: p.subject.clone(),
                    unit,
                    level: p.level,
                    due: p.due,
                    message: p.message.clone(),
                    raised_at: at,
                    history: vec![(at, p.level)],
                    cleared_at: None,
                    stage: LoopStage::Found,
                    verified_at: None,
                    confirmed: None,
                    verification_reason: String::new(),
                    ordered_at: None,
                    deadline: None,
                    instruction: String::new(),
                    rectified_at: None,
                    evidence: String::new(),
                    accountability_at: None,
                    outcome: None,
                    accountability_note: String::new(),
                    closed_at: None,
                    closing_note: String::new(),
                };
                self.put_warning(p.id.clone(), warning);
            }
            WarningLevelChanged(p) => {
                let warning = self.warning_mut(&p.id).expect("checked");
                warning.level = p.level;
                warning.due = p.due;
                warning.message = p.message.clone();
                warning.history.push((at, p.level));
            }
            WarningCleared(p) => self.warning_mut(&p.id).expect("checked").cleared_at = Some(at),
            WarningVerified(p) => {
                let warning = self.warning_mut(&p.id).expect("checked");
                warning.verified_at = Some(at);
                warning.confirmed = Some(p.confirmed);
                warning.verification_reason = p.reason.clone();
                warning.stage = if p.confirmed {
                    LoopStage::Verified
                } else {
                    LoopStage::FalsePositive
                };
            }
            WarningRectificationOrdered(p) => {
                let warning = self.warning_mut(&p.id).expect("checked");
                warning.ordered_at = Some(at);
                warning.deadline = Some(p.deadline);
                warning.instruction = p.instruction.clone();
                warning.stage = LoopStage::RectificationOrdered;
            }
            WarningRectified(p) => {
                let warning = self.warning_mut(&p.id).expect("checked");
                warning.rectified_at = Some(at);
                warning.evidence = p.evidence.clone();
                warning.stage = LoopStage::Rectified;
            }
            WarningAccountabilityDecided(p) => {
                let warning = self.warning_mut(&p.id).expect("checked");
                warning.accountability_at = Some(at);
                warning.outcome = Some(p.outcome);
                warning.accountability_note = p.note.clone();
                warning.stage = LoopStage::Accountability;
            }
            WarningClosed(p) => {
                let warning = self.warning_mut(&p.id).expect("checked");
                warning.closed_at = Some(at);
                warning.closing_note = p.note.clone();
                warning.stage = LoopStage::Closed;
            }
            _ => unreachable!("only warning facts"),
        }
    }

    /// The view row of an element, or `None` if it does not exist.
    pub fn view(&self, kind: ElementKind, id: &str) -> Option<ElementView> {
        let link = |kind: ElementKind, id: &dyn std::fmt::Display, role: &str| Link {
            kind,
            id: id.to_string(),
            role: role.into(),
        };
        let (unit, status, tag, title, opened_at, snapshot, links): (
            UnitId,
            (&'static str, &'static str),
            String,
            String,
            At,
            String,
            Vec<Link>,
        ) = match kind {
            ElementKind::Calendar => return None,
            ElementKind::Unit => {
                let u = self.units.get(&UnitId::parse(id).ok()?)?;
                let links = u
                    .parent
                    .iter()
                    .map(|p| link(ElementKind::Unit, p, "parent"))
                    .collect();
                (
                    u.id.clone(),
                    ("active", "在用"),
                    u.level.as_str().into(),
                    u.name.clone(),
                    u.defined_at,
                    to_json(u),
                    links,
                )
            }
            ElementKind::Officer => {
                let o = self.officers.get(&OfficerId::parse(id).ok()?)?;
                let links = vec![link(ElementKind::Unit, &o.unit, "unit")];
                (
                    o.unit.clone(),
                    ("active", "在职"),
                    o.roles.first().map(|r| r.as_str()).unwrap_or("").into(),
                    o.name.clone(),
                    o.defined_at,
                    to_json(o),
                    links,
                )
            }
            ElementKind::Incident => {
                let i = self.incidents.get(&IncidentId::parse(id).ok()?)?;
                let status = if i.disposed_at.is_some() {
                    ("disposed", "已处置")
                } else if i.arrived_at.is_some() {
                    ("on_scene", "已到场")
                } else if i.dispatched_at.is_some() {
                    ("dispatched", "已派警")
                } else {
                    ("received", "已接警")
                };
                let mut links: Vec<Link> = i
                    .case
                    .iter()
                    .map(|c| link(ElementKind::Case, c, "case"))
                    .collect();
                links.extend(
                    i.officers
                        .iter()
                        .map(|o| link(ElementKind::Officer, o, "officer")),
                );
                (
                    i.unit.clone(),
                    status,
                    i.nature.as_str().into(),
                    i.summary.clone(),
                    i.received_at,
                    to_json(i),
                    links,
                )
            }
            ElementKind::Case => {
                let c = self.cases.get(&CaseId::parse(id).ok()?)?;
                let status = if c.archived_at.is_some() {
                    ("archived", "已归档")
                } else if c.closed_at.is_some() {
                    ("closed", "已结案")
                } else if c.dropped_at.is_some() {
                    ("dropped", "已撤销")
                } else if c.pending_return().is_some() {
                    ("supplementary_investigation", "补充侦查中")
                } else if c.sent_for_prosecution_at.is_some() {
                    ("sent_for_prosecution", "已移送起诉")
                } else if c.decision.is_some() {
                    ("decided", "已决定")
                } else if c.filed_at.is_some() {
                    // Filed after not filing too, when the procuratorate ordered it.
                    ("filed", "已立案")
                } else if c.not_filed_at.is_some() {
                    ("not_filed", "不予立案")
                } else {
                    ("accepted", "已受案")
                };
                let links = c
                    .incident
                    .iter()
                    .map(|i| link(ElementKind::Incident, i, "incident"))
                    .collect();
                let title = format!(
                    "{}·{}",
                    c.kind.label(),
                    crate::category::display(&c.category)
                );
                (
                    c.unit.clone(),
                    status,
                    c.kind.as_str().into(),
                    title,
                    c.accepted_at,
                    to_json(c),
                    links,
                )
            }
            ElementKind::Person => {
                let p = self.persons.get(&PersonId::parse(id).ok()?)?;
                let status = if self.open_stays.contains_key(&p.id) {
                    ("in_center", "在区")
                } else {
                    ("registered", "已登记")
                };
                let links = p
                    .links
                    .iter()
                    .map(|l| link(ElementKind::Case, &l.case, l.role.as_str()))
                    .collect();
                (
                    p.unit.clone(),
                    status,
                    p.gender.as_str().into(),
                    p.name.clone(),
                    p.registered_at,
                    to_json(p),
                    links,
                )
            }
            ElementKind::Measure => {
                let m = self.measures.get(&MeasureId::parse(id).ok()?)?;
                let status = if m.ended.is_some() {
                    ("ended", "已结束")
                } else {
                    ("active", "执行中")
                };
                let links = vec![
                    link(ElementKind::Person, &m.person, "person"),
                    link(ElementKind::Case, &m.case, "case"),
                ];
                let name = self
                    .persons
                    .get(&m.person)
                    .map(|p| p.name.as_str())
                    .unwrap_or("");
                let unit = self.cases.get(&m.case)?.unit.clone();
                (
                    unit,
                    status,
                    m.kind.as_str().into(),
                    format!("{}·{}", m.kind.label(), name),
                    m.started_at,
                    to_json(m),
                    links,
                )
            }
            ElementKind::Stay => {
                let s = self.stays.get(&StayId::parse(id).ok()?)?;
                let status = if s.exited.is_some() {
                    ("exited", "已离区")
                } else {
                    ("in_center", "在区")
                };
                let mut links = vec![link(ElementKind::Person, &s.person, "person")];
                links.extend(s.case.iter().map(|c| link(ElementKind::Case, c, "case")));
                links.extend(
                    s.basis
                        .iter()
                        .map(|m| link(ElementKind::Measure, m, "basis")),
                );
                let name = self
                    .persons
                    .get(&s.person)
                    .map(|p| p.name.as_str())
                    .unwrap_or("");
                (
                    s.center.clone(),
                    status,
                    s.case.as_ref().map(|c| c.to_string()).unwrap_or_default(),
                    name.to_string(),
                    s.entered_at,
                    to_json(s),
                    links,
                )
            }
            ElementKind::Interrogation => {
                let i = self.interrogations.get(&InterrogationId::parse(id).ok()?)?;
                let mut links = vec![
                    link(ElementKind::Person, &i.person, "person"),
                    link(ElementKind::Case, &i.case, "case"),
                ];
                links.extend(i.stay.iter().map(|s| link(ElementKind::Stay, s, "stay")));
                links.extend(
                    i.officers
                        .iter()
                        .map(|o| link(ElementKind::Officer, o, "officer")),
                );
                let name = self
                    .persons
                    .get(&i.person)
                    .map(|p| p.name.as_str())
                    .unwrap_or("");
                let unit = self.cases.get(&i.case)?.unit.clone();
                (
                    unit,
                    ("held", "已完成"),
                    i.kind.as_str().into(),
                    format!("{}·{}", i.kind.label(), name),
                    i.started_at,
                    to_json(i),
                    links,
                )
            }
            ElementKind::Property => {
                let p = self.properties.get(&PropertyId::parse(id).ok()?)?;
                let status = if p.disposed.is_some() {
                    ("disposed", "已处置")
                } else if p.open_check_out().is_some() {
                    ("checked_out", "已出库")
                } else if !p.storages.is_empty() {
                    ("stored", "在库")
                } else {
                    ("seized", "待入库")
                };
                let links = vec![
                    link(ElementKind::Case, &p.case, "case"),
                    link(ElementKind::Officer, &p.seized_by, "seized_by"),
                ];
                let unit = self.cases.get(&p.case)?.unit.clone();
                (
                    unit,
                    status,
                    p.measure.as_str().into(),
                    p.description.clone(),
                    p.seized_at,
                    to_json(p),
                    links,
                )
            }
            ElementKind::Document => {
                let d = self.documents.get(&DocumentId::parse(id).ok()?)?;
                let status = if d.served.is_empty() {
                    ("issued", "已签发")
                } else {
                    ("served", "已送达")
                };
                let mut links = vec![link(ElementKind::Case, &d.case, "case")];
                links.extend(
                    d.served
                        .iter()
                        .map(|s| link(ElementKind::Person, &s.to, "served_to")),
                );
                if let Some(subject) = &d.subject {
                    for kind in [
                        ElementKind::Measure,
                        ElementKind::Person,
                        ElementKind::Property,
                    ] {
                        if self.exists(kind, subject) {
                            links.push(link(kind, subject, "subject"));
                            break;
                        }
                    }
                }
                let unit = self.cases.get(&d.case)?.unit.clone();
                (
                    unit,
                    status,
                    d.kind.clone(),
                    d.number.clone(),
                    d.issued_at,
                    to_json(d),
                    links,
                )
            }
            ElementKind::Warning => {
                let w = self.warnings.get(&WarningId::parse(id).ok()?)?;
                (
                    w.unit.clone(),
                    warning_status(w),
                    w.level.as_str().into(),
                    format!("{} {} · {}", w.rule, w.level.label(), w.subject),
                    w.raised_at,
                    to_json(w),
                    vec![link(w.element, &w.subject, "subject")],
                )
            }
        };
        Some(ElementView {
            kind,
            id: id.to_string(),
            unit_path: self.unit_path(Some(&unit)).to_string(),
            county: self.chain_of(Some(&unit)).to_string(),
            unit: unit.to_string(),
            status: status.0,
            status_label: status.1,
            tag,
            title,
            opened_at,
            snapshot,
            links,
        })
    }

    /// Whether an element exists.
    pub fn exists(&self, kind: ElementKind, id: &str) -> bool {
        match kind {
            ElementKind::Unit => UnitId::parse(id).is_ok_and(|k| self.units.contains_key(&k)),
            ElementKind::Officer => {
                OfficerId::parse(id).is_ok_and(|k| self.officers.contains_key(&k))
            }
            ElementKind::Calendar => id
                .parse::<Date>()
                .is_ok_and(|d| self.calendar.contains_key(&d)),
            ElementKind::Incident => {
                IncidentId::parse(id).is_ok_and(|k| self.incidents.contains_key(&k))
            }
            ElementKind::Case => CaseId::parse(id).is_ok_and(|k| self.cases.contains_key(&k)),
            ElementKind::Person => PersonId::parse(id).is_ok_and(|k| self.persons.contains_key(&k)),
            ElementKind::Measure => {
                MeasureId::parse(id).is_ok_and(|k| self.measures.contains_key(&k))
            }
            ElementKind::Stay => StayId::parse(id).is_ok_and(|k| self.stays.contains_key(&k)),
            ElementKind::Interrogation => {
                InterrogationId::parse(id).is_ok_and(|k| self.interrogations.contains_key(&k))
            }
            ElementKind::Property => {
                PropertyId::parse(id).is_ok_and(|k| self.properties.contains_key(&k))
            }
            ElementKind::Document => {
                DocumentId::parse(id).is_ok_and(|k| self.documents.contains_key(&k))
            }
            ElementKind::Warning => {
                WarningId::parse(id).is_ok_and(|k| self.warnings.contains_key(&k))
            }
        }
    }

    /// Every element id of a kind, in the order the elements were defined (calendar days in
    /// date order).
    pub fn ids(&self, kind: ElementKind) -> Vec<String> {
        if kind == ElementKind::Calendar {
            return self.calendar.keys().map(ToString::to_string).collect();
        }
        self.id_texts(kind).into_iter().map(str::to_owned).collect()
    }

    /// The number of elements of a kind (calendar days not counted).
    pub fn count(&self, kind: ElementKind) -> usize {
        match kind {
            ElementKind::Unit => self.units.len(),
            ElementKind::Officer => self.officers.len(),
            ElementKind::Calendar => 0,
            ElementKind::Incident => self.incidents.len(),
            ElementKind::Case => self.cases.len(),
            ElementKind::Person => self.persons.len(),
            ElementKind::Measure => self.measures.len(),
            ElementKind::Stay => self.stays.len(),
            ElementKind::Interrogation => self.interrogations.len(),
            ElementKind::Property => self.properties.len(),
            ElementKind::Document => self.documents.len(),
            ElementKind::Warning => self.warnings.len(),
        }
    }

    /// An element's position in its map (elements keep the position they were defined at).
    pub fn position(&self, kind: ElementKind, id: &str) -> Option<usize> {
        match kind {
            ElementKind::Unit => self.units.get_index_of(id),
            ElementKind::Officer => self.officers.get_index_of(id),
            ElementKind::Calendar => None,
            ElementKind::Incident => self.incidents.get_index_of(id),
            ElementKind::Case => self.cases.get_index_of(id),
            ElementKind::Person => self.persons.get_index_of(id),
            ElementKind::Measure => self.measures.get_index_of(id),
            ElementKind::Stay => self.stays.get_index_of(id),
            ElementKind::Interrogation => self.interrogations.get_index_of(id),
            ElementKind::Property => self.properties.get_index_of(id),
            ElementKind::Document => self.documents.get_index_of(id),
            ElementKind::Warning => self.warnings.get_index_of(id),
        }
    }

    /// The id of the element at position `pos` of its map ([`World::position`]).
    pub fn id_at(&self, kind: ElementKind, pos: usize) -> Option<&str> {
        fn key<K, V>(map: &ElementMap<K, V>, pos: usize, text: fn(&K) -> &str) -> Option<&str> {
            map.get_index(pos).map(|(k, _)| text(k))
        }
        match kind {
            ElementKind::Unit => key(&self.units, pos, UnitId::as_str),
            ElementKind::Officer => key(&self.officers, pos, OfficerId::as_str),
            ElementKind::Calendar => None,
            ElementKind::Incident => key(&self.incidents, pos, IncidentId::as_str),
            ElementKind::Case => key(&self.cases, pos, CaseId::as_str),
            ElementKind::Person => key(&self.persons, pos, PersonId::as_str),
            ElementKind::Measure => key(&self.measures, pos, MeasureId::as_str),
            ElementKind::Stay => key(&self.stays, pos, StayId::as_str),
            ElementKind::Interrogation => key(&self.interrogations, pos, InterrogationId::as_str),
            ElementKind::Property => key(&self.properties, pos, PropertyId::as_str),
            ElementKind::Document => key(&self.documents, pos, DocumentId::as_str),
            ElementKind::Warning => key(&self.warnings, pos, WarningId::as_str),
        }
    }

    /// As [`World::ids`], borrowed; calendar days have no id text here (empty).
    pub fn id_texts(&self, kind: ElementKind) -> Vec<&str> {
        fn keys<K, V>(map: &ElementMap<K, V>, text: fn(&K) -> &str) -> Vec<&str> {
            map.keys().map(text).collect()
        }
        match kind {
            ElementKind::Unit => keys(&self.units, UnitId::as_str),
            ElementKind::Officer => keys(&self.officers, OfficerId::as_str),
            ElementKind::Calendar => Vec::new(),
            ElementKind::Incident => keys(&self.incidents, IncidentId::as_str),
            ElementKind::Case => keys(&self.cases, CaseId::as_str),
            ElementKind::Person => keys(&self.persons, PersonId::as_str),
            ElementKind::Measure => keys(&self.measures, MeasureId::as_str),
            ElementKind::Stay => keys(&self.stays, StayId::as_str),
            ElementKind::Interrogation => keys(&self.interrogations, InterrogationId::as_str),
            ElementKind::Property => keys(&self.properties, PropertyId::as_str),
            ElementKind::Document => keys(&self.documents, DocumentId::as_str),
            ElementKind::Warning => keys(&self.warnings, WarningId::as_str),
        }
    }
}

/// A warning's status in lists: its loop stage, except that a warning the engine cleared before
/// anyone verified it shows as cleared (已解除) rather than waiting (发现).
fn warning_status(warning: &WarningState) -> (&'static str, &'static str) {
    if warning.stage == LoopStage::Found && warning.is_cleared() {
        return ("cleared", "已解除");
    }
    (warning.stage.as_str(), warning.stage.label())
}

/// A text field that must say something.
fn not_blank(field: &str, text: &str, label_zh: &str, label_en: &str) -> Result<(), DomainError> {
    if text.trim().is_empty() {
        return Err(DomainError::invalid(
            field,
            format!("{label_zh}不能为空 ({label_en} is empty)"),
        ));
    }
    Ok(())
}

/// A step of a loop cannot be earlier than the one before it: the intervals measured for
/// timeliness are then never negative.
fn not_before(at: At, last: At, last_zh: &str, last_en: &str) -> Result<(), DomainError> {
    if at < last {
        return Err(DomainError::invalid(
            "at",
            format!("不能早于{last_zh}的时间{last} (earlier than {last_en} at {last})"),
        ));
    }
    Ok(())
}

fn positive_days(days: u32) -> Result<(), DomainError> {
    if days == 0 || days > 3660 {
        return Err(DomainError::invalid(
            "days",
            "期限天数应在1至3660之间 (days must be 1..=3660)",
        ));
    }
    Ok(())
}

/// An element's snapshot, serialized straight to text (no intermediate `Value`).
fn to_json(element: &impl Serialize) -> String {
    serde_json::to_string(element).expect("elements serialize")
}

#[cfg(test)]
mod tests;
