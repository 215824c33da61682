#!/usr/bin/env python3
"""Generates abstract_vectors.jsonl: Faust's abstract polymorphic models (``abstract=True``) in the shared vector
format, with every expected outcome derived from faust-streaming 0.15.2's source (commit 181b184). No Faust runs
here: the few functions below restate the cited code, and each case's ``note`` names the lines that decide it.

The models (module ``absmodels``):

    class Asset(Record, abstract=True, polymorphic_fields=True):   # never registered (base.py:367-372)
        url: str
    class Image(Asset):  width: int = 0          # inherits url and polymorphic_fields (types/models.py:121-132)
    class Video(Asset):  seconds: float = 0.0
    class Note(Record):  text: str               # unrelated to Asset
    class Gallery(Record):
        title: str
        items: List[Asset]
        cover: Optional[Asset] = None
    class Shape(Record, abstract=True): ...      # described nowhere: named only in Circle's bases
    class Circle(Shape, namespace='shapes.Circle'):  r: float
    class Drawing(Record):  shapes: List[Shape]

Run: python3 derive_abstract.py > abstract_vectors.jsonl
"""
import base64
import json

SRC = "fs:faust/"
OPTS = {"serializer": None, "include_metadata": True, "polymorphic_fields": False, "allow_blessed_key": False,
        "isodates": False, "decimals": False, "validation": False, "coerce": False}


def field(name, typ, descriptor, default=..., **kw):
    f = {"name": name, "type": typ, "descriptor": descriptor, "required": default is ...}
    if default is not ...:
        f["default"] = default
    f.update(kw)
    return f


def model(cls, fields, bases=("faust.models.record.Record",), namespace=None, **opts):
    return {"class": cls, "module": "absmodels", "namespace": namespace or "absmodels." + cls, "bases": list(bases),
            "fields": fields, "options": {**OPTS, **opts}}


URL = field("url", "str", "StringField")
ASSET = model("Asset", [URL], polymorphic_fields=True, abstract=True)
IMAGE = model("Image", [URL, field("width", "int", "IntegerField", 0)], ["absmodels.Asset"], polymorphic_fields=True)
VIDEO = model("Video", [URL, field("seconds", "float", "FloatField", 0.0)], ["absmodels.Asset"],
              polymorphic_fields=True)
NOTE = model("Note", [field("text", "str", "StringField")])
GALLERY = model("Gallery", [field("title", "str", "StringField"),
                            field("items", "List[absmodels.Asset]", "FieldDescriptor"),
                            field("cover", "Optional[absmodels.Asset]", "FieldDescriptor", None)])
CIRCLE = model("Circle", [field("r", "float", "FloatField")], ["absmodels.Shape"], namespace="shapes.Circle")
DRAWING = model("Drawing", [field("shapes", "List[absmodels.Shape]", "FieldDescriptor")])

# Faust's registry: concrete models only (base.py:387 is after the abstract return at base.py:367-372).
REGISTRY = {m["namespace"]: m for m in (IMAGE, VIDEO, NOTE, GALLERY, CIRCLE, DRAWING)}
ABSTRACT = {"absmodels.Asset": ASSET, "absmodels.Shape": {"class": "Shape", "module": "absmodels", "abstract": True}}
CLASSES = {m["module"] + "." + m["class"]: m for m in list(REGISTRY.values()) + list(ABSTRACT.values())}


def is_abstract(m):
    return m.get("abstract") or m.get("options", {}).get("abstract", False)


def maybe_namespace(data, preferred):
    """Model._maybe_namespace, base.py:175-217 (preferred None stands for None/ModelT/Model)."""
    if data is None or isinstance(data, (bytes, str)):
        return None
    try:
        ns = data["__faust"]["ns"]
    except (KeyError, TypeError):
        return None
    type_is_abstract = preferred is None
    if ns not in REGISTRY:
        if type_is_abstract:
            raise KeyError(ns)
        return None
    m = REGISTRY[ns]
    if type_is_abstract or m["options"]["allow_blessed_key"] or m["options"]["polymorphic_fields"]:
        return m
    return None


class Lazy(Exception):
    """An error Faust raises on first attribute access (fields.py:72-88), not while decoding."""


def from_data_field(m, data):
    """Model._from_data_field, base.py:225-230; abstract -> _maybe_reconstruct, base.py:219-222."""
    if data is None:
        return None
    if is_abstract(m):
        target = maybe_namespace(data, None)
        return from_data(target, data, None) if target else data
    return from_data(m, data, m)


def from_data(m, data, preferred):
    """Record.from_data, record.py:299-310; the generated __init__ (non-strict), record.py:343-510."""
    target = maybe_namespace(data, preferred)
    if is_abstract(m):  # record.py:309: abstract classes never get _input_translate_fields (record.py:187-193)
        raise AttributeError("type object '%s' has no attribute '_input_translate_fields'" % m["class"])
    cls = target or m
    if not isinstance(data, dict):
        raise TypeError("%s() argument after ** must be a mapping, not %s" % (cls["namespace"], type(data).__name__))
    out, extras = {}, {k: v for k, v in data.items() if k != "__faust"}
    for f in cls["fields"]:
        extras.pop(f["name"], None)
        if f["name"] not in data and f["required"]:
            raise TypeError("__outer__.<locals>.__init__() missing 1 required positional argument: '%s'" % f["name"])
        v = data.get(f["name"], f.get("default"))
        out[f["name"]] = convert(f["type"], v)
    tag = {"$record": cls["namespace"], "$class": cls["module"] + "." + cls["class"], "fields": out}
    if extras:
        tag["extra_attrs"] = extras
    return tag


def convert(typ, v):
    """The compiled type expression (typing.py:527-551): models via _from_data_field, lists element-wise."""
    if typ.startswith("List[") and v is not None:
        return [convert(typ[5:-1], x) for x in v]
    if typ.startswith("Optional["):
        return None if v is None else convert(typ[9:-1], v)
    if typ in CLASSES:
        try:
            return from_data_field(CLASSES[typ], v)
        except KeyError as e:
            raise Lazy(e)
    return v


def dumps(obj):
    """faust/utils/json.py:195-200 with the stdlib backend: compact separators, ensure_ascii."""
    return json.dumps(obj, separators=(",", ":")).encode()


def topic(value_type):
    return {"key_type": None, "value_type": value_type, "key_serializer": None, "value_serializer": None,
            "allow_empty": False, "app_key_serializer": "raw", "app_value_serializer": "json"}


def decode_case(name, m, value_type, payload, note):
    raw = dumps(payload)
    c = {"case": name, "kind": "decode_value", "topic": topic(value_type), "model": m, "serializer": "json",
         "bytes_b64": base64.b64encode(raw).decode(), "bytes_utf8": raw.decode()}
    try:
        if value_type is None:  # registry.py:112-114: _maybe_reconstruct
            target = maybe_namespace(payload, None)
            decoded = from_data(target, payload, None) if target else payload
        else:  # registry.py:125-128
            decoded = from_data(CLASSES[value_type], payload, CLASSES[value_type])
        c.update(ok=True, decoded=decoded, decoded_python_type=decoded["$class"] if isinstance(decoded, dict)
                 and "$class" in decoded else type(decoded).__name__)
    except Lazy as e:
        c.update(ok=False, error_stage="field_access_after_decode", decoded_python_type=value_type,
                 error={"exception_class": "KeyError", "message": str(e.args[0])})
    except (KeyError, AttributeError, TypeError) as e:  # registry.py:107-110 wraps into ValueDecodeError
        c.update(ok=False, error_stage="decode", error={
            "exception_class": "faust.exceptions.ValueDecodeError", "message": str(e),
            "cause_class": type(e).__name__, "cause_message": str(e)})
    c["note"] = note
    return c


def encode_case(name, m, value, rep, note):
    raw = dumps(rep)
    return {"case": name, "kind": "encode_value", "topic": topic(m["module"] + "." + m["class"]), "send_args": {},
            "model": m, "value": value, "python_type": m["module"] + "." + m["class"], "serializer": "json",
            "bytes_b64": base64.b64encode(raw).decode(), "bytes_utf8": raw.decode(), "headers": [], "ok": True,
            "roundtrip_serializer": "json", "roundtrip_decoded": value, "note": note}


def ns(n):
    return {"__faust": {"ns": n}}


ELEMENTS = [  # (name, JSON element, where Faust decides)
    ("image", {"url": "i.png", "width": 640, **ns("absmodels.Image")}, "the named model (base.py:199-216)"),
    ("video", {"url": "v.mp4", "seconds": 1.5, **ns("absmodels.Video")}, "the named model (base.py:199-216)"),
    ("unrelated_model", {"text": "hi", **ns("absmodels.Note")},
     "any registered model, Asset subclass or not (base.py:211-216)"),
    ("plain_mapping", {"url": "x", "width": 3}, "no __faust: the mapping is kept (base.py:193-196, 221-222)"),
    ("unknown_ns", {"url": "x", **ns("absmodels.Gone")}, "unknown ns: KeyError (base.py:204-208)"),
    ("abstract_ns", {"url": "x", **ns("absmodels.Asset")},
     "the abstract's own ns is unknown: never registered (base.py:367-372 returns before :387)"),
    ("string", "just text", "a str is kept (base.py:191-192)"),
    ("list", [1, 2], "a list is kept: data['__faust'] raises TypeError, caught (base.py:193-196)"),
    ("null", None, "None stays None (base.py:226)"),
]
cases = [{"case": "__meta__", "kind": "meta", "generated_by": "derive_abstract.py",
          "derived_from": "faust-streaming 0.15.2 (181b184) source, no Faust run"}]
lazy = " Conversion is lazy (fields.py:72-88, typing.py:549-551: Asset._from_data_field)."
for kind, element, why in ELEMENTS:
    payload = {"title": "g", "items": [element], **ns("absmodels.Gallery")}
    cases.append(decode_case("abstract_list_" + kind, GALLERY, "absmodels.Gallery", payload,
                             "List[Asset] element: " + why + "." + lazy))
    payload = {"title": "g", "items": [], "cover": element, **ns("absmodels.Gallery")}
    cases.append(decode_case("abstract_optional_" + kind, GALLERY, "absmodels.Gallery", payload,
                             "Optional[Asset] field: " + why + "." + lazy))
for kind, element, why in ELEMENTS[:3] + ELEMENTS[4:5]:
    cases.append(decode_case("abstract_value_type_" + kind, ASSET, "absmodels.Asset", element,
                             "value_type=Asset: from_data on the abstract class (registry.py:125-128) fails at "
                             "record.py:309 for every payload (AttributeError; _contribute_methods, record.py:187-193,"
                             " never ran for it, base.py:367-372)"))
cases.append(decode_case("abstract_value_type_plain_mapping", ASSET, "absmodels.Asset", {"url": "x"},
                         "value_type=Asset, no ns: record.py:309 fails first (AttributeError)"))
cases.append(decode_case("abstract_untyped_abstract_ns", ASSET, None, {"url": "x", **ns("absmodels.Asset")},
                         "value_type=None: _maybe_reconstruct (registry.py:113-114); the abstract ns is unknown, "
                         "KeyError (base.py:204-208)"))
cases.append(decode_case("abstract_untyped_subclass", IMAGE, None, {"url": "u", **ns("absmodels.Image")},
                         "value_type=None: the named model (base.py:199-216, registry.py:113-114)"))
cases.append(decode_case("abstract_sibling_on_typed_topic", IMAGE, "absmodels.Image",
                         {"url": "u", "seconds": 2.0, **ns("absmodels.Video")},
                         "value_type=Image, ns Video: Video inherits polymorphic_fields from Asset "
                         "(types/models.py:121-132, base.py:334-340) so it wins (base.py:210-216)"))
cases.append(decode_case("abstract_subclass_on_unrelated_topic", NOTE, "absmodels.Note",
                         {"url": "u", **ns("absmodels.Image")},
                         "value_type=Note, ns Image: _maybe_namespace checks Image's options, not its class "
                         "(base.py:210-216)"))
for kind, element, why in [("circle", {"r": 0.5, **ns("shapes.Circle")}, "the named model (base.py:199-216)"),
                           ("plain_mapping", {"r": 2}, "no __faust: kept (base.py:221-222)")]:
    cases.append(decode_case("abstract_base_only_" + kind, DRAWING, "absmodels.Drawing",
                             {"shapes": [element], **ns("absmodels.Drawing")},
                             "Shape is named only in Circle's bases; List[Shape] element: " + why + "." + lazy))

image = {"$record": "absmodels.Image", "$class": "absmodels.Image", "fields": {"url": "a.png", "width": 640}}
video = {"$record": "absmodels.Video", "$class": "absmodels.Video", "fields": {"url": "b.mp4", "seconds": 0.5}}
cases.append(encode_case("abstract_encode_gallery", GALLERY, {
    "$record": "absmodels.Gallery", "$class": "absmodels.Gallery",
    "fields": {"title": "g", "items": [image, {"url": "x", "width": 3}, video], "cover": image}},
    {"title": "g", "items": [{"url": "a.png", "width": 640, **ns("absmodels.Image")}, {"url": "x", "width": 3},
                             {"url": "b.mp4", "seconds": 0.5, **ns("absmodels.Video")}],
     "cover": {"url": "a.png", "width": 640, **ns("absmodels.Image")}, **ns("absmodels.Gallery")},
    "each record writes its own ns (record.py:591-601, 623-624); a kept mapping is written as it is"))
cases.append(encode_case("abstract_encode_subclass", IMAGE, image, {"url": "a.png", "width": 640,
                                                                     **ns("absmodels.Image")},
                         "the abstract's fields come first (record.py:138-144: annotations over the MRO)"))
cases.append(encode_case("abstract_encode_base_only_subclass", CIRCLE, {
    "$record": "shapes.Circle", "$class": "absmodels.Circle", "fields": {"r": 0.5}}, {"r": 0.5, **ns("shapes.Circle")},
    "namespace= is the subclass's own (base.py:365)"))

for c in cases:
    print(json.dumps(c))
