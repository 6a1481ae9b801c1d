#!/usr/bin/env python3
"""Turns the JSON lines of `zhifa bench` runs into the Markdown table of docs/BENCHMARKS.md.

    python3 crates/bench/table.py s=bench-s.json m=bench-m.json l=bench-l.json
"""
import json
import sys


def human(value, unit):
    if unit == "s":
        if value < 1e-3:
            return f"{value * 1e6:.2f} µs"
        if value < 1:
            return f"{value * 1e3:.1f} ms"
        return f"{value:.2f} s"
    if unit == "B":
        return f"{value / 1e9:.2f} GB" if value >= 1e9 else f"{value / 1e6:.0f} MB"
    if unit == "B/s":
        return f"{value / 1e9:.2f} GB/s"
    return f"{value:,.0f} {unit}"


def main():
    tiers = []
    rows = {}
    for arg in sys.argv[1:]:
        tier, path = arg.split("=", 1)
        tiers.append(tier)
        for line in open(path):
            m = json.loads(line)
            metric = m["metric"].replace("peak_memory_tier_" + tier, "peak_memory")
            key = (metric, m["peer"])
            rows.setdefault(key, {})[tier] = m
    head = "| metric | vs | " + " | ".join(
        f"{t.upper()}: Zhifa | {t.upper()}: peer | {t.upper()}: ratio" for t in tiers) + " |"
    print(head)
    print("|" + "---|" * (2 + 3 * len(tiers)))
    for (metric, peer), by_tier in rows.items():
        cells = []
        for t in tiers:
            m = by_tier.get(t)
            if m is None:
                cells += ["", "", ""]
            else:
                cells += [human(m["zhifa"], m["unit"]), human(m["peer_value"], m["unit"]),
                          f"{m['ratio']:.2f}×"]
        print(f"| {metric} | {peer} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
