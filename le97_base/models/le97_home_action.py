# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class Le97HomeAction(models.Model):
    """The screen a role lands on after login.

    Each addon declares the home screen of the roles it serves; a user with
    several roles lands on the screen of the highest priority. The users'
    *Home Action* follows, unless an administrator chose another one for them
    (see ``res.users._le97_update_home_action``).
    """

    _name = "le97.home.action"
    _description = "Home Screen of a Role"
    _order = "priority desc, id"

    group_id = fields.Many2one(
        "res.groups", string="Role", required=True, ondelete="cascade"
    )
    action_id = fields.Many2one(
        "ir.actions.actions", string="Screen", required=True, ondelete="cascade"
    )
    priority = fields.Integer(
        default=10,
        help="A user with several roles lands on the screen of the highest priority.",
    )

    def _le97_get_users(self):
        return self.with_context(active_test=False).group_id.users

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._le97_get_users()._le97_update_home_action()
        return records

    def write(self, vals):
        users = self._le97_get_users()
        former_actions = self.action_id
        result = super().write(vals)
        (users | self._le97_get_users())._le97_update_home_action(former_actions)
        return result

    def unlink(self):
        users = self._le97_get_users()
        former_actions = self.action_id
        result = super().unlink()
        users._le97_update_home_action(former_actions)
        return result
