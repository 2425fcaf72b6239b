# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountJournal(models.Model):
    _inherit = "account.journal"

    le97_whole_units = fields.Boolean(
        string="Whole Units Only",
        help="Paper notes have no cents: amounts posted on the cash account of "
        "this journal must be whole units of its currency.",
    )
