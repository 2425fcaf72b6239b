# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import pos_config, pos_payment, pos_payment_method, pos_session, res_company
