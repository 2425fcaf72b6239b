# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ResGroups(models.Model):
    _inherit = "res.groups"

    @api.model_create_multi
    def create(self, vals_list):
        groups = super().create(vals_list)
        groups._le97_get_users()._le97_update_home_action()
        return groups

    def write(self, vals):
        """Adding users to a group (or implying it from another) gives them the
        group's home screen, as a change made from the user's form does."""
        if "users" not in vals and "implied_ids" not in vals:
            return super().write(vals)
        users = self._le97_get_users()
        result = super().write(vals)
        (users | self._le97_get_users())._le97_update_home_action()
        return result

    def _le97_get_users(self):
        return self.with_context(active_test=False).users
