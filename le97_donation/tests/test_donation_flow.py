# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import Le97DonationCommon


@tagged("post_install", "-at_install")
class TestDonationFlow(Le97DonationCommon):
    def test_payment_means_defaults(self):
        self.assertEqual(self.method_line.le97_payment_means, "transfer")
        cash_journal = self.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", self.company.id)], limit=1
        )
        cash_line = cash_journal.inbound_payment_method_line_ids[:1]
        self.assertEqual(cash_line.le97_payment_means, "cash")

    def test_donation_defaults_and_override(self):
        donation = self.env["donation.donation"].create(self._donation_vals())
        self.assertEqual(donation.le97_payment_means, "cheque")
        self.assertEqual(donation.le97_gift_form, "manual_gift")
        self.assertEqual(donation.line_ids.le97_nature, "cash")
        self.assertTrue(self.donor.le97_is_donor)
        donation.le97_payment_means = "cash"
        self.assertEqual(donation.le97_payment_means, "cash")

    # Debian's wkhtmltopdf warns about its unpatched Qt on every run
    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_treasurer_enters_and_validates_with_defaults(self):
        """A cheque gift entered from the form with the defaults and validated
        gets its journal entry, its receipt and then the receipt's PDF."""
        env = self.env(user=self.user_treasurer, context={})
        form = Form(env["donation.donation"])
        form.partner_id = self.donor.with_env(env)
        form.payment_method_line_id = self.cheque_line
        self.assertEqual(form.donation_date, self.today)
        with form.line_ids.new() as line:
            line.product_id = self.product
            line.unit_price = 120.0
        donation = form.save()
        self.assertEqual(donation.tax_receipt_option, "each")
        donation.validate()
        self.assertEqual(donation.state, "done")
        self.assertTrue(donation.move_id)
        self.assertEqual(donation.move_id.state, "posted")
        self.assertEqual(donation.move_id.amount_total, 120.0)
        receipt = donation.tax_receipt_id
        self.assertEqual(receipt.state, "issued")
        self.assertEqual(receipt.amount, 120.0)
        self.assertTrue(receipt.number)
        # the original PDF is stored with its hash by the scheduled action,
        # not in the validation
        self.assertFalse(receipt.sudo().le97_pdf_attachment_id)
        self._le97_render_originals()
        receipt.invalidate_recordset()
        attachment = receipt.sudo().le97_pdf_attachment_id
        self.assertTrue(attachment)
        self.assertEqual(attachment.mimetype, "application/pdf")
        self.assertTrue(attachment.raw.startswith(b"%PDF"))
        self.assertEqual(len(receipt.le97_pdf_sha256), 64)

    def test_validation_answers_xmlrpc(self):
        """Validating answers True (XML-RPC cannot send back None, OCA's
        answer)."""
        donation = self.env["donation.donation"].create(
            self._donation_vals(tax_receipt_option="none")
        )
        self.assertIs(donation.with_user(self.user_treasurer).validate(), True)
        self.assertEqual(donation.state, "done")

    def test_annual_option_gets_no_receipt_at_validation(self):
        donation = self._validated_donation(tax_receipt_option="annual")
        self.assertEqual(donation.state, "done")
        self.assertFalse(donation.tax_receipt_id)

    def test_in_kind_nature(self):
        in_kind = self.product.copy({"donation_type": "donation_in_kind"})
        donation = self.env["donation.donation"].create(
            self._donation_vals(line_ids=[(0, 0, {"product_id": in_kind.id})])
        )
        self.assertEqual(donation.line_ids.le97_nature, "in_kind")

    def test_chart_loaded_later_gets_donation_methods(self):
        """A company whose chart comes after the module (a new company, or the
        French chart installed in the same run) can validate a donation."""
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
        lines = self.env["account.payment.method.line"].search(
            [
                ("journal_id.company_id", "=", company.id),
                ("journal_id.type", "in", ["bank", "cash"]),
                ("payment_type", "=", "inbound"),
            ]
        )
        self.assertTrue(lines)
        self.assertEqual(set(lines.mapped("donation")), {True})
        self.assertTrue(all(lines.mapped("payment_account_id")))
        # the gift product gets the fund's gift account in the new company
        product = self.product.product_tmpl_id.with_company(company)
        self.assertEqual(
            product.property_account_income_id, company._le97_gift_income_account()
        )
        self.assertTrue(product.property_account_income_id)

    def test_new_donation_form_defaults(self):
        """A new donation starts today with the first donation method of a
        bank journal of the company, or with the user's own default."""
        env = self.env(user=self.user_treasurer, context={})
        form = Form(env["donation.donation"])
        self.assertEqual(form.donation_date, self.today)
        self.assertEqual(form.payment_method_line_id, self.method_line)
        self.assertEqual(form.payment_method_line_id.journal_id.type, "bank")
        self.user_treasurer.context_donation_payment_method_line_id = self.cheque_line
        form = Form(env["donation.donation"])
        self.assertEqual(form.payment_method_line_id, self.cheque_line)
        # a donation created by code keeps what it is given
        vals = self._donation_vals()
        del vals["payment_method_line_id"]
        self.user_treasurer.context_donation_payment_method_line_id = False
        donation = env["donation.donation"].create(vals)
        self.assertFalse(donation.payment_method_line_id)
