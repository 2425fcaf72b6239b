# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import ValidationError

PROJECT_PLAN_XMLID = "le97_base.analytic_plan_projects"


class AccountAnalyticAccount(models.Model):
    _inherit = "account.analytic.account"

    @api.model
    def _le97_project_plan(self):
        """The analytic plan of the fund's projects (empty if it was deleted)."""
        return (
            self.env.ref(PROJECT_PLAN_XMLID, raise_if_not_found=False)
            or self.env["account.analytic.plan"]
        )

    @api.model
    def _le97_project_domain(self):
        """Domain of the analytic accounts that are projects of the fund: the
        fields that carry a project (``le97_project_id``) use it."""
        plan = self._le97_project_plan()
        return [("plan_id", "child_of", plan.ids)]

    @api.model
    def _le97_check_project_field(self, records, field_name="le97_project_id"):
        """Raise a ValidationError when a record of ``records`` carries, in
        ``field_name``, an analytic account that is not a project of the fund
        (an account of another plan, over RPC)."""
        domain = self._le97_project_domain()
        records = records.sudo()
        projects = records[field_name].filtered_domain(domain)
        wrong = records.filtered(
            lambda record: record[field_name] and record[field_name] not in projects
        )
        if wrong:
            raise ValidationError(
                self.env._(
                    "%(accounts)s: these analytic accounts (of %(records)s) are "
                    "not projects of the fund; choose accounts of the plan "
                    "%(plan)s.",
                    accounts=", ".join(wrong[field_name].mapped("display_name")),
                    records=", ".join(wrong.mapped("display_name")),
                    plan=self._le97_project_plan().sudo().display_name,
                )
            )

    @api.model
    def _le97_project_column(self):
        """Name of the column of ``account.analytic.line`` holding the project."""
        return self._le97_project_plan().sudo()._column_name()
