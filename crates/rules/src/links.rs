//! Which elements belong to a case or a person: rules look across elements (a case's
//! measures, a person's interrogations), and scanning every element for each would be quadratic
//! in a province. Built once for a batch screening (`Links::of`), then kept current by the live
//! engine as facts touch elements (`Links::note`); ids, not references, so it can outlive a
//! borrow of the world.

use std::collections::{HashMap, HashSet};

use domain::World;
use domain::elements::PersonRole;
use domain::fact::ElementKind;
use domain::ids::{
    CaseId, DocumentId, IncidentId, InterrogationId, MeasureId, PersonId, PropertyId, StayId,
};

/// The elements related to one case or one person.
#[derive(Default, Debug)]
pub(crate) struct Related {
    pub measures: Vec<MeasureId>,
    pub interrogations: Vec<InterrogationId>,
    pub properties: Vec<PropertyId>,
    pub documents: Vec<DocumentId>,
    pub stays: Vec<StayId>,
}

/// The world's elements grouped by case and by person.
#[derive(Default, Debug)]
pub struct Links {
    cased_incidents: HashSet<IncidentId>,
    suspects: HashMap<CaseId, Vec<PersonId>>,
    by_case: HashMap<CaseId, Related>,
    by_person: HashMap<PersonId, Related>,
}

fn add<T: PartialEq + Clone>(list: &mut Vec<T>, item: &T) {
    if !list.contains(item) {
        list.push(item.clone());
    }
}

impl Links {
    /// The links of a whole world.
    pub fn of(world: &World) -> Links {
        let mut links = Links::default();
        for case in world.cases.values() {
            if let Some(incident) = &case.incident {
                links.cased_incidents.insert(incident.clone());
            }
        }
        for p in world.persons.values() {
            for link in p.links.iter().filter(|l| l.role == PersonRole::Suspect) {
                add(links.suspects.entry(link.case.clone()).or_default(), &p.id);
            }
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
            }
            ElementKind::Person => {
                if let Some(p) = world.persons.get(id) {
                    for link in p.links.iter().filter(|l| l.role == PersonRole::Suspect) {
                        add(self.suspects.entry(link.case.clone()).or_default(), &p.id);
                    }
                }
            }
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
                }
            }
            _ => {}
        }
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
