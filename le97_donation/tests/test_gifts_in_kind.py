# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Gifts in kind: described and valued before any receipt, a company's with
its own valuation letter, booked as a contribution in kind (issue 12)."""

import base64

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import Le97DonationCommon

LETTER = base64.b64encode(b"%PDF-1.4 valuation letter")


@tagged("post_install", "-at_install")
class TestGiftsInKind(Le97DonationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.in_kind = cls.product.copy(
            {"name": "Don en nature", "donation_type": "donation_in_kind"}
        )

    def _gift(self, partner, valued=True, **kw):
        line = {
            "product_id": self.in_kind.id,
            "quantity": 1,
            "unit_price": 150.0,
            "le97_in_kind_description": "Six tables pliantes d'occasion",
        }
        if valued:
            line.update(
                {
                    "le97_valuation_method": "resale_price",
                    "le97_valued_by_id": self.user_treasurer.id,
                    "le97_valuation_date": self.today,
                }
            )
        return (
            self.env["donation.donation"]
            .with_user(self.user_treasurer)
            .create(
                {
                    **self._donation_vals(partner, **kw),
                    "payment_method_line_id": False,
                    "line_ids": [Command.create(line)],
                }
            )
        )

    def test_gift_in_kind_booked_on_its_project(self):
        """A gift in kind to a project's campaign: both sides of its
        contribution in kind (860 / 870) carry the project."""
        Analytic = self.env["account.analytic.account"]
        project = Analytic.create(
            {
                "name": "Jardin du Ravelin",
                "plan_id": Analytic._le97_project_plan().id,
                "company_id": self.company.id,
            }
        )
        campaign = self.env["donation.campaign"].create(
            {"name": "Outils du jardin", "le97_project_id": project.id}
        )
        gift = self._gift(self.donor, campaign_id=campaign.id)
        gift.validate()
        self.assertEqual(gift.le97_project_id, project)
        move = gift.le97_in_kind_move_id
        self.assertEqual(
            move.line_ids.mapped("analytic_distribution"),
            [{str(project.id): 100}] * 2,
        )
        column = Analytic._le97_project_column()
        items = move.line_ids.analytic_line_ids
        self.assertEqual(items.mapped(column), project)
        self.assertEqual(sorted(items.mapped("amount")), [-150.0, 150.0])

    def test_valued_gift_receipted_and_booked(self):
        gift = self._gift(self.donor)
        gift.validate()
        self.assertEqual(gift.state, "done")
        self.assertFalse(gift.move_id, "OCA books no entry for a gift in kind")
        move = gift.le97_in_kind_move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id, self.company.le97_cvn_journal_id)
        self.assertEqual(
            sorted(
                (line.account_id.code, line.debit, line.credit)
                for line in move.line_ids
            ),
            [("860000", 150.0, 0.0), ("870000", 0.0, 150.0)],
        )
        receipt = gift.tax_receipt_id
        self.assertEqual(receipt.amount, 150.0)
        self.assertEqual(
            receipt._le97_in_kind_descriptions(), "Six tables pliantes d'occasion"
        )
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "donation_base.report_donation_tax_receipt", receipt.ids
        )
        self.assertIn(
            "don en nature (Six tables pliantes d&#39;occasion)", html.decode()
        )
        # cancelled: the receipt first, then the gift, whose entry is reversed
        receipt.with_user(self.user_admin)._le97_cancel("Valeur erronée")
        gift.with_user(self.user_treasurer).done2cancel()
        self.assertEqual(move.state, "posted")
        self.assertTrue(move.reversal_move_ids)

    def test_unvalued_gift_refused_nothing_written(self):
        gift = self._gift(self.donor, valued=False)
        receipts, moves = (
            self._receipt_count(),
            self.env["account.move"].search_count([]),
        )
        with self.assertRaises(UserError) as cm:
            gift.validate()
        message = str(cm.exception)
        for missing in ("valuation method", "who valued it", "valuation date"):
            self.assertIn(missing, message)
        self.assertEqual(gift.state, "draft")
        self.assertFalse(gift.le97_in_kind_move_id)
        self.assertEqual(self._receipt_count(), receipts)
        self.assertEqual(self.env["account.move"].search_count([]), moves)

    def test_company_gift_needs_its_valuation_letter(self):
        gift = self._gift(self.company_donor)
        receipts = self._receipt_count()
        with self.assertRaises(UserError) as cm:
            gift.validate()
        self.assertIn("valuation letter", str(cm.exception))
        self.assertEqual(gift.state, "draft")
        self.assertEqual(self._receipt_count(), receipts)
        gift.write(
            {"le97_valuation_letter": LETTER, "le97_valuation_letter_filename": "a.pdf"}
        )
        gift.validate()
        self.assertEqual(gift.tax_receipt_id.amount, 150.0)
        # the letter is the receipt's evidence: fixed once validated
        with self.assertRaises(UserError):
            gift.write({"le97_valuation_letter": False})
        self.assertTrue(gift.le97_valuation_letter)
