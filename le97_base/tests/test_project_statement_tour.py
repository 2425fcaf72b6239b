# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io

import openpyxl

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestProjectStatementTour(HttpCase):
    def test_treasurer_prints_statement_by_project(self):
        treasurer = new_test_user(
            self.env, login="le97_proj_tour", groups="le97_base.group_treasurer"
        )
        company = treasurer.company_id
        project = self.env["account.analytic.account"].create(
            {
                "name": "Projet de la visite",
                "plan_id": self.env.ref("le97_base.analytic_plan_projects").id,
                "company_id": company.id,
            }
        )
        Account = self.env["account.account"].with_company(company)
        domain = Account._check_company_domain(company)
        income = Account.search([*domain, ("account_type", "=", "income")], limit=1)
        bank = Account.search([*domain, ("account_type", "=", "asset_cash")], limit=1)
        journal = self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(company),
                ("type", "=", "general"),
            ],
            limit=1,
        )
        move = self.env["account.move"].create(
            {
                "journal_id": journal.id,
                "date": fields.Date.context_today(treasurer),
                "line_ids": [
                    Command.create(
                        {
                            "account_id": income.id,
                            "credit": 75.0,
                            "analytic_distribution": {str(project.id): 100},
                        }
                    ),
                    Command.create({"account_id": bank.id, "debit": 75.0}),
                ],
            }
        )
        move.action_post()
        self.start_tour("/odoo", "le97_project_statement_tour", login="le97_proj_tour")
        wizard = self.env["le97.statement.wizard"].search(
            [("create_uid", "=", treasurer.id)]
        )
        self.assertEqual(len(wizard), 1)
        self.assertTrue(wizard.by_project)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", wizard._name), ("res_id", "=", wizard.id)]
        )
        self.assertEqual(len(attachment), 1)
        sheet = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(attachment.datas))
        ).worksheets[0]
        self.assertIn("Projet de la visite", [cell.value for cell in sheet[3]])
