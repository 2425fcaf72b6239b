from . import (
    test_balance,
    test_counter_tour,
    test_currency,
    test_dashboard,
    test_home_action,
    test_merchant,
    test_payment,
    test_project,
    test_reconversion,
    test_security,
    test_wallet_import,
    test_workflow_guard,
)
