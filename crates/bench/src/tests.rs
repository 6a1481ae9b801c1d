use super::*;

/// A small province in which each of the twelve rules finds something (seed 4: rarer rules
/// such as RQ-05 and RQ-07 find nothing in some small provinces).
fn world() -> (World, Timestamp) {
    let config = datagen::Config {
        seed: 4,
        scale: 0.5,
        days: 180,
        ..Default::default()
    };
    let mut world = World::new();
    for line in datagen::generate(&config).facts {
        let fact = Fact::from_line(&line.to_string()).unwrap();
        world.apply(&fact, None).unwrap();
    }
    (world, config.end)
}

#[test]
fn tiers_parse_by_name() {
    for tier in [Tier::S, Tier::M, Tier::L, Tier::Xl] {
        assert_eq!(Tier::parse(tier.name()), Some(tier));
        assert_eq!(Tier::parse(&tier.name().to_uppercase()), Some(tier));
    }
    assert_eq!(Tier::parse("xxl"), None);
    // L is a province-year: ten times M, a hundred times S; XL is three years of it.
    let (s, m, l, xl) = (
        Tier::S.config(),
        Tier::M.config(),
        Tier::L.config(),
        Tier::Xl.config(),
    );
    assert_eq!((m.scale / s.scale, l.scale / m.scale), (10.0, 10.0));
    assert_eq!((xl.scale, xl.days), (l.scale, 3 * l.days));
}

#[test]
fn the_tables_hold_every_element_once() {
    let (world, _) = world();
    let dir = std::env::temp_dir().join(format!("zhifa-bench-export-{}", std::process::id()));
    let written = export::export(&world, &dir).unwrap();
    let rows = |name: &str| written.iter().find(|(n, _)| *n == name).unwrap().1;
    assert_eq!(rows("cases"), world.cases.len());
    assert_eq!(rows("measures"), world.measures.len());
    assert_eq!(rows("incidents"), world.incidents.len());
    assert_eq!(rows("stays"), world.stays.len());
    assert_eq!(rows("properties"), world.properties.len());
    let officers: usize = world
        .interrogations
        .values()
        .map(|i| i.officers.len())
        .sum();
    assert_eq!(rows("interrogation_officers"), officers);
    // Every table has its header and as many lines as rows, each with the header's fields.
    for (name, n) in &written {
        let text = std::fs::read_to_string(dir.join(format!("{name}.csv"))).unwrap();
        let mut lines = text.lines();
        let fields = lines.next().unwrap().split(',').count();
        assert_eq!(lines.clone().count(), *n, "{name}");
        assert!(lines.all(|l| l.split(',').count() == fields), "{name}");
    }
    // The calendar knows a weekday from a weekend: 2026-03-07 was a Saturday.
    let calendar = std::fs::read_to_string(dir.join("calendar.csv")).unwrap();
    let saturday = day_line(&calendar, "2026-03-07");
    let monday = day_line(&calendar, "2026-03-09");
    assert_eq!((saturday.as_str(), monday.as_str()), ("1", "0"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The `rest` field of a date's calendar row.
fn day_line(calendar: &str, date: &str) -> String {
    let date: jiff::civil::Date = date.parse().unwrap();
    let n = date
        .since(jiff::civil::Date::constant(1970, 1, 1))
        .unwrap()
        .get_days();
    let line = calendar
        .lines()
        .find(|l| l.starts_with(&format!("{n},")))
        .unwrap();
    line.split(',').nth(1).unwrap().to_string()
}

/// The comparison itself: every peer, run on the tables of a small province, finds exactly the
/// set Zhifa finds among the twelve rules, at the end of the history and at later instants
/// that move open deadlines through their bands (both sides screen the same tables, so the
/// later instants test the rules' arithmetic, not the history). Needs Python with duckdb and
/// psycopg, and the PostgreSQL server (`.ci/run` provides both).
#[test]
fn every_peer_finds_what_zhifa_finds() {
    let (world, end) = world();
    let dir = std::env::temp_dir().join(format!("zhifa-bench-peers-{}", std::process::id()));
    export::export(&world, &dir).unwrap();
    let hours = [0i64, 7, 20, 30, 60, 24 * 5, 24 * 12, 24 * 29, 24 * 45];
    let mut instants: Vec<Timestamp> = hours
        .iter()
        .map(|h| end + jiff::SignedDuration::from_hours(*h))
        .collect();
    // And the band boundaries of up to three open deadlines per rule: at its due instant, and one hour,
    // one day and two days before it, each boundary belonging to the higher level.
    let mut seen = std::collections::BTreeMap::new();
    for w in rules::screen(&world, end) {
        if let (true, Some(due)) = (RULES.contains(&w.rule), &w.due)
            && *seen.entry(w.rule).and_modify(|n| *n += 1).or_insert(1) <= 3
        {
            let due = domain::At::parse(due).unwrap().instant();
            for before in [0, 1, 24, 48] {
                instants.push(due - jiff::SignedDuration::from_hours(before));
            }
        }
    }
    assert!(
        seen.len() >= 5,
        "open deadlines to take boundaries from: {seen:?}"
    );
    let zhifa: Vec<BTreeSet<Finding>> = instants
        .iter()
        .map(|at| zhifa_findings(&rules::screen(&world, *at)))
        .collect();
    let found: BTreeSet<(&str, &str)> = zhifa
        .iter()
        .flatten()
        .map(|(r, _, l)| (r.as_str(), l.as_str()))
        .collect();
    let rules_found: BTreeSet<&str> = found.iter().map(|(r, _)| *r).collect();
    assert_eq!(
        rules_found.len(),
        RULES.len(),
        "every rule finds something: {found:?}"
    );
    for level in ["blue", "yellow", "red"] {
        let deadlines = found.iter().filter(|(_, l)| *l == level).count();
        assert!(
            deadlines >= 3,
            "{level} is reached by several rules: {found:?}"
        );
    }
    peers::check().unwrap();
    let seconds: Vec<i64> = instants.iter().map(|t| t.as_second()).collect();
    // The dashboard: every warning at the end, recorded in Zhifa's world and counted there, and
    // loaded in each peer and counted by GROUP BY, for every scope.
    let table = dir.join("warnings.csv");
    let open = dashboard::write_warnings(&world, &rules::screen(&world, end), &table).unwrap();
    let scopes = dashboard::scopes(&world);
    let scopes_file = dir.join("scopes.txt");
    dashboard::write_scopes(&scopes, &scopes_file).unwrap();
    let mut recorded = world.clone();
    assert_eq!(dashboard::raise(&mut recorded, &table, end).unwrap(), open);
    let (counts, reads) = dashboard::read(&recorded, &scopes);
    assert_eq!(reads.len(), scopes.len());
    let province = &scopes[0];
    let in_province: u64 = counts
        .iter()
        .filter(|c| c.0 == *province)
        .map(|c| c.3)
        .sum();
    assert_eq!(
        in_province, open,
        "the province ({province}) counts every warning"
    );
    assert!(
        counts.iter().any(|c| c.0 != *province),
        "the units below count theirs: {scopes:?}"
    );
    for peer in peers::PEERS {
        let run = peers::run(
            peer,
            &dir,
            &seconds,
            1,
            "host=127.0.0.1 port=5432 dbname=test user=postgres",
            600,
            Some((&table, &scopes_file)),
        )
        .unwrap();
        assert_eq!(run.dashboard.as_ref(), Some(&counts), "{peer}'s dashboard");
        assert_eq!(run.dashboard_s.len(), scopes.len());
        for ((h, zhifa), theirs) in hours.iter().zip(&zhifa).zip(&run.findings) {
            let difference = Difference::of(zhifa, theirs);
            assert!(
                difference.is_empty(),
                "{peer}, {h} h after the end: {difference:?}"
            );
        }
        assert_eq!(run.screen_s.len(), 1);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_difference_is_found_both_ways() {
    let f = |r: &str, s: &str, l: &str| (r.to_string(), s.to_string(), l.to_string());
    let zhifa: BTreeSet<Finding> = [f("RQ-04", "M1", "red"), f("CS-05", "I1", "red")].into();
    let peer: BTreeSet<Finding> = [f("RQ-04", "M1", "yellow"), f("CS-05", "I1", "red")].into();
    let d = Difference::of(&zhifa, &peer);
    assert_eq!(d.only_zhifa, vec![f("RQ-04", "M1", "red")]);
    assert_eq!(d.only_peer, vec![f("RQ-04", "M1", "yellow")]);
    assert!(Difference::of(&zhifa, &zhifa).is_empty());
}

/// Each table's columns, as `sql/schema.sql` declares them.
fn schema_columns() -> Vec<(String, Vec<String>)> {
    let schema = include_str!("../sql/schema.sql");
    let text: String = schema
        .lines()
        .filter(|l| !l.trim_start().starts_with("--"))
        .collect::<Vec<_>>()
        .join(" ");
    text.split(';')
        .filter_map(|statement| {
            let rest = statement.trim().strip_prefix("CREATE TABLE ")?;
            let (name, columns) = rest.split_once('(')?;
            let columns = columns.strip_suffix(')')?;
            let names = columns
                .split(',')
                .map(|c| c.split_whitespace().next().unwrap().to_string())
                .collect();
            Some((name.trim().to_string(), names))
        })
        .collect()
}

/// The peers load the CSV files by position: each header is its table's columns, in order.
#[test]
fn the_tables_are_the_schema() {
    let (world, _) = world();
    let dir = std::env::temp_dir().join(format!("zhifa-bench-schema-{}", std::process::id()));
    let written = export::export(&world, &dir).unwrap();
    let schema = schema_columns();
    assert_eq!(schema.len(), written.len(), "{schema:?}");
    for (name, columns) in schema {
        let text = std::fs::read_to_string(dir.join(format!("{name}.csv"))).unwrap();
        let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
        assert_eq!(header, columns, "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The facts file is read on a thread of its own while the world is built: what it loads is
/// what applying every line in order builds, the tail handed back unapplied, and a line that
/// does not parse fails the load naming the file and line.
#[test]
fn load_applies_every_line_in_order_and_names_a_bad_one() {
    let config = datagen::Config {
        scale: 0.05,
        ..datagen::Config::default()
    };
    let dir = std::env::temp_dir().join(format!("zhifa-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("facts.jsonl");
    let mut out = Vec::new();
    datagen::generate_jsonl(&config, &mut out).unwrap();
    std::fs::write(&path, &out).unwrap();
    let lines: Vec<&str> = std::str::from_utf8(&out).unwrap().lines().collect();
    assert!(
        lines.len() > 10_000,
        "{} lines: more than one batch",
        lines.len()
    );
    let (world, applied, tail) = crate::load(&path, 100).unwrap();
    assert_eq!((applied, tail.len()), (lines.len() - 100, 100));
    let mut expected = World::new();
    for line in &lines[..applied] {
        expected
            .apply(&Fact::from_line(line).unwrap(), None)
            .unwrap();
    }
    for kind in domain::fact::ElementKind::VIEWED {
        assert_eq!(world.ids(kind), expected.ids(kind), "{kind:?}");
    }
    assert_eq!(tail[99], Fact::from_line(lines[lines.len() - 1]).unwrap());

    let mut broken = lines.clone();
    broken[4_999] = r#"{"fact":"no.such"}"#;
    std::fs::write(&path, broken.join("\n")).unwrap();
    let error = crate::load(&path, 0).unwrap_err().to_string();
    assert!(error.contains("facts.jsonl:5000:"), "{error}");
    std::fs::remove_dir_all(&dir).unwrap();
}
