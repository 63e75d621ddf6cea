from .contests import DEFAULT_TIE_BREAK, Contest, JudgeInvitation, PrizeTier
from .entries import Entry, EntryMedia, EntryMember
from .judging import Assignment, ConflictOfInterest, Criterion, CriterionScore, Evaluation, Round
from .results import (
    Award,
    Certificate,
    CertificateBatch,
    Implementation,
    Indicator,
    Milestone,
    ResultSnapshot,
    TieDecision,
)

__all__ = [
    "DEFAULT_TIE_BREAK",
    "Assignment",
    "Award",
    "Certificate",
    "CertificateBatch",
    "ConflictOfInterest",
    "Contest",
    "Criterion",
    "CriterionScore",
    "Entry",
    "EntryMedia",
    "EntryMember",
    "Evaluation",
    "Implementation",
    "Indicator",
    "JudgeInvitation",
    "Milestone",
    "PrizeTier",
    "ResultSnapshot",
    "Round",
    "TieDecision",
]
