from . import (
    test_balance,
    test_currency,
    test_exchange_day,
    test_merchant,
    test_payment,
    test_reconversion,
    test_security,
    test_wallet_import,
)
