"""The JSON Schema of routine files, for editors and ``stretch-app schema``."""

from __future__ import annotations

from typing import Any

from stretch_app.core.model import Catalog, Routine

__all__ = ["routine_file_schema"]


def routine_file_schema() -> dict[str, Any]:
    """One schema accepting either a routine file or an exercise catalog."""
    routine = Routine.model_json_schema(ref_template="#/$defs/{model}")
    catalog = Catalog.model_json_schema(ref_template="#/$defs/{model}")
    defs: dict[str, Any] = {**routine.pop("$defs", {}), **catalog.pop("$defs", {})}
    defs["Routine"] = routine
    defs["Catalog"] = catalog
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Nightstretch routine file",
        "description": "A routine (kind 'routine' or 'relief') or an exercise catalog "
        "(kind 'catalog'). Durations are seconds or text like '30s', '1m30s'.",
        "oneOf": [{"$ref": "#/$defs/Routine"}, {"$ref": "#/$defs/Catalog"}],
        "$defs": defs,
    }
