#!/usr/bin/env python3
"""Writes yaml_cases.jsonl: what PyYAML's safe_dump writes for generated values and what safe_load reads from
generated documents (Faust's yaml codec is want_bytes(yaml.safe_dump(obj)) / yaml.safe_load(want_str(s)),
faust/serializers/codecs.py). Values are tagged as in faust_vectors.jsonl ($datetime, $date, $set, $decimal).

Run with PyYAML 6.0.x: python3 yaml_cases.py > yaml_cases.jsonl
"""
import datetime as dt
import decimal
import json
import sys

import yaml


def tag(v):
    if isinstance(v, dt.datetime):
        return {"$datetime": v.isoformat(), "tz": None if v.tzinfo is None else str(v.tzinfo)}
    if isinstance(v, dt.date):
        return {"$date": v.isoformat()}
    if isinstance(v, decimal.Decimal):
        return {"$decimal": str(v)}
    if isinstance(v, (set, frozenset)):
        return {"$set": [tag(x) for x in sorted(v)]}
    if isinstance(v, dict):
        return {k: tag(x) for k, x in v.items()}
    if isinstance(v, list):
        return [tag(x) for x in v]
    return v


strings = ["plain", "two words", "", " lead", "trail ", "a: b", "#x", "- x", "yes", "null", "123", "1.5",
           "multi\nline", "multi\nline\n", "\nlead break", "tab\there", "quote's", 'dq"x', "back\\slash",
           "caf\u00e9", "\u00e9t\u00e9\nhiver", "bell\x07", "nul\x00", "esc\x1b", "del\x7f", "nbsp\u00a0",
           "\u0085nel", "ls\u2028", "\u4e2d\u6587", "emoji \U0001F600", "\U0001F600\nx", "\ufeffbom",
           "x" * 100, ("word " * 30).strip(), "long\n" + "y" * 90, "a\x01b\x1fc"]
values = strings + [[s] for s in strings[:12]] + [{"k": s} for s in strings[12:]]
values += [0, -7, 10 ** 30, 1.5, 1e20, 1e-7, float("inf"), True, None, [], {}, [[1, 2], {"b": 1, "a": [3]}],
           {"z": 1, "a": {"y": [1, {"c": None}]}}, {"s": {"b", "a"}}, {1, 2},
           dt.datetime(2024, 1, 2, 3, 4, 5), dt.datetime(2024, 1, 2, 3, 4, 5, 120000),
           dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc),
           dt.datetime(2024, 1, 2, 3, 4, 5, 6, tzinfo=dt.timezone(dt.timedelta(hours=2))),
           dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone(-dt.timedelta(hours=5, minutes=30))),
           dt.date(2024, 2, 29), {"when": dt.datetime(2020, 1, 1), "day": dt.date(2020, 1, 1)}]
for v in values:
    print(json.dumps({"op": "dump", "value": tag(v), "yaml": yaml.safe_dump(v)}))
for v in [decimal.Decimal("1.50"), {"m": decimal.Decimal("-0.00")}, [decimal.Decimal("NaN")]]:
    try:
        yaml.safe_dump(v)
        raise SystemExit("expected a refusal")
    except yaml.representer.RepresenterError as e:
        print(json.dumps({"op": "dump", "value": tag(v), "error": type(e).__name__, "message": str(e.args[0])}))

docs = ["2024-01-02", "2024-1-2", "2024-01-02 03:04:05", "2024-01-02T03:04:05.5", "2024-01-02t03:04:05.1234567",
        "2024-01-02 03:04:05Z", "2024-01-02T03:04:05+02:00", "2024-01-02T03:04:05.25-05:30",
        "2024-01-02 03:04:05 +7", "a: 2024-01-02T03:04:05-01:00\nb: [2024-01-02]",
        "'2024-01-02'", "x: 0x1F\ny: 017\nz: 0b101\nw: 1_000\ns: 190:20:30", "1" * 4300, "-" + "9" * 4300,
        "1" * 4301, "{a: 1, b: [x, 'y', \"\\xE9\\u00e9\"]}", "!!set {a, b}", "multi\n  line"]
for d in docs:
    try:
        print(json.dumps({"op": "load", "yaml": d, "value": tag(yaml.safe_load(d))}))
    except ValueError as e:
        print(json.dumps({"op": "load", "yaml": d, "error": type(e).__name__, "message": str(e)}))
