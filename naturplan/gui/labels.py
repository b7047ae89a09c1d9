"""Interface words for the candidate enums (the core keeps the English values).

The texts are translated at call time (never at import time, STYLE.md): Danish labels come
from the ``CandidateLabels`` context of the ``.ts`` files.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from naturplan.core.plan.candidates import CandidateKind, CandidateStatus


def kind_label(kind: CandidateKind | str) -> str:
    """``lowland`` → "Udtagning af lavbundsjord" (Danish UI)."""
    texts = {
        CandidateKind.LOWLAND: QCoreApplication.translate("CandidateLabels", "Lowland withdrawal"),
        CandidateKind.AFFORESTATION: QCoreApplication.translate("CandidateLabels",
                                                                "Afforestation"),
        CandidateKind.CONNECTIVITY: QCoreApplication.translate("CandidateLabels",
                                                               "Ecological connection"),
    }
    return texts[CandidateKind(kind)]

def status_label(status: CandidateStatus | str) -> str:
    """``idea`` → "Idé" (Danish UI)."""
    texts = {
        CandidateStatus.IDEA: QCoreApplication.translate("CandidateLabels", "Idea"),
        CandidateStatus.PROPOSED: QCoreApplication.translate("CandidateLabels", "Proposed"),
        CandidateStatus.ADOPTED: QCoreApplication.translate("CandidateLabels", "Adopted"),
        CandidateStatus.REJECTED: QCoreApplication.translate("CandidateLabels", "Rejected"),
    }
    return texts[CandidateStatus(status)]

def default_name(number: int) -> str:
    """"Kandidat 3" in the Danish UI."""
    return QCoreApplication.translate("CandidateLabels", "Candidate %1").replace(
        "%1", str(number))
