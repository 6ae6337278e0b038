"""The JSON Schema of routine files, for editors and ``stretch-app schema``.

Pydantic describes the models, and this module corrects what it cannot see: durations are
whole seconds *or* text such as ``"1m30s"``, clock times and picture paths are checked by
functions, and language codes are keys. The result accepts what ``stretch-app validate``
accepts and rejects what it rejects, as far as JSON Schema can say; what it cannot say (a
duration written as text that is over an hour, an exercise id that no catalog has, the same
exercise id twice in a catalog) only ``validate`` reports.
"""

from __future__ import annotations

from typing import Any

from stretch_app.core.model import MAX_DURATION_S, SCHEMA_VERSION, Catalog, Routine

__all__ = ["DURATION_PATTERN", "routine_file_schema"]

DURATION_PATTERN = (
    r"^\s*(?:[0-9]{1,4} ?m(?:in)?(?: ?[0-9]{1,5} ?s(?:ec)?)?|[0-9]{1,5} ?s(?:ec)?)\s*$"
)
"""``"30s"``, ``"2m"``, ``"1m30s"``, ``"2 min"``: the text form of a duration."""
_ZERO_PATTERN = r"^\s*(?:0+ ?m(?:in)?)? ?(?:0+ ?s(?:ec)?)?\s*$"
_TIME_PATTERN = r"^(?:[01]?[0-9]|2[0-3]):[0-5][0-9]$"
_PICTURE_PATTERN = (
    r"^(?!/)(?!.*\\)(?!.*\x00)(?!(?:.*/)?\.\.(?:/|$))"
    r".*\.(?:[sS][vV][gG]|[pP][nN][gG])$"
)
_LANGUAGE_PATTERN = r"^[a-z]{2}(-[A-Z]{2})?$"
_DURATIONS = {
    "Routine": ("get_ready", "switch_legs", "rest"),
    "Step": ("hold", "rest_between"),
    "Exercise": ("hold",),
}


def _duration(minimum: int, description: str) -> dict[str, Any]:
    text: dict[str, Any] = {"type": "string", "pattern": DURATION_PATTERN, "maxLength": 20}
    if minimum >= 1:
        text["not"] = {"pattern": _ZERO_PATTERN}
    return {
        "description": description,
        "anyOf": [{"type": "integer", "minimum": minimum, "maximum": MAX_DURATION_S}, text],
    }


def _fix_duration(properties: dict[str, Any], name: str) -> None:
    old = properties[name]
    variants = old.get("anyOf", [old])
    number = next(v for v in variants if v.get("type") == "integer")
    minimum = int(number.get("ge", number.get("minimum", 0)))
    new = _duration(minimum, "Seconds (a whole number), or text like '30s', '2m', '1m30s'.")
    for key in ("default", "title"):
        if key in old:
            new[key] = old[key]
    properties[name] = new


def _fix_language_keys(node: Any) -> None:
    """A ``translations`` table's keys are language codes; nothing else may appear."""
    if isinstance(node, dict):
        names = node.get("propertyNames")
        if isinstance(names, dict) and "pattern" not in names:
            names["pattern"] = _LANGUAGE_PATTERN
        for value in node.values():
            _fix_language_keys(value)
    elif isinstance(node, list):
        for value in node:
            _fix_language_keys(value)


def _fix(defs: dict[str, Any]) -> None:
    for model, names in _DURATIONS.items():
        for name in names:
            _fix_duration(defs[model]["properties"], name)
    for model in ("Routine", "Catalog"):
        defs[model]["properties"]["schema_version"] = {
            "const": SCHEMA_VERSION,
            "description": "The file format's version.",
        }
    defs["Reminder"]["properties"]["at"].update(
        pattern=_TIME_PATTERN, description="A time of day, HH:MM, like '21:45'."
    )
    picture = defs["Exercise"]["properties"]["picture"]
    picture["anyOf"][0].update(
        pattern=_PICTURE_PATTERN,
        description="A relative path to an .svg or .png, like 'exercises/calf-stretch.svg'.",
    )
    sides = defs["Step"]["properties"]["sides"]["anyOf"][0]
    sides["uniqueItems"] = True
    _fix_language_keys(defs)


def routine_file_schema() -> dict[str, Any]:
    """One schema accepting either a routine file or an exercise catalog."""
    routine = Routine.model_json_schema(ref_template="#/$defs/{model}")
    catalog = Catalog.model_json_schema(ref_template="#/$defs/{model}")
    defs: dict[str, Any] = {**routine.pop("$defs", {}), **catalog.pop("$defs", {})}
    defs["Routine"] = routine
    defs["Catalog"] = catalog
    _fix(defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Nightstretch routine file",
        "description": "A routine (kind 'routine' or 'relief') or an exercise catalog "
        "(kind 'catalog'). Durations are seconds or text like '30s', '1m30s'.",
        "oneOf": [{"$ref": "#/$defs/Routine"}, {"$ref": "#/$defs/Catalog"}],
        "$defs": defs,
    }
