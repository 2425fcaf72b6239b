# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

# keys of a user's values that change their groups: the field itself and the
# check boxes and selections of the user form
GROUP_KEYS = ("groups_id", "in_group_", "sel_groups_")


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._le97_update_home_action()
        return users

    def write(self, vals):
        result = super().write(vals)
        if any(key.startswith(GROUP_KEYS) for key in vals):
            self._le97_update_home_action()
        return result

    def _le97_update_home_action(self, former_actions=None):
        """Point each user's home action at the screen of their main Le 97 role.

        Only users without a home action, or with one of the roles' screens
        (``former_actions``: screens that were one before a change), are
        changed: a home action an administrator chose is kept. A user who no
        longer has any role with a screen gets no home action back.
        """
        Rule = self.env["le97.home.action"].sudo()
        rules = Rule.search([])
        ours = rules.action_id | (former_actions or Rule.action_id)
        for user in self.sudo().with_context(active_test=False):
            if user.share or (user.action_id and user.action_id not in ours):
                continue
            group_ids = set(user.groups_id.ids)
            best = next(
                (rule.action_id for rule in rules if rule.group_id.id in group_ids),
                Rule.action_id,
            )
            if user.action_id != best:
                user.action_id = best
