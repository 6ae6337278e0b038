"""Every control on every screen has a name a screen reader can say, Tab goes in a sensible
order, and new steps are announced as well as spoken.

A button's text counts as its name (Qt gives it to screen readers), but a name must hold a
letter: an arrow-only button ("▶") needs a name of its own.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from stretch_app.core.clock import FakeClock
from stretch_app.ui.app import NightstretchApp
from stretch_app.ui.widgets import announce as announce_module
from tests.ui.helpers.screens import accessible_name, controls, tab_chain, visit_every_screen

SCREENS = {
    "home", "player", "finish", "relief-choose", "relief-step", "relief-near", "relief-emergency",
    "relief-form", "relief-tips", "history", "episode-dialog", "medicines", "guidance",
    "settings", "reminders-dialog", "reminder-window", "routine-editor", "exercise-picker",
}  # fmt: skip


@pytest.fixture
def window_size() -> tuple[int, int]:
    return (1100, 720)


def unnamed(root: QWidget) -> list[str]:
    """The controls under ``root`` with no name holding a letter, described for the message."""
    return [
        f"{type(w).__name__}({w.objectName() or accessible_name(w)!r})"
        for w in controls(root)
        if not re.search(r"[^\W\d_]", accessible_name(w))
    ]


def test_every_control_on_every_screen_has_a_name(
    app: NightstretchApp, clock: FakeClock, qtbot: QtBot
) -> None:
    seen, gaps, counted = set(), {}, 0
    for name, root in visit_every_screen(app, clock, qtbot):
        seen.add(name)
        found = controls(root)
        assert found, f"{name}: no controls found; is the screen showing?"
        counted += len(found)
        if missing := unnamed(root):
            gaps[name] = missing
    assert seen == SCREENS
    assert gaps == {}
    assert counted > 80


def test_an_arrow_only_button_without_a_name_is_caught(qtbot: QtBot) -> None:
    from stretch_app.ui.widgets.buttons import BigButton

    holder = QWidget()
    qtbot.addWidget(holder)
    BigButton("▶", holder)
    BigButton("▶", holder, accessible_name="Next month")
    holder.show()
    qtbot.waitExposed(holder)
    assert unnamed(holder) == ["BigButton('▶')"]


def _order(start: QWidget, wanted: list[QWidget]) -> list[QWidget]:
    """The ``wanted`` controls in the order Tab reaches them from ``start``."""
    chain = tab_chain(start)
    missing = [accessible_name(w) for w in wanted if w not in chain]
    assert not missing, f"cannot be reached with Tab: {missing}"
    return sorted(wanted, key=chain.index)


def test_tab_order_on_home_player_and_relief(app: NightstretchApp, clock: FakeClock) -> None:
    home = app.window.home
    card = home.cards[0]
    wanted = [
        home.cramp_button, card.start_button, card.reminders_button,
        home.history_button, home.guidance_button, home.settings_button,
    ]  # fmt: skip
    assert _order(home.cramp_button, wanted) == wanted

    player = app.start_routine("bedtime")
    assert player is not None
    wanted = [
        player.back_button, player.pause_button, player.skip_button,
        player.restart_button, player.stop_button,
    ]  # fmt: skip
    assert _order(player.back_button, wanted) == wanted
    app.show_home()

    relief = app.cramp_now()
    assert relief is not None
    muscles = list(relief.choose_page.muscle_buttons.values())
    assert _order(muscles[0], muscles) == muscles
    relief.choose("calf")
    wanted = [
        relief.step_page.eased_button,
        relief.step_page.next_button,
        relief.step_page.end_button,
    ]
    assert _order(relief.step_page.eased_button, wanted) == wanted
    relief.eased()
    form = relief.form
    # Save first (a tired person is done), then the optional details, top to bottom.
    wanted = [form.save_button, form.leg_buttons["left"], form.pain_buttons[0], form.note_edit]
    assert _order(form.save_button, wanted) == wanted


def test_player_announces_each_new_phase(
    app: NightstretchApp, clock: FakeClock, qtbot: QtBot
) -> None:
    said: list[str] = []
    player = app.start_routine("bedtime")
    assert player is not None
    player.announced.connect(said.append)
    clock.advance(5.1)
    player.tick()
    assert said == ["Hold. Calf stretch. Left leg"]
    player.tick()  # nothing new: said once
    player.toggle_pause()
    assert said[-1] == "Paused. Calf stretch. Left leg"
    player.toggle_pause()
    assert said[-1].startswith("Get ready")
    assert len(said) == 3


def test_relief_announces_the_question_steps_and_emergency(
    app: NightstretchApp, clock: FakeClock
) -> None:
    said: list[str] = []
    relief = app.cramp_now()
    assert relief is not None
    relief.announced.connect(said.append)
    relief.choose("calf")
    relief.next_step()
    clock.advance(601)
    relief.tick()
    assert said[0] == "Step 1 of 7: Calf stretch. Hold until it eases."
    assert said[1] == "Step 2 of 7: Stand and press down. Hold until it eases."
    assert said[2].startswith("Get emergency care. A cramp that lasts more than 10 minutes")


def test_announce_sends_an_announcement_event(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = []

    class Recorder:
        AnnouncementPoliteness = announce_module.QAccessible.AnnouncementPoliteness

        @staticmethod
        def updateAccessibility(event: object) -> None:
            sent.append((event.message(), event.object(), event.politeness()))  # type: ignore[attr-defined]

    monkeypatch.setattr(announce_module, "QAccessible", Recorder)
    label = QWidget()
    qtbot.addWidget(label)
    announce_module.announce(label, "Switch legs")
    announce_module.announce(label, "Get emergency care", urgent=True)
    announce_module.announce(label, "")
    polite = Recorder.AnnouncementPoliteness
    assert sent == [
        ("Switch legs", label, polite.Polite),
        ("Get emergency care", label, polite.Assertive),
    ]
