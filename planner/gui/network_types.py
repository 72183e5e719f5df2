"""How the app names and explains the three kinds of network, in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from planner.domain.enums import NetworkType


def tr(text: str) -> str:
    return QCoreApplication.translate("network_types", text)


def network_name(kind: NetworkType) -> str:
    return {
        NetworkType.OPERATIONAL: tr("Operational"),
        NetworkType.PERSONAL: tr("Personal"),
        NetworkType.STRATEGIC: tr("Strategic"),
    }[kind]


def network_explanation(kind: NetworkType) -> str:
    return {
        NetworkType.OPERATIONAL: tr(
            "People you need to get today's work done: colleagues, clients, suppliers."
        ),
        NetworkType.PERSONAL: tr(
            "People outside your own circle who help you grow: peers, mentors, referrals."
        ),
        NetworkType.STRATEGIC: tr("People who can shape where you and your organisation go next."),
    }[kind]


NETWORK_COLOURS = {
    NetworkType.OPERATIONAL: QColor("#2f7d6d"),
    NetworkType.PERSONAL: QColor("#c27c1a"),
    NetworkType.STRATEGIC: QColor("#1f5f8b"),
}
