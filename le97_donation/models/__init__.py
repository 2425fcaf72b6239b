# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    account_chart_template,
    account_journal,
    account_move,
    account_payment_method_line,
    donation_donation,
    donation_line,
    donation_tax_receipt,
    donation_tax_receipt_declaration,
    donation_tax_receipt_declaration_line,
    ir_actions_report,
    ir_attachment,
    le97_fund_deadline,
    le97_receipt_counter,
    le97_receipt_mailing,
    mail_template,
    product_template,
    res_company,
    res_config_settings,
    res_partner,
)
