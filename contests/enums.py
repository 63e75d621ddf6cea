from django.db import models
from django.utils.translation import gettext_lazy as _

from home.badges import status_badges


class ContestKind(models.TextChoices):
    INITIATIVE = "initiative", _("Initiative")
    SLOGAN = "slogan", _("Slogan")
    CREATIVE = "creative", _("Creative work")


class ContestStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for entries")
    CLOSED = "closed", _("Closed")
    JUDGING = "judging", _("Judging")
    RESULTS_PUBLISHED = "results_published", _("Results published")


class TiePolicy(models.TextChoices):
    """What happens to a tie that straddles a prize boundary (never pushed down)."""

    FLAG = "flag", _("Flag to the chair")
    PROMOTE = "promote", _("Promote all tied entries")


class EntryStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    ENDORSED = "endorsed", _("Endorsed by the school")
    ELIGIBLE = "eligible", _("Eligible")
    INELIGIBLE = "ineligible", _("Ineligible")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ADVANCED = "advanced", _("Advanced")
    AWARDED = "awarded", _("Awarded")
    SELECTED = "selected", _("Selected")


# Entries a submitter may still edit, and entries that count against the limits.
ENTRY_EDITABLE = (EntryStatus.DRAFT, EntryStatus.RETURNED)
# What the organisers may mark eligible or ineligible.
ENTRY_CHECKABLE = (EntryStatus.SUBMITTED, EntryStatus.ENDORSED, EntryStatus.ELIGIBLE, EntryStatus.INELIGIBLE)
ENTRY_NOT_COUNTED = (EntryStatus.DRAFT, EntryStatus.WITHDRAWN, EntryStatus.INELIGIBLE)
# Entries that go forward to judging.
ENTRY_IN_JUDGING = (EntryStatus.ELIGIBLE, EntryStatus.ADVANCED, EntryStatus.AWARDED, EntryStatus.SELECTED)


class MediaKind(models.TextChoices):
    IMAGE = "image", _("Image")
    DOCUMENT = "document", _("Document")


class MediaStatus(models.TextChoices):
    PROCESSING = "processing", _("Processing")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class CertificateRevocation(models.TextChoices):
    """Why a certificate's code no longer confirms it (the public check says so)."""

    ERASED = "erased", _("The student's data was erased")
    REPLACED = "replaced", _("Replaced by a newer certificate")


class RoundMode(models.TextChoices):
    SCREENING = "screening", _("Screening (pass or fail)")
    RUBRIC = "rubric", _("Rubric")
    LIVE = "live", _("Live showcase")


class RoundStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    OPEN = "open", _("Open for scoring")
    CLOSED = "closed", _("Closed")
    DECIDED = "decided", _("Results decided")


class Aggregation(models.TextChoices):
    """DESIGN §5: the mean when every judge scored every entry, else the adjusted model."""

    AUTO = "auto", _("Automatic (mean if complete, else adjusted)")
    MEAN = "mean", _("Mean of judges' scores")
    ADJUSTED = "adjusted", _("Adjusted for judge leniency (least squares)")


class AdvanceRule(models.TextChoices):
    TOP_N = "top_n", _("Top N entries")
    THRESHOLD = "threshold", _("Score at or above a threshold")
    MANUAL = "manual", _("Chosen by hand")


class EvaluationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ABSTAINED = "abstained", _("Abstained")
    RECUSED = "recused", _("Recused")


class ConflictSource(models.TextChoices):
    AUTOMATIC = "automatic", _("Automatic (same school)")
    DECLARED = "declared", _("Declared by the judge")
    ORGANISER = "organiser", _("Added by an organiser")


class BatchStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


status_badges(
    "contests.batch",
    {BatchStatus.DONE: "text-bg-success", BatchStatus.FAILED: "text-bg-danger"},
    default="text-bg-secondary",
)


class ImplementationStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Completed")
    STOPPED = "stopped", _("Stopped")


status_badges(
    "contests.implementation",
    {
        ImplementationStatus.IN_PROGRESS: "text-bg-primary",
        ImplementationStatus.DONE: "text-bg-success",
        ImplementationStatus.STOPPED: "text-bg-danger",
    },
    default="text-bg-secondary",
)
