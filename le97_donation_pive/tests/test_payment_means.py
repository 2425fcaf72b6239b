# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import DonationPiveCommon


@tagged("post_install", "-at_install")
class TestPaymentMeans(DonationPiveCommon):
    def test_pive_journals_tick_the_pive_box(self):
        journals = (
            self.company.mlcc_paper_journal_id | self.company.mlcc_digital_journal_id
        )
        lines = journals.inbound_payment_method_line_ids
        self.assertTrue(lines)
        self.assertEqual(set(lines.mapped("le97_payment_means")), {"pive"})
        # and take gifts: available on donations, with an account
        self.assertEqual(set(lines.mapped("donation")), {True})
        self.assertTrue(all(lines.mapped("payment_account_id")))
        # other journals keep their box
        self.assertEqual(self.method_line.le97_payment_means, "transfer")

    def test_chart_loaded_later_gets_pive_donation_methods(self):
        """A company whose chart comes after the modules gets its Pive journals
        usable on donations and the Pive gifts' product its gift account."""
        company = self.env["res.company"].create(
            {
                "name": "Fonds sans plan",
                "country_id": self.env.ref("base.fr").id,
                "currency_id": self.env.ref("base.EUR").id,
            }
        )
        self.env["account.chart.template"].try_loading(
            "fr_asso", company, install_demo=False
        )
        journals = company.mlcc_paper_journal_id | company.mlcc_digital_journal_id
        self.assertEqual(len(journals), 2)
        lines = journals.inbound_payment_method_line_ids
        self.assertEqual(set(lines.mapped("donation")), {True})
        self.assertEqual(set(lines.mapped("le97_payment_means")), {"pive"})
        product = self.env.ref("le97_donation_pive.product_product_gift_pive")
        self.assertTrue(company.le97_account_gift_id)
        self.assertEqual(
            product.product_tmpl_id.with_company(company).property_account_income_id,
            company.le97_account_gift_id,
        )

    def test_pive_box_on_the_receipt(self):
        self.company.fund_receipt_allow_pive = True
        receipt = self._validated_donation(method_line=self.pive_line).tax_receipt_id
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "donation_base.report_donation_tax_receipt", receipt.ids
        )
        self.assertIn("Monnaie locale complémentaire (Pive)", html.decode())
        other = self._validated_donation().tax_receipt_id
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "donation_base.report_donation_tax_receipt", other.ids
        )
        self.assertNotIn("Monnaie locale complémentaire", html.decode())
