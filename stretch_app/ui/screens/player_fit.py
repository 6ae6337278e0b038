"""How the player takes the room it has: the picture gives way, short windows get compact.

The leg and the step's name are never cut: they stand above the how-to (which scrolls), the
words' column is never narrower than its longest word, and on a short window at a large text
size the headings shrink a step, the ring gets smaller and the picture goes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretch_app.ui.theme import set_compact, text_scale
from stretch_app.ui.widgets.labels import hold_wrapped_heights

if TYPE_CHECKING:
    from stretch_app.ui.screens.player import PlayerScreen

__all__ = ["COMPACT_BELOW", "fit_height", "fit_words"]

COMPACT_BELOW = 620
"""A player shorter than this (times the text size) gets compact (our threshold, by eye)."""


def fit_words(player: PlayerScreen, *, afresh: bool = False) -> None:
    """The words never narrower than their longest word; the picture gives way first.

    ``afresh`` (new words): the lines are measured again at the widths the new words get, so
    the last step's longer lines never make the window grow.
    """
    bar = player.words_scroll.verticalScrollBar().sizeHint().width()
    heading = (player.phase_label, player.title_label, player.side_label)
    longest = max(label.minimumSizeHint().width() for label in heading)
    least = max(player.words_box.minimumSizeHint().width() + bar, longest)
    if least != player.words_scroll.minimumWidth():
        player.words_scroll.setMinimumWidth(least)
    margins = player.outer.contentsMargins()
    room = player.width() - margins.left() - margins.right()
    spacing = 2 * max(0, player.middle.horizontalSpacing())
    needed = least + player.ring.minimumWidth() + player.picture.minimumWidth() + spacing
    show_picture = room >= needed and not player.property("compact")
    player.picture.setVisible(show_picture)
    player.middle.setColumnStretch(0, 2 if show_picture else 0)
    if afresh:
        for label in (player.title_label, player.side_label, player.howto_label):
            label.setMinimumHeight(0)
        player.outer.activate()
    hold_wrapped_heights(player)


def fit_height(player: PlayerScreen, height: int) -> None:
    """Compact below :data:`COMPACT_BELOW`: tighter margins, a smaller ring, smaller headings."""
    compact = height < COMPACT_BELOW * text_scale()
    if compact != bool(player.property("compact")):
        set_compact(player, compact)
        player.outer.setContentsMargins(*((20, 8, 20, 8) if compact else (28, 20, 28, 20)))
        player.outer.setSpacing(8 if compact else 14)
        player.ring.setMinimumSize(*((120, 120) if compact else (180, 180)))
        player.middle.setColumnStretch(1, 1 if compact else 2)  # the words get the room
        player.words_scroll.setMinimumHeight(48 if compact else 0)
    fit_words(player)
