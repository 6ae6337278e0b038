"""Urgent doctor findings stand apart: on the history notice and in the doctor's report."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_app import paths
from stretch_app.core.doctor import DoctorRules, Finding, evaluate, load_doctor_rules
from stretch_app.core.journal import CrampEpisode
from stretch_app.core.report import Adherence, MedicineLine, Report
from stretch_app.ui.report_pdf import report_html, write_report_pdf
from stretch_app.ui.theme import NIGHT, apply_look
from stretch_app.ui.widgets.doctor_notice import DoctorNotice
from tests.sample_diary import TZ, plain_cramp


def cramp(day: int, **changes: object) -> CrampEpisode:
    return plain_cramp(datetime(2026, 3, day, 3, tzinfo=TZ), day, **changes)


@pytest.fixture(scope="module")
def rules() -> DoctorRules:
    return load_doctor_rules(paths.doctor_rules_path())


@pytest.fixture
def findings(rules: DoctorRules) -> list[Finding]:
    diary = [
        cramp(2, woke_me=True),
        cramp(3, woke_me=True),
        cramp(4, woke_me=True),
        cramp(10, pain=10),
    ]
    found = evaluate(rules, diary, TZ)
    assert [f.rule_id for f in found] == ["top-of-the-pain-scale", "woken-often"]
    return found


def test_the_notice_sets_an_urgent_finding_apart(
    qapp: QApplication, qtbot: QtBot, rules: DoctorRules, findings: list[Finding]
) -> None:
    apply_look(qapp, NIGHT)
    notice = DoctorNotice()
    qtbot.addWidget(notice)
    notice.show_findings(rules, findings)
    notice.show()
    qtbot.waitExposed(notice)
    urgent, routine = findings
    assert notice.urgent_label.isVisible()
    assert "<b>Emergency sign:</b> 1 cramp(s) had pain of 10 out of 10" in (
        notice.urgent_label.text()
    )
    assert urgent.found not in notice.findings_label.text()
    assert routine.found in notice.findings_label.text()
    assert routine.found not in notice.urgent_label.text()
    described = notice.accessibleDescription()
    assert described.startswith(f"Emergency sign: {urgent.found}")
    # Only routine findings: no emergency block at all.
    notice.show_findings(rules, [routine])
    assert notice.urgent_label.isHidden()
    assert notice.findings_label.isVisible()
    assert "Emergency sign" not in notice.accessibleDescription()


def _report(findings: list[Finding]) -> Report:
    return Report(
        first_night=date(2026, 3, 1),
        last_night=date(2026, 3, 31),
        disclaimer="Nightstretch is not medical advice.",
        adherence=Adherence(31, 20, 2, 1, 3),
        episodes=(),
        medicines=(
            MedicineLine("Lipitor 20 mg", "statins", "lowering cholesterol"),
            MedicineLine("Magnesium"),
        ),
        red_flags=tuple(findings),
    )


def test_the_report_marks_urgent_findings_and_never_calls_a_medicine_safe(
    qapp: QApplication, findings: list[Finding], tmp_path: Path
) -> None:
    html = report_html(_report(findings), TZ)
    routine = findings[1]
    assert "<li class='urgent'><b>Emergency sign:</b> 1 cramp(s) had pain of 10 out of 10" in html
    assert f"<li>{routine.found}" in html.replace("&#x27;", "'")
    assert html.index("Emergency sign") < html.index("Cramps woke you")
    assert "Magnesium — <span class='muted'>not on the article&#x27;s list — ask your doctor" in (
        html
    )
    assert "Lipitor 20 mg — <b>worth mentioning to your doctor</b> (statins" in html


def test_the_printed_report_reads_emergency_sign_first(
    qapp: QApplication, findings: list[Finding], tmp_path: Path
) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    target = tmp_path / "report.pdf"
    write_report_pdf(_report(findings), target, TZ)
    text = subprocess.run(
        [pdftotext, str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = " ".join(text.split())
    assert "Emergency sign: 1 cramp(s) had pain of 10 out of 10" in words
    assert words.index("Emergency sign") < words.index("Cramps woke you")
    assert "Magnesium — not on the article's list — ask your doctor or pharmacist" in words
