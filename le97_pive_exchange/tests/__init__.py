from . import (
    test_dashboard,
    test_exchange_checks,
    test_exchange_concurrency,
    test_exchange_day,
    test_exchange_guard,
    test_exchange_refusals,
    test_exchange_report_tour,
)
