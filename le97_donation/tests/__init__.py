# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    test_access,
    test_declaration,
    test_donation_flow,
    test_donation_tour,
    test_evidence,
    test_french_labels,
    test_groups,
    test_home_action,
    test_mobile_tours,
    test_portal_receipts,
    test_receipt_checks,
    test_receipt_lifecycle,
    test_receipt_numbering,
    test_receipt_report,
    test_receipt_settings,
    test_send_receipts,
    test_wizard_companies,
    test_yearly_receipts,
)
