from .categories import WasteCategory
from .sessions import AuditCorrection, AuditLine, AuditPeriod, AuditSession

__all__ = ["AuditCorrection", "AuditLine", "AuditPeriod", "AuditSession", "WasteCategory"]
