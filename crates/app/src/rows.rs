//! Turning domain values into storage rows.

use domain::world::ElementView;
use domain::{At, World};
use storage::{ElementRow, LinkRow};

/// A view and its links as rows.
pub fn element_rows(view: ElementView) -> (ElementRow, Vec<LinkRow>) {
    let kind = view.kind.as_str();
    let links = view
        .links
        .into_iter()
        .map(|l| LinkRow {
            kind: kind.into(),
            id: view.id.clone(),
            other_kind: l.kind.as_str().into(),
            other_id: l.id,
            role: l.role,
        })
        .collect();
    let row = ElementRow {
        kind: kind.into(),
        id: view.id,
        unit: view.unit,
        unit_path: view.unit_path,
        county: view.county,
        status: view.status.into(),
        tag: view.tag,
        title: view.title,
        opened_at_micros: view.opened_at.micros(),
        snapshot: view.snapshot,
    };
    (row, links)
}

/// The (person, unit path) pairs through which a person is visible.
pub fn person_scopes(world: &World, person: &domain::ids::PersonId) -> Vec<(String, String)> {
    world
        .person_units(person)
        .iter()
        .map(|unit| (person.to_string(), world.unit_path(Some(unit)).to_string()))
        .collect()
}

/// Now, as business time in China. The only clock read outside entry points.
pub fn now() -> At {
    At::china(jiff::Timestamp::now())
}
