//! The world as a warehouse holds it, for the peers: one CSV table per element kind and one per
//! list inside an element (`sql/schema.sql` declares them). Times are Unix seconds, China dates
//! day numbers since 1970-01-01, flags 0/1, absent values empty (NULL to every peer).

use std::fmt::Display;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use domain::World;
use domain::legal_time::RestDays;
use domain::{At, elements::Case};
use jiff::civil::Date;

/// Seconds in a day, and China's offset from UTC (the day numbers are China dates).
const DAY: i64 = 86_400;
const CHINA: i64 = 8 * 3_600;

/// A time as whole Unix seconds. Peers compare seconds; the export refuses a finer time rather
/// than round it (a rounded time could change a finding).
fn secs(at: At) -> io::Result<i64> {
    let t = at.instant();
    if t.subsec_nanosecond() != 0 {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{at:?} is finer than a second: the peers' tables hold whole seconds"),
        ));
    }
    Ok(t.as_second())
}

/// The China date of an instant, as days since 1970-01-01.
fn china_day(at: At) -> io::Result<i64> {
    Ok((secs(at)? + CHINA).div_euclid(DAY))
}

fn day_number(date: Date) -> i64 {
    date.since(Date::constant(1970, 1, 1))
        .expect("dates in range")
        .get_days()
        .into()
}

/// One CSV table being written.
struct Table {
    out: BufWriter<File>,
    rows: usize,
}

impl Table {
    fn create(dir: &Path, name: &str, header: &str) -> io::Result<Table> {
        let mut out =
            BufWriter::with_capacity(1 << 20, File::create(dir.join(format!("{name}.csv")))?);
        writeln!(out, "{header}")?;
        Ok(Table { out, rows: 0 })
    }

    /// A row of fields. Ids, codes and numbers never hold a comma, a quote or a line break
    /// (FORMAT's ids are checked when parsed), so no field needs quoting; a debug build checks.
    fn row(&mut self, fields: &[&dyn Display]) -> io::Result<()> {
        for (n, field) in fields.iter().enumerate() {
            if n > 0 {
                self.out.write_all(b",")?;
            }
            let text = field.to_string();
            debug_assert!(!text.contains([',', '"', '\n', '\r']), "{text}");
            self.out.write_all(text.as_bytes())?;
        }
        self.out.write_all(b"\n")?;
        self.rows += 1;
        Ok(())
    }

    fn finish(mut self) -> io::Result<usize> {
        self.out.flush()?;
        Ok(self.rows)
    }
}

/// An optional value: empty when absent.
struct Opt<T>(Option<T>);

impl<T: Display> Display for Opt<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Some(v) => v.fmt(f),
            None => Ok(()),
        }
    }
}

fn opt_secs(at: Option<At>) -> io::Result<Opt<i64>> {
    Ok(Opt(at.map(secs).transpose()?))
}

fn flag(b: bool) -> u8 {
    u8::from(b)
}

/// Writes the world's tables into `dir` (created if missing); the rows written per table.
pub fn export(world: &World, dir: &Path) -> io::Result<Vec<(&'static str, usize)>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    let mut done = |name: &'static str, table: Table| -> io::Result<()> {
        written.push((name, table.finish()?));
        Ok(())
    };

    let mut t = Table::create(dir, "units", "id,parent,level")?;
    for u in world.units.values() {
        t.row(&[&u.id, &Opt(u.parent.as_ref()), &u.level.as_str()])?;
    }
    done("units", t)?;

    let mut t = Table::create(dir, "officers", "id,unit,auxiliary")?;
    for o in world.officers.values() {
        t.row(&[&o.id, &o.unit, &flag(o.auxiliary)])?;
    }
    done("officers", t)?;

    let mut t = Table::create(
        dir,
        "incidents",
        "id,unit,received_nature,nature,received_s,result,case_id",
    )?;
    let mut r = Table::create(dir, "incident_recategorizations", "incident,at_s,nature")?;
    for i in world.incidents.values() {
        t.row(&[
            &i.id,
            &i.unit,
            &i.received_nature.as_str(),
            &i.nature.as_str(),
            &secs(i.received_at)?,
            &Opt(i.result.map(|r| r.as_str())),
            &Opt(i.case.as_ref()),
        ])?;
        for c in &i.recategorizations {
            r.row(&[&i.id, &secs(c.at)?, &c.nature.as_str()])?;
        }
    }
    done("incidents", t)?;
    done("incident_recategorizations", r)?;

    let mut t = Table::create(
        dir,
        "cases",
        "id,unit,kind,incident,economic,accepted_s,accepted_day,filing_extended_days,filed_s,not_filed_s,\
         decided_s,decision,decided_by_unit,dropped_s,closed_s",
    )?;
    let mut reviews = Table::create(dir, "case_reviews", "case_id,at_s,passed")?;
    let mut penalties = Table::create(dir, "penalties", "case_id,person,kind,days")?;
    for c in world.cases.values() {
        case_row(&mut t, c)?;
        for r in &c.reviews {
            reviews.row(&[&c.id, &secs(r.at)?, &flag(r.passed)])?;
        }
        for p in c.decision.iter().flat_map(|d| &d.penalties) {
            penalties.row(&[&c.id, &p.person, &p.kind.as_str(), &Opt(p.days)])?;
        }
    }
    done("cases", t)?;
    done("case_reviews", reviews)?;
    done("penalties", penalties)?;

    let mut t = Table::create(
        dir,
        "measures",
        "id,person,case_id,kind,started_s,started_day,arrived_s,extended_hours,extended_days,\
         family_s,delivered_s,facility,arrest_requested_s,ended_s",
    )?;
    for m in world.measures.values() {
        t.row(&[
            &m.id,
            &m.person,
            &m.case,
            &m.kind.as_str(),
            &secs(m.started_at)?,
            &china_day(m.started_at)?,
            &secs(m.arrived_at)?,
            &Opt(m.extended_hours),
            &Opt(m.extended_days),
            &opt_secs(m.family.as_ref().map(|f| f.at))?,
            &opt_secs(m.delivered.as_ref().map(|(at, _)| *at))?,
            &Opt(m.delivered.as_ref().map(|(_, f)| f.as_str())),
            &opt_secs(m.arrest_requested_at)?,
            &opt_secs(m.ended.as_ref().map(|(at, _)| *at))?,
        ])?;
    }
    done("measures", t)?;

    let mut t = Table::create(
        dir,
        "interrogations",
        "id,person,case_id,kind,started_s,ended_s,stay",
    )?;
    let mut o = Table::create(dir, "interrogation_officers", "interrogation,officer")?;
    for i in world.interrogations.values() {
        t.row(&[
            &i.id,
            &i.person,
            &i.case,
            &i.kind.as_str(),
            &secs(i.started_at)?,
            &secs(i.ended_at)?,
            &Opt(i.stay.as_ref()),
        ])?;
        for officer in &i.officers {
            o.row(&[&i.id, officer])?;
        }
    }
    done("interrogations", t)?;
    done("interrogation_officers", o)?;

    let mut t = Table::create(
        dir,
        "stays",
        "id,person,center,case_id,basis,entered_s,exited_s,destination",
    )?;
    for s in world.stays.values() {
        t.row(&[
            &s.id,
            &s.person,
            &s.center,
            &Opt(s.case.as_ref()),
            &Opt(s.basis.as_ref()),
            &secs(s.entered_at)?,
            &opt_secs(s.exited.as_ref().map(|(at, _)| *at))?,
            &Opt(s.exited.as_ref().map(|(_, d)| d.as_str())),
        ])?;
    }
    done("stays", t)?;

    let mut t = Table::create(
        dir,
        "properties",
        "id,case_id,measure,seized_by,seized_s,seized_day,seizure_extended_days,stored_s,\
         disposed_s",
    )?;
    let mut storages = Table::create(dir, "property_storages", "property,at_s,custodian")?;
    for p in world.properties.values() {
        for s in &p.storages {
            storages.row(&[&p.id, &secs(s.at)?, &s.custodian])?;
        }
        t.row(&[
            &p.id,
            &p.case,
            &p.measure.as_str(),
            &p.seized_by,
            &secs(p.seized_at)?,
            &china_day(p.seized_at)?,
            &Opt(p.seizure_extended_days),
            &opt_secs(p.storages.first().map(|s| s.at))?,
            &opt_secs(p.disposed.as_ref().map(|(at, _)| *at))?,
        ])?;
    }
    done("properties", t)?;
    done("property_storages", storages)?;

    // Every day from a year before the first case to two years after the last: far enough for
    // any limit a rule counts in days. As a warehouse's date dimension does, each day carries the
    // first working day on or after it (the day itself if it is one).
    let mut t = Table::create(dir, "calendar", "day,rest,next_workday")?;
    let days: Vec<i64> = world
        .cases
        .values()
        .map(|c| china_day(c.accepted_at))
        .collect::<io::Result<_>>()?;
    if let (Some(first), Some(last)) = (days.iter().min(), days.iter().max()) {
        let epoch = Date::constant(1970, 1, 1);
        let rest: Vec<(i64, bool)> = (first - 366..=last + 731)
            .map(|n| {
                let date = epoch
                    .checked_add(jiff::Span::new().days(n))
                    .expect("dates in range");
                debug_assert_eq!(day_number(date), n);
                (n, world.calendar.is_rest_day(date))
            })
            .collect();
        // Walked backwards: a rest day's next working day is the following day's. The last
        // days of the range, if rest days, have none.
        let mut next = vec![None; rest.len()];
        let mut following = None;
        for (i, (n, is_rest)) in rest.iter().enumerate().rev() {
            if !is_rest {
                following = Some(*n);
            }
            next[i] = following;
        }
        for ((n, is_rest), next) in rest.iter().zip(next) {
            t.row(&[n, &flag(*is_rest), &Opt(next)])?;
        }
    }
    done("calendar", t)?;
    Ok(written)
}

fn case_row(t: &mut Table, c: &Case) -> io::Result<()> {
    let decision = c.decision.as_ref();
    t.row(&[
        &c.id,
        &c.unit,
        &c.kind.as_str(),
        &Opt(c.incident.as_ref()),
        &flag(c.economic),
        &secs(c.accepted_at)?,
        &china_day(c.accepted_at)?,
        &Opt(c.filing_extended_days),
        &opt_secs(c.filed_at)?,
        &opt_secs(c.not_filed_at)?,
        &opt_secs(decision.map(|d| d.at))?,
        &Opt(decision.map(|d| d.decision.as_str())),
        &Opt(decision.map(|d| &d.decided_by_unit)),
        &opt_secs(c.dropped_at)?,
        &opt_secs(c.closed_at)?,
    ])
}
