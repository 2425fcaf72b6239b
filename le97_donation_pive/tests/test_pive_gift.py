# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.le97_pive.tests.common import PiveCommon

from .common import DonationPiveCommon


@tagged("post_install", "-at_install")
class TestPiveGift(PiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env.ref("le97_donation_pive.product_product_gift_pive")
        cls.anonymous = cls.env.ref(
            "le97_donation_pive.res_partner_pive_anonymous_donor"
        )
        cls.gift = cls.env.ref("le97_pive.purpose_gift")

    def _lines(self, move):
        return sorted(
            (line.account_id.code, line.debit, line.credit, line.amount_currency)
            for line in move.line_ids
        )

    def _merchant_gift(self, amount=20, payer=None, **vals):
        return (
            self.env["le97.pive.payment"]
            .with_user(self.user_merchant)
            .create(
                {
                    "amount": amount,
                    "medium": "paper",
                    "purpose_id": self.gift.id,
                    "payer_id": payer.id if payer else False,
                    **vals,
                }
            )
        )

    def test_gift_becomes_donation(self):
        donor = self.env["res.partner"].create({"name": "Claire Donatrice"})
        # recorded for the donor by a treasurer (a counter names no donor)
        payment = (
            self.env["le97.pive.payment"]
            .with_user(self.user_treasurer)
            .create(
                {
                    "amount": 20,
                    "medium": "paper",
                    "purpose_id": self.gift.id,
                    "payer_id": donor.id,
                }
            )
        )
        moves = self._move_count()
        payment.with_user(self.user_treasurer).action_post()
        donation = payment.donation_id
        self.assertEqual(payment.state, "posted")
        self.assertEqual(donation.state, "done")
        self.assertEqual(donation.partner_id, donor)
        self.assertEqual(donation.currency_id, self.pive)
        self.assertEqual(donation.amount_total, 20)
        self.assertEqual(donation.line_ids.product_id, self.product)
        self.assertEqual(donation.payment_method_line_id.journal_id, self.paper_journal)
        self.assertEqual(donation.le97_payment_means, "pive")
        self.assertEqual(donation.tax_receipt_option, "none")
        # one entry only, the donation's, as in pive.md: 5305 / 7541
        self.assertEqual(self._move_count(), moves + 1)
        self.assertEqual(payment.move_id, donation.move_id)
        self.assertEqual(payment.move_id.journal_id, self.paper_journal)
        self.assertEqual(
            self._lines(payment.move_id),
            sorted(
                [
                    (self.company.mlcc_paper_account_id.code, 20.0, 0.0, 20.0),
                    (self.company.le97_account_gift_id.code, 0.0, 20.0, -20.0),
                ]
            ),
        )
        # the donor is now a donor: hidden from the counters
        self.assertTrue(donor.le97_is_donor)
        with self.assertRaises(AccessError):
            donor.with_user(self.user_merchant).read(["name"])

    def test_gift_keeps_its_project(self):
        """A gift at a counter whose purpose goes to a project: its donation,
        and the analytic item of the donation's gift line, carry the project."""
        Analytic = self.env["account.analytic.account"]
        project = Analytic.create(
            {
                "name": "Jardin du Ravelin",
                "plan_id": Analytic._le97_project_plan().id,
                "company_id": self.company.id,
            }
        )
        payment = self._merchant_gift(amount=10, le97_project_id=project.id)
        payment.with_user(self.user_merchant).action_post()
        donation = payment.donation_id
        self.assertEqual(donation.le97_project_id, project)
        gift_items = donation.move_id.line_ids.filtered("credit")
        analytic = self.env["account.analytic.line"].search(
            [("move_line_id", "in", gift_items.ids)]
        )
        self.assertEqual(analytic[Analytic._le97_project_column()], project)
        self.assertEqual(sum(analytic.mapped("amount")), 10.0)

    def test_merchant_records_an_anonymous_gift(self):
        """At a counter, a merchant who sees no donation records a gift: it
        becomes a donation of the anonymous donor."""
        payment = self._merchant_gift(15)
        payment.action_post()
        self.assertEqual(payment.state, "posted")
        payment = payment.sudo()
        self.assertEqual(payment.donation_id.state, "done")
        self.assertEqual(payment.donation_id.partner_id, self.anonymous)
        self.assertEqual(payment.move_id, payment.donation_id.move_id)
        self.assertFalse(
            self.env["donation.donation"].with_user(self.user_merchant).search([])
        )

    def test_merchant_cannot_name_a_donor(self):
        """A donor is hidden from the counters, even an organisation (which a
        merchant otherwise sees): a merchant cannot name it as payer."""
        donor = self.env["res.partner"].create(
            {"name": "Comté Bois SARL", "is_company": True}
        )
        self.assertTrue(
            self.env["res.partner"]
            .with_user(self.user_merchant)
            .search([("id", "=", donor.id)])
        )
        donor.le97_is_donor = True
        self.assertFalse(
            self.env["res.partner"]
            .with_user(self.user_merchant)
            .search([("id", "=", donor.id)])
        )
        payments = self.env["le97.pive.payment"].search_count([])
        with self.assertRaises(AccessError):
            self._merchant_gift(10, donor)
        self.assertEqual(self.env["le97.pive.payment"].search_count([]), payments)

    def test_digital_gift_without_payer(self):
        payment = self._le97_payment(7.5, medium="digital", purpose="purpose_gift")
        payment.action_post()
        donation = payment.donation_id
        self.assertEqual(donation.state, "done")
        # the anonymous donor of the data, whatever the language
        self.assertEqual(donation.partner_id, self.anonymous)
        self.assertEqual(donation.tax_receipt_option, "none")
        self.assertEqual(
            donation.payment_method_line_id.journal_id, self.digital_journal
        )
        self.assertEqual(
            self._lines(payment.move_id),
            sorted(
                [
                    (self.company.mlcc_digital_account_id.code, 7.5, 0.0, 7.5),
                    (self.company.le97_account_gift_id.code, 0.0, 7.5, -7.5),
                ]
            ),
        )

    def test_batch_of_gifts_uses_the_data(self):
        """Gifts posted together share the product and the anonymous donor of
        the data: nothing is created at posting time."""
        products = self.env["product.product"].search_count([])
        partners = self.env["res.partner"].with_context(active_test=False)
        partner_count = partners.search_count([])
        payments = self._le97_payment(5, purpose="purpose_gift") | self._le97_payment(
            8, purpose="purpose_gift"
        )
        payments.action_post()
        self.assertEqual(len(payments.donation_id), 2)
        self.assertEqual(payments.donation_id.partner_id, self.anonymous)
        self.assertEqual(payments.donation_id.line_ids.product_id, self.product)
        self.assertEqual(self.env["product.product"].search_count([]), products)
        self.assertEqual(partners.search_count([]), partner_count)

    def test_gift_product_is_a_tax_free_donation_product(self):
        product = self.product.sudo()
        self.assertFalse(product.taxes_id)
        self.assertFalse(product.supplier_taxes_id)
        self.assertEqual(product.donation_type, "donation")
        self.assertTrue(product.tax_receipt_ok)
        self.assertFalse(product.company_id)
        self.assertEqual(
            product.product_tmpl_id.with_company(
                self.company
            ).property_account_income_id,
            self.company.le97_account_gift_id,
        )

    def test_receipted_gift_when_allowed(self):
        """With Pive receipts allowed, a named donor's gift follows the donor's
        receipt option; an anonymous gift never gets a receipt."""
        self.company.fund_receipt_allow_pive = True
        donor = self.env["res.partner"].create(
            {"name": "Claire Donatrice", "tax_receipt_option": "annual"}
        )
        payment = self._le97_payment(10, purpose="purpose_gift", payer_id=donor.id)
        payment.action_post()
        self.assertEqual(payment.donation_id.tax_receipt_option, "annual")
        anonymous = self._le97_payment(10, purpose="purpose_gift")
        anonymous.action_post()
        self.assertEqual(anonymous.donation_id.tax_receipt_option, "none")

    def test_donation_link_written_by_posting_only(self):
        """Nobody links a payment to a donation by hand: only the posting does."""
        payment = self._le97_payment(5, purpose="purpose_gift")
        payment.action_post()
        other = self._le97_payment(6, purpose="purpose_bar")
        for user in (self.user_treasurer, self.env.ref("base.user_admin")):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                other.with_user(user).write({"donation_id": payment.donation_id.id})
        self.assertFalse(other.donation_id)

    def test_reversed_gift_cancels_its_donation(self):
        payment = self._le97_payment(12, purpose="purpose_gift")
        payment.action_post()
        donation = payment.donation_id
        payment.with_user(self.user_treasurer).action_reverse()
        self.assertEqual(payment.state, "reversed")
        self.assertEqual(donation.state, "cancel")
        # the entry is kept and reversed (hash-secured journal)
        self.assertEqual(donation.move_id.state, "posted")
        self.assertEqual(payment.reversal_move_id.reversed_entry_id, donation.move_id)

    def test_non_gift_makes_no_donation(self):
        donations = self.env["donation.donation"].search_count([])
        payment = self._le97_payment(5, purpose="purpose_bar")
        payment.action_post()
        self.assertFalse(payment.donation_id)
        self.assertEqual(self.env["donation.donation"].search_count([]), donations)


@tagged("post_install", "-at_install")
class TestReceiptedPiveGift(DonationPiveCommon):
    """Gifts in Pive of the fund of le97_donation's tests (complete identity,
    euros), with Pive receipts allowed."""

    def test_receipted_gift_is_not_reversed(self):
        self.company.fund_receipt_allow_pive = True
        self.donor.tax_receipt_option = "each"
        payment = self.env["le97.pive.payment"].create(
            {
                "amount": 10,
                "medium": "paper",
                "purpose_id": self.env.ref("le97_pive.purpose_gift").id,
                "payer_id": self.donor.id,
            }
        )
        payment.action_post()
        donation = payment.donation_id
        receipt = donation.tax_receipt_id
        self.assertEqual(receipt.state, "issued")
        self.assertEqual(receipt.le97_donor_name, "Jeanne Dupont")
        self.assertEqual(donation.le97_payment_means, "pive")
        with self.assertRaises(UserError) as cm:
            payment.with_user(self.user_treasurer).action_reverse()
        self.assertIn("fiscal receipt", str(cm.exception))
        self.assertEqual(payment.state, "posted")
        self.assertEqual(donation.state, "done")
        # once the receipt is cancelled, the gift can be reversed
        receipt.with_user(self.user_admin)._le97_cancel("Gift reversed")
        payment.with_user(self.user_treasurer).action_reverse()
        self.assertEqual(donation.state, "cancel")
