# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import Le97DonationCommon


@tagged("post_install", "-at_install")
class TestReceiptChecks(Le97DonationCommon):
    """Each blocking check raises a clear error naming the donor and what to
    fix, and leaves no receipt, no journal entry, no validated donation."""

    def _assert_refused(self, donation, *expected):
        receipts = self._receipt_count()
        moves = self.env["account.move"].search_count([])
        with self.assertRaises(UserError) as cm:
            donation.validate()
        message = str(cm.exception)
        for text in expected:
            self.assertIn(text, message)
        self.assertEqual(self._receipt_count(), receipts)
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        self.assertEqual(donation.state, "draft")
        self.assertFalse(donation.tax_receipt_id)
        self.assertFalse(donation.move_id)
        return message

    def _draft(self, partner=None, amount=120.0, **kw):
        return self.env["donation.donation"].create(
            self._donation_vals(partner, amount, **kw)
        )

    def test_incomplete_donor_address(self):
        self.donor.write({"street": False, "city": False})
        message = self._assert_refused(self._draft(), "Jeanne Dupont", "street", "city")
        self.assertNotIn("zip", message)

    def test_donor_without_country(self):
        self.donor.country_id = False
        self._assert_refused(self._draft(), "Jeanne Dupont", "country")

    def test_fund_identity_missing(self):
        self.company.write({"fund_siren": False, "fund_rna": False})
        self._assert_refused(self._draft(), "SIREN or RNA number")
        self.company.write({"fund_rna": "W251234567", "fund_object": False})
        self._assert_refused(self._draft(), "object of the fund")
        self.company.write({"fund_object": "Objet", "fund_signatory_name": False})
        self._assert_refused(self._draft(), "signatory name")

    def test_counterpart_above_rate(self):
        donation = self._draft(amount=100.0, le97_counterpart_value=30.0)
        self._assert_refused(donation, "Jeanne Dupont", "25.0 %")
        donation.le97_counterpart_value = 25.0
        donation.validate()
        self.assertEqual(donation.tax_receipt_id.state, "issued")

    def test_counterpart_above_yearly_amount(self):
        self._validated_donation(amount=200.0, le97_counterpart_value=40.0)
        donation = self._draft(amount=200.0, le97_counterpart_value=40.0)
        self._assert_refused(donation, "Jeanne Dupont", "80.0", "73.0")

    def test_counterpart_limits_are_data(self):
        self.env["ir.config_parameter"].set_param(
            "le97_donation.counterpart_max_rate", "0.1"
        )
        self._assert_refused(
            self._draft(amount=100.0, le97_counterpart_value=20.0), "10.0 %"
        )

    def test_counterpart_limit_not_a_number(self):
        self.env["ir.config_parameter"].set_param(
            "le97_donation.counterpart_max_amount", "73 €"
        )
        self._assert_refused(
            self._draft(amount=100.0, le97_counterpart_value=5.0),
            "le97_donation.counterpart_max_amount",
            "73 €",
        )

    def test_company_donor_without_siren_or_legal_form(self):
        self.company_donor.write({"company_registry": False})
        self._assert_refused(
            self._draft(self.company_donor), "Comté Bois SARL", "SIREN"
        )
        self.company_donor.write(
            {"company_registry": "552100554", "le97_legal_form": False}
        )
        self._assert_refused(
            self._draft(self.company_donor), "Comté Bois SARL", "legal form"
        )

    def test_unclear_donor_type(self):
        self.donor.company_registry = "552100554"
        self._assert_refused(self._draft(), "Jeanne Dupont", "is not a company")

    def test_non_eur_company(self):
        usd = self.env.ref("base.USD")
        usd.active = True
        # the company currency cannot change once it has entries: check the
        # receipt on its own
        receipt_model = self.env["donation.tax.receipt"]
        draft = receipt_model.new(
            {
                "partner_id": self.donor.id,
                "amount": 50.0,
                "currency_id": usd.id,
                "type": "each",
                "company_id": self.company.id,
                "donation_date": self.today,
            }
        )
        self.env.cr.execute(
            "UPDATE res_company SET currency_id = %s WHERE id = %s",
            (usd.id, self.company.id),
        )
        self.company.invalidate_recordset(["currency_id"])
        with self.assertRaises(UserError) as cm:
            draft._le97_check_issuable()
        self.assertIn("French fiscal receipts are in euros", str(cm.exception))

    def test_zero_or_negative_amount(self):
        count = self._receipt_count()
        for amount in (0.0, -10.0):
            with self.assertRaises(UserError) as cm:
                self.env["donation.tax.receipt"]._le97_issue(
                    [
                        {
                            "partner_id": self.donor.id,
                            "amount": amount,
                            "type": "each",
                            "donation_date": self.today,
                        }
                    ]
                )
            self.assertIn("positive amount", str(cm.exception))
            self.assertIn("Jeanne Dupont", str(cm.exception))
        self.assertEqual(self._receipt_count(), count)

    def test_future_dates(self):
        count = self._receipt_count()
        tomorrow = self.today + timedelta(days=1)
        # a raw receipt (the issuing paths give it its gifts): its issue date is
        # today whatever it is given, its gift date is checked
        with self.assertRaises(UserError) as cm:
            self.env["donation.tax.receipt"]._le97_issue(
                [
                    {
                        "partner_id": self.donor.id,
                        "amount": 10.0,
                        "type": "each",
                        "donation_date": tomorrow,
                        "date": tomorrow,
                    }
                ]
            )
        self.assertNotIn("issue date in the future", str(cm.exception))
        self.assertIn("gift date in the future", str(cm.exception))
        self.assertEqual(self._receipt_count(), count)
        # the check itself stays, for a receipt checked before its issue
        draft = self.env["donation.tax.receipt"].new(
            {
                "partner_id": self.donor.id,
                "amount": 10.0,
                "type": "each",
                "donation_date": self.today,
                "date": tomorrow,
            }
        )
        self.assertIn(
            "issue date in the future", "\n".join(draft._le97_receipt_problems())
        )

    def test_errors_are_batched(self):
        """One run reports every donor's problem at once, in one error."""
        self.donor.zip = False
        self.company_donor.le97_legal_form = False
        count = self._receipt_count()
        with self.assertRaises(UserError) as cm:
            self.env["donation.tax.receipt"]._le97_issue(
                [
                    {
                        "partner_id": partner.id,
                        "amount": 10.0,
                        "type": "annual",
                        "donation_date": self.today,
                    }
                    for partner in (self.donor, self.company_donor)
                ]
            )
        self.assertIn("Jeanne Dupont", str(cm.exception))
        self.assertIn("Comté Bois SARL", str(cm.exception))
        self.assertEqual(self._receipt_count(), count)

    def test_check_queries_do_not_grow_with_receipts(self):
        """The checks read per batch: as many queries for 30 receipts as for 3."""

        def queries(count):
            partners = self.env["res.partner"].create(
                [
                    {
                        "name": f"Batch Donor {count}-{i}",
                        "street": "1 rue Battant",
                        "zip": "25000",
                        "city": "Besançon",
                        "country_id": self.fr.id,
                    }
                    for i in range(count)
                ]
            )
            donations = self.env["donation.donation"].create(
                [
                    self._donation_vals(
                        p, 40.0, le97_counterpart_value=2.0, tax_receipt_option="none"
                    )
                    for p in partners
                ]
            )
            # a receipt covers validated gifts only
            donations.validate()
            pairs = [(d.partner_id.id, d.id) for d in donations]
            self.env.flush_all()
            for model in ("res.partner", "donation.donation", "res.company"):
                self.env[model].invalidate_model()
            # built after the invalidation, which would empty the relational
            # values of records in memory
            receipt_model = self.env["donation.tax.receipt"]
            receipts = receipt_model.concat(
                *[
                    receipt_model.new(
                        {
                            "partner_id": partner_id,
                            "amount": 40.0,
                            "type": "each",
                            "donation_date": self.today,
                            "le97_donation_ids": [Command.set([donation_id])],
                        }
                    )
                    for partner_id, donation_id in pairs
                ]
            )
            before = self.env.cr.sql_log_count
            receipts._le97_check_issuable()
            self.assertEqual(len(receipts._le97_receipt_donations_all()), count)
            return self.env.cr.sql_log_count - before

        queries(2)  # warm the caches of the company and parameters
        self.assertEqual(queries(3), queries(30))

    def test_each_owner_checks_its_own_data(self):
        """The fund, the donor and the gift each report their problems."""
        self.assertEqual(self.company._le97_receipt_fund_problems(), [])
        self.assertEqual(self.donor._le97_receipt_donor_problems(self.company), [])
        self.company.fund_signatory_title = False
        self.assertIn("signatory title", self.company._le97_receipt_fund_problems()[0])
        self.company_donor.le97_legal_form = False
        problems = (self.donor | self.company_donor)._le97_receipt_donor_problems(
            self.company
        )
        self.assertEqual(len(problems), 1)
        self.assertIn("Comté Bois SARL", problems[0])
        gift = self._draft(amount=100.0, le97_counterpart_value=30.0)
        problems = gift._le97_receipt_gift_problems()
        self.assertEqual(len(problems), 1)
        self.assertIn("25.0 %", problems[0])
        self.assertEqual(self._draft()._le97_receipt_gift_problems(), [])

    def test_validation_checks_once_for_the_batch(self):
        """Validating several gifts runs the checks once, on all their
        receipts, which get consecutive numbers."""
        receipt_class = type(self.env["donation.tax.receipt"])
        original = receipt_class._le97_issue_problems
        calls = []

        def spy(receipts):
            calls.append(len(receipts))
            return original(receipts)

        donations = self.env["donation.donation"].create(
            [self._donation_vals(amount=amount) for amount in (10.0, 20.0, 30.0)]
        )
        with patch.object(receipt_class, "_le97_issue_problems", spy):
            donations.validate()
        self.assertEqual(calls, [3])
        receipts = donations.tax_receipt_id
        self.assertEqual(len(receipts), 3)
        self.assertEqual(set(donations.mapped("state")), {"done"})
        self.assertEqual(receipts.mapped("le97_donation_ids"), donations)
        numbers = sorted(
            int(number.split("-")[1]) for number in receipts.mapped("number")
        )
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 3)))

    def test_batch_validation_lists_every_donor(self):
        """One validation of gifts of several donors refuses them all at once,
        naming each donor, and leaves every donation draft."""
        self.donor.zip = False
        self.company_donor.le97_legal_form = False
        donations = self.env["donation.donation"].create(
            [self._donation_vals(), self._donation_vals(self.company_donor)]
        )
        receipts = self._receipt_count()
        moves = self.env["account.move"].search_count([])
        with self.assertRaises(UserError) as cm:
            donations.validate()
        message = str(cm.exception)
        self.assertIn("Jeanne Dupont", message)
        self.assertIn("zip", message)
        self.assertIn("Comté Bois SARL", message)
        self.assertIn("legal form", message)
        self.assertEqual(message.count("cannot be issued"), 1)
        self.assertEqual(self._receipt_count(), receipts)
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        self.assertEqual(set(donations.mapped("state")), {"draft"})

    def test_deferred_receipt_context_issues_receipts_anyway(self):
        """The context key that defers OCA's per-gift receipt to the batch
        cannot be used to validate a gift without its receipt and checks."""
        self.donor.city = False
        donation = self._draft()
        with self.assertRaises(UserError):
            donation.with_context(le97_defer_each_receipt=True).validate()
        self.assertEqual(donation.state, "draft")
        self.donor.city = "Besançon"
        donation.with_context(le97_defer_each_receipt=True).validate()
        self.assertEqual(donation.tax_receipt_id.state, "issued")
