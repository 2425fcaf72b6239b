# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    donation_tax_receipt_cancel,
    donation_tax_receipt_concordance,
    donation_tax_receipt_concordance_issue,
    donation_tax_receipt_concordance_line,
    donation_tax_receipt_option_switch,
    donation_tax_receipt_send,
    donation_tax_receipt_yearly,
    le97_cer_wizard,
    le97_expense_claim_refuse,
    tax_receipt_annual_create,
)
