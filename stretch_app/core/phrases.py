"""The short prompts the voice says between exercise names ("Hold for 30 seconds."), by language.

English is built in. Another language's prompts come from ``assets/i18n/phrases.<lang>.toml``:

```toml
schema_version = 1
lowercase_names = false   # German nouns keep their capital letter mid-sentence

[lines]
hold_for = "{duration} halten."
```

A file may leave lines out (they stay English) but may not add unknown ones or use
placeholders the English line does not have; :func:`load_phrases` raises ``ValueError`` then.
Pure Python: the ui picks the language, the core only says the lines.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final

from stretch_app.core.language import language_candidates
from stretch_app.core.tomlfile import FileProblem, load_toml

__all__ = ["ENGLISH", "Phrases", "load_phrases", "phrases_for"]

_ENGLISH_LINES: Final[dict[str, str]] = {
    "get_ready": "Get ready.",
    "get_ready_first": "Get ready. First: {name}.",
    "left_leg": "Left leg.",
    "right_leg": "Right leg.",
    "carry_on": "Carry on.",
    "carry_on_left": "Carry on. {duration} left.",
    "hold_for": "Hold for {duration}.",
    "hold_until_eased": "Hold until it eases.",
    "hold_n_of": "Hold {n} of {count}.",
    "relax": "Relax.",
    "rest": "Rest.",
    "next": "Next: {name}.",
    "halfway": "Halfway.",
    "switch_legs": "Switch legs.",
    "paused": "Paused.",
    "all_done": "All done. Good night.",
    "stopped": "Stopped.",
    "minute_one": "{n} minute",
    "minute_other": "{n} minutes",
    "second_one": "{n} second",
    "second_other": "{n} seconds",
    "relief_asking": "Where is the cramp? Calf relief starts in {seconds} seconds.",
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class Phrases:
    """The prompts of one language; ``lowercase_names`` lowers a name's first letter mid-line."""

    def __init__(self, lines: Mapping[str, str], *, lowercase_names: bool = True) -> None:
        self.lines: Mapping[str, str] = MappingProxyType({**_ENGLISH_LINES, **lines})
        self.lowercase_names = lowercase_names

    def say(self, key: str, **values: object) -> str:
        """The line ``key`` with its placeholders filled in."""
        return self.lines[key].format(**values)

    def duration(self, seconds: float) -> str:
        """``30`` → "30 seconds", ``90`` → "1 minute 30 seconds" (in this language)."""
        total = max(1, round(seconds))
        minutes, secs = divmod(total, 60)
        parts = []
        if minutes:
            parts.append(self.say("minute_one" if minutes == 1 else "minute_other", n=minutes))
        if secs:
            parts.append(self.say("second_one" if secs == 1 else "second_other", n=secs))
        return " ".join(parts)

    def in_a_sentence(self, name: str) -> str:
        """A name as it reads mid-sentence: "Hamstring stretch" → "hamstring stretch" in English."""
        if not self.lowercase_names or (len(name) > 1 and name[1].isupper()):
            return name
        return name[:1].lower() + name[1:]


ENGLISH: Final = Phrases({})


def load_phrases(path: Path) -> Phrases:
    """Read a phrases file; ``ValueError`` names the first unknown line or placeholder."""
    try:
        data = load_toml(path)[1]
    except FileProblem as problem:
        raise ValueError(f"{path}: {problem.message}") from None
    if data.get("schema_version") != 1:
        raise ValueError(f"{path}: schema_version must be 1")
    lines = data.get("lines", {})
    lowercase = data.get("lowercase_names", True)
    if not isinstance(lines, dict) or not isinstance(lowercase, bool):
        raise ValueError(f"{path}: [lines] must be a table and lowercase_names true or false")
    for key, text in lines.items():
        if key not in _ENGLISH_LINES:
            raise ValueError(f"{path}: lines.{key}: no such line")
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{path}: lines.{key}: must be text")
        if _fields(text) != _fields(_ENGLISH_LINES[key]):
            wanted = ", ".join(sorted(_fields(_ENGLISH_LINES[key]))) or "none"
            raise ValueError(f"{path}: lines.{key}: placeholders must be: {wanted}")
    return Phrases(lines, lowercase_names=lowercase)


def phrases_for(language: str, folder: Path) -> Phrases:
    """The prompts for ``language`` from ``folder`` (``phrases.de.toml``…); English if none."""
    for code in language_candidates(language):
        path = folder / f"phrases.{code}.toml"
        if path.is_file():
            try:
                return load_phrases(path)
            except ValueError:  # a damaged install: English prompts rather than no app
                return ENGLISH
    return ENGLISH
