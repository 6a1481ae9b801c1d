#!/usr/bin/env python3
"""Runs the twelve SQL rules (sql/rules.sql) in one peer, the way a bureau's nightly screen
would: load the warehouse tables Zhifa exported (CSV), index their join keys, then time the
screening statements. Prints one JSON line of timings; writes the findings as CSV (rule,subject,level)
for `zhifa bench` to compare with its own.

    peers.py --peer duckdb|sqlite|postgres --data DIR --now UNIX_SECONDS[,…] --out DIR [--runs N]
             [--warnings CSV --scopes FILE]

The first instant is timed (--runs times); every instant's findings are written, to
OUT/findings-PEER-NOW.csv. With --warnings and --scopes, the dashboard's question follows
(sql/dashboard.sql): the warnings table is loaded, then each scope (a unit path a line) is
asked once and timed; the counts go to OUT/dashboard-PEER.csv.
"""
import argparse
import csv
import json
import os
import pathlib
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
SQL = HERE / "sql"
TABLES = [
    "units", "officers", "incidents", "incident_recategorizations", "cases", "case_reviews",
    "penalties", "measures", "interrogations", "interrogation_officers", "stays", "properties",
    "property_storages", "calendar",
]


def statements(name):
    """The statements of a .sql file, comments dropped."""
    text = "\n".join(l for l in (SQL / name).read_text().splitlines() if not l.startswith("--"))
    return [s.strip() for s in text.split(";") if s.strip()]


def screening(now):
    """The screen's statements at `now`: the deadlines staged, then each SELECT's rows."""
    return [s.replace(":now", str(int(now))) for s in statements("rules.sql")]


def screen(con, screening):
    """Runs the statements in order; the rows of those that select."""
    found = []
    for statement in screening:
        cursor = con.execute(statement)
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            found += cursor.fetchall()
    return found


def rows(path):
    """A CSV table's rows, empty fields as NULL."""
    with open(path, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            yield [v if v != "" else None for v in row]


def load_duckdb(data, threads):
    import duckdb
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    for s in statements("schema.sql"):
        con.execute(s)
    for t in TABLES:
        con.execute(f"COPY {t} FROM '{data / (t + '.csv')}' (HEADER, NULLSTR '')")
    for s in statements("indexes.sql"):
        con.execute(s)
    return con


def load_sqlite(data, _threads):
    import sqlite3
    path = data / "peer-sqlite.db"
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(str(path) + suffix)
        except FileNotFoundError:
            pass
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = OFF")
    con.execute("PRAGMA synchronous = OFF")
    con.execute("PRAGMA cache_size = -2000000")  # 2 GB: the tables stay in memory once read
    for s in statements("schema.sql"):
        con.execute(s)
    for t in TABLES:
        header = (data / (t + ".csv")).open().readline().strip().split(",")
        marks = ",".join("?" * len(header))
        con.executemany(f"INSERT INTO {t} VALUES ({marks})", rows(data / (t + ".csv")))
    for s in statements("indexes.sql"):
        con.execute(s)
    con.execute("ANALYZE")
    con.commit()
    return con


def load_postgres(data, _threads, url):
    import psycopg
    con = psycopg.connect(url, autocommit=True)
    con.execute("DROP SCHEMA IF EXISTS zhifa_bench CASCADE")
    con.execute("CREATE SCHEMA zhifa_bench")
    con.execute("SET search_path = zhifa_bench")
    # Compiling this query's expressions (PostgreSQL's default, jit = on) takes seconds, more
    # than running it at tier S; a DBA would turn it off for it, so the peer runs without it.
    con.execute("SET jit = off")
    # The default 4 MB per sort or hash spills this query's hash joins to disk at tier M and up.
    con.execute("SET work_mem = '256MB'")
    for s in statements("schema.sql"):
        con.execute(s)
    with con.cursor() as cur:
        for t in TABLES:
            with cur.copy(f"COPY {t} FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
                with open(data / (t + ".csv"), "rb") as f:
                    while chunk := f.read(1 << 20):
                        copy.write(chunk)
    for s in statements("indexes.sql"):
        con.execute(s)
    con.execute("ANALYZE")
    return con


def copy_into(peer, con, table, path):
    """Loads a CSV file with a header into a table."""
    if peer == "duckdb":
        con.execute(f"COPY {table} FROM '{path}' (HEADER, NULLSTR '')")
    elif peer == "sqlite":
        header = path.open().readline().strip().split(",")
        marks = ",".join("?" * len(header))
        con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows(path))
        con.commit()
    else:
        with con.cursor() as cur:
            with cur.copy(f"COPY {table} FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
                with open(path, "rb") as f:
                    while chunk := f.read(1 << 20):
                        copy.write(chunk)


def dashboard(peer, con, warnings, scopes, out):
    """Loads the warnings, then asks each scope once; the time of each question."""
    create, index, question = statements("dashboard.sql")
    if peer == "postgres":
        # Byte order, as the scopes' ranges assume (the default collation orders '/' apart).
        create = create.replace("unit_path TEXT", 'unit_path TEXT COLLATE "C"')
    con.execute(create)
    copy_into(peer, con, "warnings", warnings)
    con.execute(index)
    if peer != "duckdb":
        con.execute("ANALYZE warnings")
    times = []
    with open(out / f"dashboard-{peer}.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["scope", "rule", "level", "count"])
        for scope in scopes:
            upper = scope[:-1] + "0"
            sql = question.replace(":from", scope).replace(":to", upper)
            t = time.perf_counter()
            found = con.execute(sql).fetchall()
            times.append(time.perf_counter() - t)
            w.writerows([scope, rule, level, n] for rule, level, n in found)
    return times


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--peer", required=True, choices=["duckdb", "sqlite", "postgres"])
    p.add_argument("--data", required=True, type=pathlib.Path)
    p.add_argument("--now", required=True, type=lambda v: [int(n) for n in v.split(",")])
    p.add_argument("--out", required=True, type=pathlib.Path)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--postgres", default="host=127.0.0.1 port=5432 dbname=test user=postgres")
    p.add_argument("--warnings", type=pathlib.Path)
    p.add_argument("--scopes", type=pathlib.Path)
    a = p.parse_args()
    started = time.perf_counter()
    if a.peer == "duckdb":
        con = load_duckdb(a.data, a.threads)
    elif a.peer == "sqlite":
        con = load_sqlite(a.data, a.threads)
    else:
        con = load_postgres(a.data, a.threads, a.postgres)
    loaded = time.perf_counter() - started
    times, counts = [], []
    for n, now in enumerate(a.now):
        statements_now = screening(now)
        for _ in range(a.runs if n == 0 else 1):
            t = time.perf_counter()
            found = screen(con, statements_now)
            if n == 0:
                times.append(time.perf_counter() - t)
        with open(a.out / f"findings-{a.peer}-{now}.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["rule", "subject", "level"])
            w.writerows(found)
        counts.append(len(found))
    report = {"peer": a.peer, "load_s": loaded, "screen_s": times, "findings": counts}
    if a.warnings and a.scopes:
        scopes = [l for l in a.scopes.read_text().splitlines() if l]
        report["dashboard_s"] = dashboard(a.peer, con, a.warnings, scopes, a.out)
    print(json.dumps(report))


if __name__ == "__main__":
    sys.exit(main())
