//! Writes a generated province as JSON Lines to stdout and a summary to stderr.
//!
//! `cargo run --release -p datagen --example datagen -- [SCALE] [SEED] [DAYS] > province.jsonl`

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut config = datagen::Config::default();
    if let Some(scale) = args.first() {
        config.scale = scale.parse().expect("SCALE is a number");
    }
    if let Some(seed) = args.get(1) {
        config.seed = seed.parse().expect("SEED is an integer");
    }
    if let Some(days) = args.get(2) {
        config.days = days.parse().expect("DAYS is an integer");
    }
    if std::env::var_os("DATAGEN_VALUES").is_some() {
        // Time the `Value`-building API instead of streaming.
        let started = std::time::Instant::now();
        let province = datagen::generate(&config);
        eprintln!(
            "generate(): {} facts in {:?}",
            province.facts.len(),
            started.elapsed()
        );
        return Ok(());
    }
    let started = std::time::Instant::now();
    let mut counting = Counting {
        inner: BufWriter::new(std::io::stdout().lock()),
        counts: BTreeMap::new(),
    };
    let accounts = datagen::generate_jsonl(&config, &mut counting)?;
    counting.inner.flush()?;
    eprintln!("generated in {:?}", started.elapsed());
    let mut total = 0;
    for (kind, n) in &counting.counts {
        eprintln!("{kind:32} {n:>9}");
        total += n;
    }
    eprintln!("{:32} {total:>9}", "total");
    for a in accounts {
        eprintln!(
            "{:14} {} {} {} {}",
            a.role, a.officer_id, a.name, a.unit_id, a.unit_name
        );
    }
    Ok(())
}

/// Passes lines through and counts facts by kind (`generate_jsonl` writes each line whole).
struct Counting<W: Write> {
    inner: W,
    counts: BTreeMap<String, usize>,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Some(rest) = buf.strip_prefix(b"{\"fact\":\"")
            && let Some(end) = rest.iter().position(|&c| c == b'"')
        {
            let kind = String::from_utf8_lossy(&rest[..end]);
            match self.counts.get_mut(kind.as_ref()) {
                Some(n) => *n += 1,
                None => {
                    self.counts.insert(kind.into_owned(), 1);
                }
            }
        }
        self.inner.write_all(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
