# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import donation_donation, pos_order, pos_order_line, pos_session, res_company
