# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    account_payment_method_line,
    donation_donation,
    le97_pive_payment,
    res_company,
    res_config_settings,
    res_partner,
)
