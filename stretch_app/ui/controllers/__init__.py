"""Controllers: each wires one activity (relief, reminders, the editor) to its screens.

A controller is given its collaborators in its constructor, typed as the small protocols in
:mod:`stretch_app.ui.controllers.ports`, and speaks back to the composition root by Qt signals.
None of them imports the root; only the root decides that one activity runs at a time.
"""
