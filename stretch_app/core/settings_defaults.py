"""The first-start values the quick start-up readers need, in one place and free of pydantic.

:class:`stretch_app.core.settings.Settings` takes its defaults for these fields from here, and
the readers that run before pydantic loads (:mod:`stretch_app.core.nightlook`,
:mod:`stretch_app.core.language`) fall back to the same values, so the two never disagree.
"""

from __future__ import annotations

from typing import Final

__all__ = ["DEFAULT_LANGUAGE", "DEFAULT_LOOK", "DEFAULT_NIGHT_ENDS", "DEFAULT_NIGHT_STARTS"]

DEFAULT_LOOK: Final = "auto"
"""Night or day look chosen by the clock."""
DEFAULT_NIGHT_STARTS: Final = "19:00"
"""Our own default, not the article's: when the night look begins."""
DEFAULT_NIGHT_ENDS: Final = "07:00"
"""Our own default, not the article's: when the night look ends."""
DEFAULT_LANGUAGE: Final = ""
"""Empty: the system's language."""
