# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import PiveCommon


@tagged("post_install", "-at_install")
class TestPivePaymentProject(PiveCommon):
    """The Pive income carries its project: by default the purpose's, chosen
    by the counter or the treasurer while the payment is a draft."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Analytic = cls.env["account.analytic.account"]
        plan = Analytic._le97_project_plan()
        cls.column = Analytic._le97_project_column()
        cls.project = Analytic.create({"name": "Jardin du Ravelin", "plan_id": plan.id})
        cls.project_2 = Analytic.create({"name": "Club Climat", "plan_id": plan.id})
        # a service purpose: its income is booked by the payment itself (a
        # gift's is the donation's, when the donations addon is there)
        cls.purpose = cls.env.ref("le97_pive.purpose_pay_what_you_can")
        cls.purpose.le97_project_id = cls.project

    def _analytic_lines(self, moves):
        return (
            self.env["account.analytic.line"]
            .sudo()
            .search([("move_line_id", "in", moves.line_ids.ids)])
        )

    def test_counter_income_on_the_purpose_project(self):
        payment = (
            self.env["le97.pive.payment"]
            .with_user(self.user_merchant)
            .create({"amount": 7, "purpose_id": self.purpose.id})
        )
        self.assertEqual(payment.le97_project_id, self.project)
        payment.action_post()
        move = payment.sudo().move_id
        income = move.line_ids.filtered(
            lambda line: line.account_id == self.company.mlcc_service_account_id
        )
        self.assertEqual(income.analytic_distribution, {str(self.project.id): 100})
        self.assertFalse((move.line_ids - income).analytic_distribution)
        analytic = self._analytic_lines(move)
        self.assertEqual(len(analytic), 1)
        self.assertEqual(analytic[self.column], self.project)
        self.assertEqual(analytic.amount, 7.0)
        self.assertEqual(analytic.general_account_id, income.account_id)

    def test_counter_form_still_records(self):
        """The counter screen is unchanged: the purpose's project applies."""
        env = self.env(user=self.user_merchant, context={})
        form = Form(
            env["le97.pive.payment"],
            view="le97_pive.le97_pive_payment_view_form_counter",
        )
        form.amount = 12
        form.purpose_id = self.purpose.with_env(env)
        payment = form.save()
        payment.action_record_and_new()
        self.assertEqual(payment.state, "posted")
        self.assertEqual(payment.le97_project_id, self.project)
        self.assertEqual(
            self._analytic_lines(payment.sudo().move_id)[self.column], self.project
        )

    def test_project_chosen_in_the_form(self):
        env = self.env(user=self.user_merchant, context={})
        form = Form(
            env["le97.pive.payment"], view="le97_pive.le97_pive_payment_view_form"
        )
        form.amount = 4
        form.purpose_id = self.purpose.with_env(env)
        self.assertEqual(form.le97_project_id, self.project)
        form.le97_project_id = self.project_2.with_env(env)
        payment = form.save()
        payment.action_post()
        self.assertEqual(
            self._analytic_lines(payment.sudo().move_id)[self.column], self.project_2
        )
        # a purpose without project: none
        bar = self._le97_payment(3, purpose="purpose_bar")
        self.assertFalse(bar.le97_project_id)
        bar.action_post()
        self.assertFalse(self._analytic_lines(bar.move_id))

    def test_project_fixed_once_posted(self):
        payment = self._le97_payment(9, purpose="purpose_pay_what_you_can")
        payment.action_post()
        for user in (self.user_merchant, self.user_treasurer):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                payment.with_user(user).write({"le97_project_id": self.project_2.id})
        self.assertEqual(payment.le97_project_id, self.project)
        # nor through its purpose
        self.purpose.le97_project_id = self.project_2
        payment.invalidate_recordset()
        self.assertEqual(payment.le97_project_id, self.project)
        # reversed: the project's income comes back to zero
        payment.action_reverse()
        self.assertEqual(payment.le97_project_id, self.project)
        moves = payment.move_id | payment.reversal_move_id
        analytic = self._analytic_lines(moves)
        self.assertEqual(len(analytic), 2)
        self.assertEqual(sum(analytic.mapped("amount")), 0.0)

    def test_project_must_be_a_project_of_the_fund(self):
        other_plan = self.env["account.analytic.plan"].create({"name": "Autre axe"})
        account = self.env["account.analytic.account"].create(
            {"name": "Hors projets", "plan_id": other_plan.id}
        )
        with self.assertRaises(ValidationError):
            self.purpose.le97_project_id = account
        with self.assertRaises(ValidationError):
            self._le97_payment(2, le97_project_id=account.id)
        self.assertEqual(self.purpose.le97_project_id, self.project)
