# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


class ExpenseClaimTourCase(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.volunteer = new_test_user(
            cls.env,
            login="tour_volunteer",
            name="Lucie Tour",
            groups="le97_base.group_volunteer",
        )
        cls.treasurer = new_test_user(
            cls.env,
            login="tour_treasurer",
            name="Paul Trésorier",
            groups="le97_base.group_treasurer",
        )
        cls.volunteer.partner_id.write(
            {
                "street": "5 rue Battant",
                "zip": "25000",
                "city": "Besançon",
                "country_id": cls.env.ref("base.fr").id,
            }
        )


@tagged("post_install", "-at_install")
class TestExpenseClaimVolunteerPhone(ExpenseClaimTourCase):
    """A volunteer enters a claim on a phone (390 px wide, touch screen)."""

    browser_size = "390x844"
    touch_enabled = True

    def test_volunteer_enters_a_claim_on_a_phone(self):
        self.start_tour(
            "/odoo",
            "le97_expense_claim_volunteer_tour",
            login="tour_volunteer",
            timeout=180,
        )
        claim = self.env["le97.expense.claim"].search(
            [("user_id", "=", self.volunteer.id)]
        )
        self.assertEqual(len(claim), 1)
        self.assertEqual(claim.state, "draft")
        self.assertEqual(claim.partner_id, self.volunteer.partner_id)
        self.assertEqual(claim.purpose, "Club Climat : atelier vélo")
        self.assertEqual(
            (claim.line_ids.distance, claim.line_ids.power, claim.line_ids.amount),
            (50.0, "car_4", 30.30),
        )


@tagged("post_install", "-at_install")
class TestExpenseClaimTreasurer(ExpenseClaimTourCase):
    """A treasurer approves a submitted claim and records its waiver."""

    def test_treasurer_approves_and_records_the_waiver(self):
        claim = (
            self.env["le97.expense.claim"]
            .with_user(self.volunteer)
            .create(
                {
                    "purpose": "Jardin du Ravelin",
                    "line_ids": [
                        Command.create(
                            {
                                "kind": "ticket",
                                "name": "Bus Ginko",
                                "amount": 12.40,
                                "proof": base64.b64encode(b"%PDF-1.4 ticket"),
                            }
                        )
                    ],
                }
            )
        )
        claim.with_user(self.volunteer).action_submit()
        claim.with_user(self.volunteer).action_accept_waiver()
        self.start_tour(
            "/odoo",
            "le97_expense_claim_treasurer_tour",
            login="tour_treasurer",
            timeout=180,
        )
        claim = claim.sudo()
        claim.invalidate_recordset()
        self.assertEqual(claim.state, "waived")
        self.assertEqual(claim.move_id.state, "posted")
        self.assertEqual(claim.donation_id.state, "done")
        self.assertAlmostEqual(claim.donation_id.amount_total, 12.40)
