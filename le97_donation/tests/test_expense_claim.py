# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Waived volunteer expenses (abandon de frais): proved, approved, waived in
writing, booked, then receipted as "frais de bénévoles" (issue 12)."""

import base64
import html as html_lib
import re

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import Le97DonationCommon

REPORT = "donation_base.report_donation_tax_receipt"
PROOF = base64.b64encode(b"%PDF-1.4 ticket")


@tagged("post_install", "-at_install")
class TestExpenseClaim(Le97DonationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ctx = {"company_id": cls.company.id, "company_ids": cls.company.ids}
        cls.volunteer = new_test_user(
            cls.env,
            login="claim_volunteer",
            name="Lucie Bénévole",
            groups="le97_base.group_volunteer",
            **ctx,
        )
        cls.other_volunteer = new_test_user(
            cls.env,
            login="claim_volunteer_2",
            name="Marc Autre",
            groups="le97_base.group_volunteer",
            **ctx,
        )
        cls.volunteer.partner_id.write(
            {
                "street": "5 rue de la Vieille Monnaie",
                "zip": "25000",
                "city": "Besançon",
                "country_id": cls.fr.id,
                "lang": "fr_FR",
                "email": "lucie@example.com",
            }
        )

    def _new_claim(self, proofs=True, year=2026):
        """The volunteer's claim, entered in the form: 120 km by a 5 CV car and
        a 35.50 € train ticket, for the Jardin du Ravelin."""
        form = Form(self.env["le97.expense.claim"].with_user(self.volunteer))
        form.date = f"{year}-05-20"
        form.purpose = "Jardin du Ravelin : transport de bacs et de terreau"
        with form.line_ids.new() as line:
            line.date = f"{year}-05-10"
            line.kind = "km"
            line.name = "Besançon - Dole et retour, bacs de plantation"
            line.distance = 120
            line.vehicle_type = "car"
            line.power = "car_5"
            if proofs:
                line.proof = PROOF
        with form.line_ids.new() as line:
            line.date = f"{year}-05-12"
            line.kind = "ticket"
            line.name = "Train Besançon - Dijon, salon des tiers-lieux"
            line.amount = 35.50
            if proofs:
                line.proof = PROOF
        return form.save()

    def _entry(self, move):
        return sorted(
            (line.account_id.code, line.debit, line.credit, line.partner_id.id)
            for line in move.line_ids
        )

    def _approved_claim(self):
        claim = self._new_claim()
        claim.with_user(self.volunteer).action_submit()
        claim.with_user(self.volunteer).action_accept_waiver()
        claim.with_user(self.user_treasurer).action_approve()
        return claim

    def test_full_flow_entries_and_yearly_receipt(self):
        with freeze_time("2025-06-15"):
            claim = self._new_claim(year=2025)
            self._full_flow(claim)
        # the yearly receipt of the volunteer shows them, once the year is over
        with freeze_time("2026-01-15"):
            self._yearly_receipt_shows_the_waived_expenses()

    def _full_flow(self, claim):
        self.assertEqual(claim.partner_id, self.volunteer.partner_id)
        km, ticket = claim.line_ids.sorted("date")
        self.assertEqual((km.rate, km.amount), (0.636, 76.32))
        self.assertEqual(ticket.amount, 35.50)
        self.assertAlmostEqual(claim.amount_total, 111.82)
        claim.with_user(self.volunteer).action_submit()
        self.assertEqual(claim.state, "submitted")
        self.assertTrue(claim.name.startswith("NDF/2025/"))
        claim.with_user(self.volunteer).action_accept_waiver()
        self.assertTrue(claim.waiver_accepted)
        self.assertIn("Lucie Bénévole", claim.waiver_text)
        self.assertIn("renoncer au remboursement", claim.waiver_text)
        self.assertIn("111,82", claim.waiver_text)
        # the treasurer approves: expense / 4681
        claim.with_user(self.user_treasurer).action_approve()
        self.assertEqual(claim.state, "approved")
        partner = self.volunteer.partner_id.id
        self.assertEqual(claim.move_id.state, "posted")
        self.assertEqual(
            self._entry(claim.move_id),
            [("468100", 0.0, 111.82, partner), ("625100", 111.82, 0.0, partner)],
        )
        journal = claim.move_id.journal_id
        self.assertEqual(journal, self.company.le97_volunteer_expense_journal_id)
        self.assertTrue(journal.restrict_mode_hash_table)
        # the waiver: 4681 / 75412, and the gift
        claim.with_user(self.user_treasurer).action_waive()
        self.assertEqual(claim.state, "waived")
        self.assertEqual(
            self._entry(claim.waiver_move_id),
            [("468100", 111.82, 0.0, partner), ("754120", 0.0, 111.82, partner)],
        )
        self.assertEqual(claim.waiver_move_id.journal_id, journal)
        gift = claim.donation_id
        self.assertEqual(gift.state, "done")
        self.assertEqual(gift.le97_expense_claim_id, claim)
        self.assertEqual(gift.line_ids.le97_nature, "waived_expenses")
        self.assertAlmostEqual(gift.amount_total, 111.82)
        self.assertEqual(gift.move_id, claim.waiver_move_id)
        self.assertEqual(str(gift.donation_date), "2025-06-15")

    def _yearly_receipt_shows_the_waived_expenses(self):
        wizard = (
            self.env["donation.tax.receipt.yearly"]
            .with_user(self.user_admin)
            .create({"year": 2025})
        )
        wizard.action_issue()
        receipt = wizard.receipt_ids.filtered(
            lambda r: r.partner_id == self.volunteer.partner_id
        )
        self.assertEqual(len(receipt), 1)
        self.assertAlmostEqual(receipt.amount, 111.82)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            REPORT, receipt.ids
        )
        html = html.decode()
        html = re.sub(
            r'<span[^>]*data-le97-box="(checked|unchecked)"[^>]*>[^<]*</span>',
            lambda box: "☒" if box[1] == "checked" else "☐",
            html,
        )
        text = re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html)))
        self.assertIn("☒ Autres : frais de bénévoles", text)
        self.assertIn("☐ Numéraire", text)
        self.assertIn("Lucie Bénévole", text)

    def test_claim_for_a_project(self):
        """The project of a claim: its expenses and the gift of their waiver
        are booked on it."""
        Analytic = self.env["account.analytic.account"]
        project = Analytic.create(
            {
                "name": "Jardin du Ravelin",
                "plan_id": Analytic._le97_project_plan().id,
                "company_id": self.company.id,
            }
        )
        claim = self._new_claim()
        claim.with_user(self.volunteer).le97_project_id = project
        claim.with_user(self.volunteer).action_submit()
        claim.with_user(self.volunteer).action_accept_waiver()
        claim.with_user(self.user_treasurer).action_approve()
        claim.with_user(self.user_treasurer).action_waive()
        column = Analytic._le97_project_column()
        expense = claim.move_id.line_ids.filtered(lambda line: line.debit)
        income = claim.waiver_move_id.line_ids.filtered(lambda line: line.credit)
        for lines in (expense, income):
            self.assertEqual(lines.analytic_line_ids.mapped(column), project)
        self.assertAlmostEqual(sum(expense.analytic_line_ids.mapped("amount")), -111.82)
        self.assertAlmostEqual(sum(income.analytic_line_ids.mapped("amount")), 111.82)
        self.assertEqual(claim.donation_id.le97_project_id, project)

    def test_no_proof_no_submission(self):
        claim = self._new_claim(proofs=False)
        with self.assertRaises(UserError) as cm:
            claim.with_user(self.volunteer).action_submit()
        self.assertIn("Besançon - Dole", str(cm.exception))
        self.assertIn("no proof", str(cm.exception))
        self.assertEqual((claim.state, claim.name), ("draft", "/"))

    def test_proof_removed_no_approval(self):
        claim = self._new_claim()
        claim.with_user(self.volunteer).action_submit()
        # the treasurer reviews and takes a proof away (it was unreadable)
        claim.line_ids[:1].with_user(self.user_treasurer).write({"proof": False})
        moves = self.env["account.move"].search_count([])
        with self.assertRaises(UserError):
            claim.with_user(self.user_treasurer).action_approve()
        self.assertEqual(claim.state, "submitted")
        self.assertFalse(claim.move_id)
        self.assertEqual(self.env["account.move"].search_count([]), moves)

    def test_no_waiver_no_gift(self):
        claim = self._new_claim()
        claim.with_user(self.volunteer).action_submit()
        claim.with_user(self.user_treasurer).action_approve()
        donations = self.env["donation.donation"].search_count([])
        moves = self.env["account.move"].search_count([])
        with self.assertRaises(UserError) as cm:
            claim.with_user(self.user_treasurer).action_waive()
        self.assertIn("no written waiver", str(cm.exception))
        self.assertEqual(claim.state, "approved")
        self.assertFalse(claim.waiver_move_id or claim.donation_id)
        self.assertEqual(self.env["donation.donation"].search_count([]), donations)
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        # a waiver signed on paper, attached by the treasurer, is enough
        claim.with_user(self.user_treasurer).write(
            {"waiver_document": PROOF, "waiver_document_filename": "renonciation.pdf"}
        )
        claim.with_user(self.user_treasurer).action_waive()
        self.assertEqual(claim.state, "waived")
        self.assertIn("renoncer", claim.waiver_text)

    def test_no_approval_no_waiver(self):
        claim = self._new_claim()
        claim.with_user(self.volunteer).action_submit()
        claim.with_user(self.volunteer).action_accept_waiver()
        with self.assertRaises(UserError):
            claim.with_user(self.user_treasurer).action_waive()
        self.assertEqual(claim.state, "submitted")
        self.assertFalse(claim.donation_id)

    def test_waived_expenses_without_claim_are_not_receipted(self):
        """A gift typed in by hand as waived expenses (no claim, no proof) is
        refused a receipt, naming what is missing, and nothing is issued."""
        donation = self.env["donation.donation"].create(
            self._donation_vals(
                amount=80.0, donation_date="2026-03-01", tax_receipt_option="each"
            )
        )
        donation.line_ids.le97_nature = "waived_expenses"
        receipts = self._receipt_count()
        with self.assertRaises(UserError) as cm:
            donation.with_user(self.user_treasurer).validate()
        self.assertIn("expense claim", str(cm.exception))
        self.assertEqual(donation.state, "draft")
        self.assertEqual(self._receipt_count(), receipts)

    def test_refusal_needs_a_reason(self):
        claim = self._new_claim()
        claim.with_user(self.volunteer).action_submit()
        with self.assertRaises(AccessError):
            claim.with_user(self.volunteer).action_refuse("Pas pour moi")
        with self.assertRaises(UserError):
            claim.with_user(self.user_treasurer).action_refuse("  ")
        self.assertEqual(claim.state, "submitted")
        wizard = (
            self.env["le97.expense.claim.refuse"]
            .with_user(self.user_treasurer)
            .with_context(
                **claim.with_user(self.user_treasurer).action_open_refuse_wizard()[
                    "context"
                ]
            )
            .create({"reason": "Trajet sans lien avec le fonds"})
        )
        wizard.action_refuse()
        self.assertEqual(claim.state, "refused")
        self.assertEqual(claim.refuse_reason, "Trajet sans lien avec le fonds")
        self.assertFalse(claim.move_id)

    def test_volunteer_sees_and_edits_only_own_claims_never_after_approval(self):
        claim = self._new_claim()
        other = self.env["le97.expense.claim"].with_user(self.other_volunteer)
        self.assertFalse(other.search([("id", "=", claim.id)]))
        with self.assertRaises(AccessError):
            claim.with_user(self.other_volunteer).read(["purpose"])
        with self.assertRaises(AccessError):
            claim.with_user(self.other_volunteer).write({"purpose": "autre"})
        # nobody declares for someone else, nor names another donor
        with self.assertRaises(AccessError):
            other.create({"purpose": "x", "user_id": self.volunteer.id})
        with self.assertRaises(AccessError):
            claim.with_user(self.volunteer).write({"partner_id": self.company_donor.id})
        # the volunteer cannot approve, nor set the state
        claim.with_user(self.volunteer).action_submit()
        with self.assertRaises(AccessError):
            claim.with_user(self.volunteer).action_approve()
        with self.assertRaises(UserError):
            claim.with_user(self.volunteer).write({"state": "approved"})
        # submitted: the volunteer changes nothing any more
        with self.assertRaises(UserError):
            claim.with_user(self.volunteer).write({"purpose": "autre"})
        with self.assertRaises(UserError):
            claim.line_ids[:1].with_user(self.volunteer).write({"distance": 500})
        claim.with_user(self.volunteer).action_accept_waiver()
        claim.with_user(self.user_treasurer).action_approve()
        for user in (self.volunteer, self.user_treasurer):
            with self.assertRaises(UserError):
                claim.line_ids[:1].with_user(user).write({"distance": 500})
            with self.assertRaises(UserError):
                claim.with_user(user).write({"purpose": "autre"})
            with self.assertRaises(UserError):
                claim.with_user(user).unlink()
        self.assertEqual(claim.line_ids.sorted("date")[0].distance, 120)
        self.assertEqual(claim.state, "approved")

    def test_mileage_needs_the_scale_of_the_year(self):
        claim = self._new_claim()
        with self.assertRaises(UserError) as cm:
            claim.line_ids[:1].with_user(self.volunteer).write({"date": "2019-05-10"})
        self.assertIn("2019", str(cm.exception))
        with self.assertRaises(ValidationError):
            claim.line_ids[:1].with_user(self.volunteer).write({"distance": 0})
        self.assertEqual(claim.line_ids.sorted("date")[0].distance, 120)
        # the scale is the treasurer's to edit, read-only for a volunteer
        rate = self.env.ref("le97_donation.le97_mileage_rate_2026_car_5")
        with self.assertRaises(AccessError):
            rate.with_user(self.volunteer).write({"rate": 1.0})
        rates = self.env["le97.mileage.rate"].with_user(self.user_treasurer)
        for vals in (
            {"year": 2026, "vehicle_type": "car", "power": "car_5", "rate": 0.5},
            {"year": 2031, "vehicle_type": "car", "power": "car_5", "rate": -0.5},
            {"year": 2031, "vehicle_type": "moped", "power": "car_5", "rate": 0.5},
        ):
            with self.assertRaises(UserError):
                rates.create(vals)
        self.assertFalse(rates.search([("year", "=", 2031)]))
        rate.with_user(self.user_treasurer).write({"rate": 0.7})
        # a line entered before keeps the rate it was valued at
        self.assertEqual(claim.line_ids.sorted("date")[0].rate, 0.636)
