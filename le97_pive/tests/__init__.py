from . import (
    test_balance,
    test_currency,
    test_exchange_checks,
    test_exchange_concurrency,
    test_exchange_day,
    test_exchange_refusals,
    test_exchange_report_tour,
    test_merchant,
    test_payment,
    test_reconversion,
    test_security,
    test_wallet_import,
)
