#!/usr/bin/env python3
"""Derives renamed_vectors.jsonl from faust_vectors.jsonl: the same cases under other names, with every model
class, module and namespace renamed consistently, so that a harness that dispatched on case names or knew the
models by name would fail on it.

  * case ids  ->  t001, t002, ... (a pytest parameter "[...]" is kept: it is the call's argument, not a name)
  * module vecmodels -> acme.shop; class C -> CV2 (class paths vecmodels.C -> acme.shop.CV2)
  * namespace vecmodels.C -> shop.events.CV2 (so class paths and namespaces no longer coincide),
    com.example.Namespaced -> org.sample.NamespacedV2, gen_vectors.MainDefined -> gen2.MainDefinedV2
  * the namespaces inside payload bytes ("ns":"..." in JSON, "ns: ..." in YAML, also under base64 for
    json|binary) and the class names inside Faust's error messages follow.

Run: python3 derive_renamed.py faust_vectors.jsonl > renamed_vectors.jsonl
"""
import base64
import json
import re
import sys

src = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]

classes, ns_map, path_map, enums = {}, {}, {}, set()
for c in src:
    m = c.get("model")
    if m:
        classes[m["class"]] = m["class"] + "V2"


def collect(v):
    if isinstance(v, dict):
        if "$class" in v and isinstance(v["$class"], str):
            classes.setdefault(v["$class"].rsplit(".", 1)[-1], v["$class"].rsplit(".", 1)[-1] + "V2")
        if isinstance(v.get("$enum"), str) and v["$enum"].startswith("vecmodels."):
            enums.add(v["$enum"])
        for x in v.values():
            collect(x)
    elif isinstance(v, list):
        for x in v:
            collect(x)


for c in src:
    collect(c)

for old, new in classes.items():
    path_map["vecmodels." + old] = "acme.shop." + new
    ns_map["vecmodels." + old] = "shop.events." + new
for e in enums:  # enums are no models: only their class path changes
    path_map[e] = "acme.shop." + e.rsplit(".", 1)[-1] + "V2"
ns_map["com.example.Namespaced"] = "org.sample.NamespacedV2"
ns_map["gen_vectors.MainDefined"] = "gen2.MainDefinedV2"
MODULES = {"vecmodels": "acme.shop"}

CLASS_WORD = re.compile(r"\b(" + "|".join(sorted(map(re.escape, classes), key=len, reverse=True)) + r")\b")
DOTTED = re.compile(r"[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)+")


def paths(s):
    return DOTTED.sub(lambda m: path_map.get(m.group(), m.group()), s)


def message(s):
    s = DOTTED.sub(lambda m: ns_map.get(m.group(), m.group()), s)
    return CLASS_WORD.sub(lambda m: classes[m.group()], s)


def payload_text(t):
    t = re.sub(r'("ns"\s*:\s*")([^"]*)(")', lambda m: m.group(1) + ns_map.get(m.group(2), m.group(2)) + m.group(3), t)
    return re.sub(r"(\bns: )(\S+)", lambda m: m.group(1) + ns_map.get(m.group(2), m.group(2)), t)


def payload(b64, serializer):
    raw = base64.b64decode(b64)
    if str(serializer).startswith("pickle"):
        return b64  # pickle is refused both ways; its bytes are never read
    wrapped = str(serializer).endswith("|binary")
    if wrapped:
        try:
            raw = base64.b64decode(raw)
        except ValueError:
            return b64  # deliberately bad base64 (a decode-error case): nothing to rename inside
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return b64
    out = payload_text(text).encode("utf-8")
    if wrapped:
        out = base64.b64encode(out)
    return base64.b64encode(out).decode("ascii")


def value(v):
    """Tagged values: namespaces in $record and in __faust dicts, class paths in $class."""
    if isinstance(v, list):
        return [value(x) for x in v]
    if not isinstance(v, dict):
        return v
    out = {}
    for k, x in v.items():
        if k == "$record":
            out[k] = ns_map.get(x, x)
        elif k in ("$class", "$enum"):
            out[k] = path_map.get(x, x)
        elif k == "__faust" and isinstance(x, dict) and "ns" in x:
            out[k] = dict(x, ns=ns_map.get(x["ns"], x["ns"]))
        else:
            out[k] = value(x)
    return out


def model(m):
    m = dict(m)
    m["class"] = classes.get(m["class"], m["class"])
    m["module"] = MODULES.get(m["module"], m["module"])
    m["namespace"] = ns_map.get(m["namespace"], m["namespace"])
    m["bases"] = [paths(b) for b in m["bases"]]
    m["fields"] = [dict(f, type=paths(f["type"]), **({"default": value(f["default"])} if "default" in f else {}))
                   for f in m["fields"]]
    return m


n = 0
for c in src:
    if c.get("kind") == "meta":
        print(json.dumps(c))
        continue
    n += 1
    c = dict(c)
    name = c["case"]
    param = name[name.index("["):] if "[" in name and name.endswith("]") else ""
    c["case"] = "t%03d%s" % (n, param)
    if c.get("model"):
        c["model"] = model(c["model"])
    if "topic" in c:
        c["topic"] = {k: (paths(v) if k in ("key_type", "value_type") and isinstance(v, str) else v)
                      for k, v in c["topic"].items()}
    for k in ("python_type", "decoded_python_type"):
        if isinstance(c.get(k), str):
            c[k] = paths(c[k])
    for k in ("value", "decoded", "roundtrip_decoded", "result"):
        if k in c:
            c[k] = value(c[k])
    ser = c.get("serializer")
    if isinstance(c.get("bytes_b64"), str):
        c["bytes_b64"] = payload(c["bytes_b64"], ser)
        if "bytes_utf8" in c:
            try:
                c["bytes_utf8"] = base64.b64decode(c["bytes_b64"]).decode("utf-8")
            except UnicodeDecodeError:
                pass
    if isinstance(c.get("reencoded"), dict) and "bytes_b64" in c["reencoded"]:
        b64 = payload(c["reencoded"]["bytes_b64"], ser)
        c["reencoded"] = dict(c["reencoded"], bytes_b64=b64)
        if "bytes_utf8" in c["reencoded"]:
            c["reencoded"]["bytes_utf8"] = base64.b64decode(b64).decode("utf-8")
    if isinstance(c.get("not_bytes"), dict):
        c["not_bytes"] = value(c["not_bytes"])
    if isinstance(c.get("error"), dict):
        c["error"] = {k: (message(v) if k in ("message", "cause_message", "repr") and isinstance(v, str) else v)
                      for k, v in c["error"].items()}
    print(json.dumps(c))
