"""The app's language: our translations, Qt's own (dialog buttons), and the locale for dates.

``install_translator(qapp, setting)`` is called once by the composition root with the
``language`` setting ("" means the system's language). It returns a :class:`Translation`
that knows the language in force and can be removed again (tests build many apps in one
QApplication). See ``docs/translations.md`` for the Qt Linguist workflow.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication

from stretch_app import paths
from stretch_app.core.language import language_candidates

__all__ = ["LANGUAGES", "Translation", "install_translator", "resolve_language"]

#: The languages the app speaks (code, name in that language); English is the source.
LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("de", "Deutsch"))


def resolve_language(setting: str, system: str | None = None) -> str:
    """The language to use: the setting, else the system's; English when we lack it."""
    wanted = setting or (system if system is not None else QLocale.system().name())
    known = {code for code, _name in LANGUAGES}
    return next((code for code in language_candidates(wanted) if code in known), "en")


class Translation(QObject):
    """The translators installed for one language; :meth:`remove` takes them out again."""

    def __init__(self, qapp: QApplication, language: str) -> None:
        super().__init__(qapp)
        self.qapp = qapp
        self.language = language
        self._previous_locale = QLocale()
        self._translators: list[QTranslator] = []
        ours = QTranslator(self)
        if ours.load(str(paths.i18n_dir() / f"nightstretch_{language}.qm")):
            self._translators.append(ours)
        if language == "en":  # English is the source; its file holds only plural forms
            for translator in self._translators:
                qapp.installTranslator(translator)
            return
        QLocale.setDefault(QLocale(language))
        qt_own = QTranslator(self)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", qt_folder):
            self._translators.append(qt_own)
        for translator in self._translators:
            qapp.installTranslator(translator)

    @property
    def loaded(self) -> bool:
        """True when the app's own translation was found and installed."""
        return self.language == "en" or bool(self._translators)

    def remove(self) -> None:
        """Take the translators out and restore the locale in force before."""
        for translator in self._translators:
            self.qapp.removeTranslator(translator)
        self._translators = []
        QLocale.setDefault(self._previous_locale)


def install_translator(qapp: QApplication, setting: str = "") -> Translation:
    """Install the translation for the ``language`` setting ("" = the system's language)."""
    return Translation(qapp, resolve_language(setting))
