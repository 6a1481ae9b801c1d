//! Turning domain values into storage rows.

use domain::world::ElementView;
use domain::{At, World};
use storage::{ElementRow, LinkRow};

/// A view and its links as rows.
pub fn element_rows(view: &ElementView) -> (ElementRow, Vec<LinkRow>) {
    let row = ElementRow {
        kind: view.kind.as_str().into(),
        id: view.id.clone(),
        unit: view.unit.clone(),
        unit_path: view.unit_path.clone(),
        county: view.county.clone(),
        status: view.status.into(),
        tag: view.tag.clone(),
        title: view.title.clone(),
        opened_at_micros: view.opened_at.micros(),
        snapshot: view.snapshot.to_string(),
    };
    let links = view
        .links
        .iter()
        .map(|l| LinkRow {
            kind: row.kind.clone(),
            id: row.id.clone(),
            other_kind: l.kind.as_str().into(),
            other_id: l.id.clone(),
            role: l.role.clone(),
        })
        .collect();
    (row, links)
}

/// The (person, unit path) pairs through which a person is visible.
pub fn person_scopes(world: &World, person: &domain::ids::PersonId) -> Vec<(String, String)> {
    world
        .person_units(person)
        .iter()
        .map(|unit| (person.to_string(), world.unit_path(Some(unit))))
        .collect()
}

/// Now, as business time in China. The only clock read outside entry points.
pub fn now() -> At {
    At::china(jiff::Timestamp::now())
}
