# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import PivePosCommon


@tagged("post_install", "-at_install")
class TestPosPaymentMethods(PivePosCommon):
    def test_methods_set_up(self):
        """One method per medium and company, on the Pive journals, never a
        cash method: the change is given in euros, the notes counted apart."""
        company = self.company
        self.assertEqual(self.paper_method.journal_id, company.mlcc_paper_journal_id)
        self.assertEqual(
            self.digital_method.journal_id, company.mlcc_digital_journal_id
        )
        self.assertEqual(
            self.paper_method.outstanding_account_id, company.mlcc_paper_account_id
        )
        self.assertEqual(
            self.digital_method.outstanding_account_id,
            company.mlcc_digital_account_id,
        )
        for method in self.paper_method | self.digital_method:
            self.assertEqual(method.type, "bank")
            self.assertFalse(method.is_cash_count)
        self.assertTrue(self.cash_method.is_cash_count)
        # idempotent: the set-up finds them again
        self.assertEqual(
            company._le97_pive_pos_setup(), self.paper_method | self.digital_method
        )
        # what the POS loads knows the medium
        self.assertIn(
            "le97_pive_medium",
            self.env["pos.payment.method"]._load_pos_data_fields(self.config.id),
        )

    def test_method_on_another_journal_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.cash_method.le97_pive_medium = "paper"
        self.assertIn("its journal must be", str(caught.exception))
        self.cash_method.invalidate_recordset()
        self.assertFalse(self.cash_method.le97_pive_medium)

    def test_parity_other_than_one_refused(self):
        """At a parity of 2 euros, a POS amount would be wrong in Pive."""
        config = self.config.copy({"name": "Autre bar"})
        self.company.mlcc_parity = 2.0
        with self.assertRaises(ValidationError) as caught:
            config.payment_method_ids = [Command.link(self.paper_method.id)]

        self.assertIn("parity of one euro", str(caught.exception))

    def test_other_foreign_currency_journal_still_refused(self):
        """Odoo's rule stays for every other journal in another currency."""
        usd = self.env.ref("base.USD")
        usd.active = True
        journal = self.env["account.journal"].create(
            {
                "name": "Banque USD",
                "code": "BUSD",
                "type": "bank",
                "currency_id": usd.id,
                "company_id": self.company.id,
            }
        )
        method = self.env["pos.payment.method"].create(
            {"name": "Dollars", "journal_id": journal.id}
        )
        with self.assertRaises(ValidationError) as caught:
            self.config.payment_method_ids = [Command.link(method.id)]
        self.assertIn("same currency", str(caught.exception))
        self.config.invalidate_recordset()
        self.assertNotIn(method, self.config.payment_method_ids)
