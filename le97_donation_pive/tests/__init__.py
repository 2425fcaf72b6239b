# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    test_access,
    test_concordance_pive,
    test_french_labels,
    test_gift_kinds,
    test_payment_means,
    test_pive_gift,
    test_receipt_checks,
)
