# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


class AccountAnalyticPlan(models.Model):
    _inherit = "account.analytic.plan"

    def _le97_project_plan_in(self):
        """The plan of the fund's projects, if it is in ``self``."""
        return self & self.env["account.analytic.account"]._le97_project_plan()

    def write(self, vals):
        # a treasurer keeps analytic plans (analytic accounting): the plan of
        # the projects stays a root plan, its column holding every project
        if (
            not self.env.su
            and "parent_id" in vals
            and vals["parent_id"]
            and self._le97_project_plan_in()
        ):
            raise UserError(
                self.env._(
                    "The plan %(plan)s holds the fund's projects: it stays a plan "
                    "of its own, under no other plan.",
                    plan=self._le97_project_plan_in().display_name,
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_le97_project_plan(self):
        if not self.env.su and self._le97_project_plan_in():
            raise UserError(
                self.env._(
                    "The plan %(plan)s holds the fund's projects (campaigns, "
                    "gifts, Pive income, volunteer time, the statement by "
                    "project): it cannot be deleted.",
                    plan=self._le97_project_plan_in().display_name,
                )
            )
