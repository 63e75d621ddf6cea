from datetime import date

import pytest

from audits.enums import Phase
from tests.factories.audits import AuditPeriodFactory


@pytest.fixture
def periods(world):
    """Baseline 17–28/10/2022 and final 5–16/12/2022 of the world's programme."""
    return {
        Phase.BASELINE: AuditPeriodFactory(
            programme=world.programme, phase=Phase.BASELINE, starts_on=date(2022, 10, 17), ends_on=date(2022, 10, 28)
        ),
        Phase.FINAL: AuditPeriodFactory(
            programme=world.programme, phase=Phase.FINAL, starts_on=date(2022, 12, 5), ends_on=date(2022, 12, 16)
        ),
    }
