# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 11, items 1 and 2: a receipt exists only for gifts, a receipted gift
is evidence. Each forbidden act is tried by the role that could try it, gets a
clear error and changes nothing."""

import base64
import hashlib
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import Le97DonationCommon

RECEIPT_LOGGER = "odoo.addons.le97_donation.models.donation_tax_receipt"
FAKE_PDF = b"%PDF-1.4 original of the receipt"


class EvidenceCommon(Le97DonationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ctx = {"company_id": cls.company.id, "company_ids": cls.company.ids}
        cls.user_billing = new_test_user(
            cls.env, login="don_billing", groups="account.group_account_invoice", **ctx
        )
        cls.user_root_admin = cls.env.ref("base.user_admin")
        cls.user_accountant = new_test_user(
            cls.env,
            login="don_accountant",
            groups="account.group_account_manager,account.group_account_user",
            **ctx,
        )
        cls.donation = cls._validated_donation(amount=300.0)
        cls.receipt = cls.donation.tax_receipt_id

    def _raw_vals(self, donations=None, **kw):
        donations = donations or self.donation
        vals = {
            "partner_id": donations.commercial_partner_id[:1].id,
            "amount": sum(donations.mapped("tax_receipt_total")),
            "type": "each",
            "donation_date": donations[:1].donation_date,
            "le97_donation_ids": [Command.set(donations.ids)],
        }
        vals.update(kw)
        return vals

    @classmethod
    def _store_fake_original(cls, receipt, content=FAKE_PDF):
        """What the storing path does (as superuser), without wkhtmltopdf."""
        attachment = (
            cls.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"Fiscal_Receipt-{receipt.number}.pdf",
                    "raw": content,
                    "mimetype": "application/pdf",
                    "res_model": "donation.tax.receipt",
                    "res_id": receipt.id,
                }
            )
        )
        receipt.sudo().write(
            {
                "le97_pdf_attachment_id": attachment.id,
                "le97_pdf_sha256": hashlib.sha256(content).hexdigest(),
            }
        )
        return attachment


@tagged("post_install", "-at_install")
class TestReceiptOnlyFromGifts(EvidenceCommon):
    def test_create_refused_for_every_role(self):
        count = self._receipt_count()
        gift = self._validated_donation(amount=99999.0, tax_receipt_option="none")
        for user in (
            self.user_treasurer,
            self.user_admin,
            self.user_billing,
            self.user_root_admin,
        ):
            with (
                self.subTest(user=user.login),
                self.assertRaises(AccessError) as cm,
            ):
                self.env["donation.tax.receipt"].with_user(user).create(
                    self._raw_vals(gift)
                )
            if user != self.user_billing:
                self.assertIn("cannot be created by hand", str(cm.exception))
        self.assertEqual(self._receipt_count(), count)
        self.assertFalse(gift.tax_receipt_id)

    def test_treasurer_of_another_fund_cannot_validate(self):
        other = self.env["res.company"].create({"name": "Autre fonds"})
        foreign = new_test_user(
            self.env,
            login="don_foreign_treasurer",
            groups="le97_base.group_treasurer",
            company_id=other.id,
            company_ids=other.ids,
        )
        draft = self.env["donation.donation"].create(self._donation_vals())
        moves = self.env["account.move"].search_count([])
        count = self._receipt_count()
        with self.assertRaises(AccessError):
            draft.with_user(foreign).validate()
        self.assertEqual(draft.state, "draft")
        self.assertFalse(draft.move_id)
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        self.assertEqual(self._receipt_count(), count)

    def test_copy_refused_for_every_role(self):
        count = self._receipt_count()
        for user in (self.user_admin, self.user_root_admin, self.env.user):
            with self.subTest(user=user.login), self.assertRaises(UserError) as cm:
                self.receipt.with_user(user).copy()
            self.assertIn("cannot be duplicated", str(cm.exception))
        with self.assertRaises(UserError):
            self.receipt.with_user(self.user_treasurer).copy()
        self.assertEqual(self._receipt_count(), count)

    def test_context_does_not_open_create(self):
        """No context key makes create() an issuing path."""
        count = self._receipt_count()
        gift = self._validated_donation(tax_receipt_option="none")
        for key in ("le97_defer_each_receipt", "le97_no_issue_pdf", "le97_issue"):
            with self.assertRaises(AccessError):
                self.env["donation.tax.receipt"].with_user(
                    self.user_admin
                ).with_context(**{key: True}).create(self._raw_vals(gift))
        self.assertEqual(self._receipt_count(), count)

    def _assert_issue_refused(self, vals, *expected):
        count = self._receipt_count()
        with self.assertRaises(UserError) as cm:
            self.env["donation.tax.receipt"]._le97_issue([vals])
        for text in expected:
            self.assertIn(text, str(cm.exception))
        self.assertEqual(self._receipt_count(), count)

    def test_receipt_without_gift_refused(self):
        self._assert_issue_refused(
            {
                "partner_id": self.donor.id,
                "amount": 99999.0,
                "type": "each",
                "donation_date": self.today,
            },
            "covers no gift",
            "Jeanne Dupont",
        )

    def test_amount_must_be_the_gifts(self):
        gift = self._validated_donation(amount=300.0, tax_receipt_option="none")
        self._assert_issue_refused(
            self._raw_vals(gift, amount=3000.0), "3000.0", "300.0", gift.number
        )
        self.assertFalse(gift.tax_receipt_id)

    def test_gifts_of_the_donor_only(self):
        gift = self._validated_donation(amount=50.0, tax_receipt_option="none")
        other = self.donor.copy({"name": "Paul Autre"})
        self._assert_issue_refused(
            self._raw_vals(gift, partner_id=other.id),
            "are not gifts of Paul Autre",
        )

    def test_only_validated_gifts(self):
        draft = self.env["donation.donation"].create(self._donation_vals())
        self._assert_issue_refused(self._raw_vals(draft), "not all validated")

    def test_gifts_of_one_year_and_its_date(self):
        old = self._validated_donation(
            amount=40.0, tax_receipt_option="none", donation_date=date(2024, 3, 1)
        )
        new = self._validated_donation(
            amount=60.0, tax_receipt_option="none", donation_date=date(2025, 3, 1)
        )
        self._assert_issue_refused(
            self._raw_vals(old | new, type="annual", donation_date=date(2025, 12, 31)),
            "several years",
            "2024, 2025",
        )
        # a 2022 "gift" dated into 2023
        self._assert_issue_refused(
            self._raw_vals(old, donation_date=date(2023, 1, 1)),
            "gifts are of 2024",
        )

    def test_issue_date_is_today(self):
        """The issue date (and so the number's year) is the day of issue, not
        the caller's."""
        gift = self._validated_donation(amount=20.0, tax_receipt_option="none")
        receipt = self.env["donation.tax.receipt"]._le97_issue(
            [self._raw_vals(gift, date=date(2019, 1, 1))]
        )
        self.assertEqual(receipt.date, self.today)
        self.assertTrue(receipt.number.startswith(f"{self.today.year}-"))
        self.assertEqual(receipt.le97_donation_ids, gift)

    def test_issued_by_the_paths_in_sudo_with_the_real_user(self):
        gift = self.env["donation.donation"].create(self._donation_vals(amount=75.0))
        gift.with_user(self.user_treasurer).validate()
        receipt = gift.tax_receipt_id
        self.assertEqual(receipt.state, "issued")
        self.assertEqual(receipt.create_uid, self.user_treasurer)
        self.assertEqual(receipt.amount, 75.0)
        self.assertEqual(receipt.donation_ids, gift)

    def test_validate_and_generate_refused_to_billing(self):
        gift = self.env["donation.donation"].create(self._donation_vals())
        with self.assertRaises(AccessError):
            gift.with_user(self.user_billing).validate()
        self.assertEqual(gift.state, "draft")
        done = self._validated_donation(tax_receipt_option="none")
        with self.assertRaises(AccessError):
            done.with_user(self.user_billing).generate_each_tax_receipt()
        self.assertFalse(done.tax_receipt_id)

    def test_generate_each_tax_receipt(self):
        """OCA's public method: a treasurer issues the receipt of a validated
        gift that never had one; never a second one, never for a draft."""
        gift = self._validated_donation(amount=45.0, tax_receipt_option="none")
        gift.tax_receipt_option = "each"
        receipt = gift.with_user(self.user_treasurer).generate_each_tax_receipt()
        self.assertEqual(receipt.state, "issued")
        self.assertEqual(gift.tax_receipt_id, receipt)
        count = self._receipt_count()
        with self.assertRaises(UserError) as cm:
            gift.with_user(self.user_treasurer).generate_each_tax_receipt()
        self.assertIn("already has or had", str(cm.exception))
        receipt.with_user(self.user_admin)._le97_cancel("Wrong donor")
        with self.assertRaises(UserError):
            gift.with_user(self.user_treasurer).generate_each_tax_receipt()
        draft = self.env["donation.donation"].create(self._donation_vals())
        with self.assertRaises(UserError) as cm:
            draft.with_user(self.user_treasurer).generate_each_tax_receipt()
        self.assertIn("not validated", str(cm.exception))
        self.assertEqual(self._receipt_count(), count)

    def test_oca_annual_wizard_for_receipt_admin(self):
        gifts = self._validated_donation(
            amount=30.0, tax_receipt_option="annual", donation_date=date(2025, 2, 1)
        ) | self._validated_donation(
            amount=20.0, tax_receipt_option="annual", donation_date=date(2025, 8, 1)
        )
        wizard = (
            self.env["tax.receipt.annual.create"]
            .with_user(self.user_admin)
            .create({"start_date": date(2025, 1, 1), "end_date": date(2025, 12, 31)})
        )
        wizard.generate_annual_receipts()
        receipt = gifts.tax_receipt_id
        self.assertEqual(len(receipt), 1)
        self.assertEqual(receipt.amount, 50.0)
        self.assertEqual(receipt.date, self.today)
        self.assertEqual(receipt.le97_donation_ids, gifts)
        self.assertEqual(receipt.create_uid, self.user_admin)

    def test_replacement_through_the_wizard(self):
        wizard = Form(
            self.env["donation.tax.receipt.cancel"]
            .with_user(self.user_admin)
            .with_context(default_receipt_ids=self.receipt.ids)
        )
        wizard.reason = "Wrong address"
        wizard.replace = True
        action = wizard.save().action_confirm()
        new = self.env["donation.tax.receipt"].browse(action["res_id"])
        self.assertEqual(new.amount, 300.0)
        self.assertEqual(new.le97_donation_ids, self.donation)
        self.assertEqual(new.date, self.today)


@tagged("post_install", "-at_install")
class TestGiftIsEvidence(EvidenceCommon):
    def _snapshot(self, donation):
        donation.invalidate_recordset()
        return (
            donation.amount_total,
            donation.partner_id,
            donation.donation_date,
            donation.company_id,
            donation.currency_id,
            donation.tax_receipt_id,
            donation.state,
            donation.line_ids.mapped("unit_price"),
            donation.move_id,
        )

    def test_treasurer_cannot_change_a_receipted_gift(self):
        donation = self.donation.with_user(self.user_treasurer)
        before = self._snapshot(donation)
        other = self.env["res.partner"].create({"name": "Autre Donateur"})
        other_company = self.env["res.company"].create({"name": "Autre Fonds"})
        for vals in (
            {"partner_id": other.id},
            {"donation_date": date(2020, 1, 1)},
            {"company_id": other_company.id},
            {"currency_id": self.env.ref("base.USD").id},
            {"check_total": 3000.0},
            {"line_ids": [Command.update(donation.line_ids.id, {"unit_price": 3000})]},
            {
                "line_ids": [
                    Command.create({"product_id": self.product.id, "unit_price": 1})
                ]
            },
            {"line_ids": [Command.unlink(donation.line_ids.id)]},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError) as cm:
                donation.write(vals)
            self.assertIn("validated", str(cm.exception))
        for vals in (
            {"tax_receipt_id": False},
            {"state": "draft"},
            {"move_id": False},
            {"amount_total": 3000.0},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError) as cm:
                donation.write(vals)
            self.assertIn("cannot be set directly", str(cm.exception))
        with self.assertRaises(UserError):
            donation.line_ids.write({"unit_price": 3000.0})
        with self.assertRaises(UserError):
            donation.line_ids.unlink()
        with self.assertRaises(UserError):
            donation.unlink()
        self.assertEqual(self._snapshot(donation), before)
        self.assertEqual(self.receipt.state, "issued")

    def test_receipt_link_never_writable_even_by_admin(self):
        draft = self.env["donation.donation"].create(self._donation_vals())
        for user in (self.user_admin, self.user_root_admin):
            with self.assertRaises(UserError):
                draft.with_user(user).write({"tax_receipt_id": self.receipt.id})
            with self.assertRaises(UserError):
                self.env["donation.donation"].with_user(user).create(
                    self._donation_vals(tax_receipt_id=self.receipt.id)
                )
        self.assertFalse(draft.tax_receipt_id)
        self.assertEqual(self.receipt.donation_ids, self.donation)

    def test_draft_gift_still_editable_and_deletable(self):
        draft = self.env["donation.donation"].create(self._donation_vals())
        draft = draft.with_user(self.user_treasurer)
        draft.write({"donation_date": date(2025, 1, 2)})
        draft.line_ids.write({"unit_price": 80.0})
        self.assertEqual(draft.amount_total, 80.0)
        draft.unlink()
        self.assertFalse(draft.exists())

    def test_cancel_reverses_the_entry(self):
        """After its receipt is cancelled, cancelling the gift reverses its
        posted entry: both entries kept, nothing deleted."""
        move = self.donation.move_id
        self.assertEqual(move.state, "posted")
        with self.assertRaises(UserError):
            self.donation.with_user(self.user_treasurer).done2cancel()
        self.receipt.with_user(self.user_admin)._le97_cancel("Gift refunded")
        self.donation.with_user(self.user_treasurer).done2cancel()
        self.assertEqual(self.donation.state, "cancel")
        self.assertEqual(self.donation.move_id, move)
        self.assertTrue(move.exists())
        self.assertEqual(move.state, "posted")
        reversal = move.reversal_move_ids
        self.assertEqual(len(reversal), 1)
        self.assertEqual(reversal.state, "posted")
        self.assertIn(move.name, reversal.ref)
        self.assertEqual(
            sorted(reversal.line_ids.mapped("balance")),
            sorted(-b for b in move.line_ids.mapped("balance")),
        )
        # still evidence: not back to draft, not deleted
        with self.assertRaises(UserError) as cm:
            self.donation.with_user(self.user_treasurer).cancel2draft()
        self.assertIn("Record a new donation", str(cm.exception))
        with self.assertRaises(UserError):
            self.donation.with_user(self.user_treasurer).unlink()
        self.assertEqual(self.donation.state, "cancel")
        self.assertEqual(self.receipt.le97_donation_ids, self.donation)

    def test_cancel_of_a_gift_without_receipt_reverses_too(self):
        gift = self._validated_donation(amount=30.0, tax_receipt_option="none")
        move = gift.move_id
        gift.with_user(self.user_treasurer).done2cancel()
        self.assertEqual(gift.state, "cancel")
        self.assertTrue(move.exists())
        self.assertTrue(move.reversal_move_ids)
        with self.assertRaises(UserError):
            gift.with_user(self.user_treasurer).cancel2draft()
        self.assertEqual(gift.state, "cancel")
        with self.assertRaises(AccessError):
            self._validated_donation(tax_receipt_option="none").with_user(
                self.user_billing
            ).done2cancel()

    def test_cancel_refused_while_an_issued_receipt_lists_it(self):
        """A yearly receipt lists the gift: cancelling it is refused."""
        gift = self._validated_donation(
            amount=30.0, tax_receipt_option="annual", donation_date=date(2025, 4, 1)
        )
        self.env["donation.tax.receipt.yearly"].with_user(self.user_admin).create(
            {"year": 2025}
        ).action_issue()
        self.assertTrue(gift.tax_receipt_id)
        with self.assertRaises(UserError) as cm:
            gift.with_user(self.user_treasurer).done2cancel()
        self.assertIn("must cancel that receipt first", str(cm.exception))
        self.assertEqual(gift.state, "done")

    def test_gift_entry_never_deleted(self):
        move = self.donation.move_id
        for env_move in (
            move.with_user(self.user_treasurer),
            move.sudo().with_context(force_delete=True),
        ):
            with self.assertRaises(UserError):
                env_move.unlink()
        self.assertTrue(move.exists())


@tagged("post_install", "-at_install")
class TestFrozenOriginal(EvidenceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.attachment = cls._store_fake_original(cls.receipt)

    def test_original_served_when_intact(self):
        self.assertEqual(self.receipt._le97_get_original_pdf(), FAKE_PDF)

    def test_original_cannot_be_written_detached_or_deleted(self):
        other = self._validated_donation(amount=10.0).tax_receipt_id
        for user in (self.user_admin, self.user_root_admin, self.user_treasurer):
            attachment = self.attachment.with_user(user)
            for vals in (
                {"raw": b"%PDF-1.4 forged"},
                {"datas": "JVBERi0xLjQgZm9yZ2Vk"},
                {"res_id": other.id},
                {"res_model": "res.partner"},
                {"name": "autre.pdf"},
            ):
                with (
                    self.subTest(user=user.login, vals=vals),
                    self.assertRaises(UserError),
                ):
                    attachment.write(vals)
            with self.assertRaises(UserError):
                attachment.unlink()
            with self.assertRaises(AccessError):
                self.receipt.with_user(user).write({"le97_pdf_attachment_id": False})
        with self.assertRaises(UserError):
            self.attachment.sudo().unlink()
        self.attachment.invalidate_recordset()
        self.assertEqual(self.attachment.raw, FAKE_PDF)
        self.assertEqual(
            (self.attachment.res_model, self.attachment.res_id),
            ("donation.tax.receipt", self.receipt.id),
        )
        self.assertEqual(self.receipt.le97_pdf_attachment_id, self.attachment)
        self.assertEqual(self.receipt._le97_get_original_pdf(), FAKE_PDF)

    def test_no_second_original(self):
        count = self.env["ir.attachment"].search_count([])
        with self.assertRaises(UserError) as cm:
            self.env["ir.attachment"].with_user(self.user_admin).create(
                {
                    "name": self.attachment.name,
                    "raw": b"%PDF-1.4 forged",
                    "res_model": "donation.tax.receipt",
                    "res_id": self.receipt.id,
                }
            )
        self.assertIn("stored by the application", str(cm.exception))
        self.assertEqual(self.env["ir.attachment"].search_count([]), count)
        # another document may be attached to the receipt (a letter)
        letter = (
            self.env["ir.attachment"]
            .with_user(self.user_admin)
            .create(
                {
                    "name": "courrier.pdf",
                    "raw": b"%PDF-1.4 letter",
                    "res_model": "donation.tax.receipt",
                    "res_id": self.receipt.id,
                }
            )
        )
        self.assertTrue(letter)

    def test_tampered_original_refused_loudly(self):
        """The original altered behind the application (SQL, superuser): every
        download refuses it, with an ERROR in the log."""
        forged = b"%PDF-1.4 receipt of another donor"
        self.attachment.sudo().write({"raw": forged})
        for call in (
            lambda: self.receipt._le97_get_original_pdf(),
            lambda: self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "donation_base.report_donation_tax_receipt", self.receipt.ids
            ),
        ):
            with (
                self.assertLogs(RECEIPT_LOGGER, level="ERROR") as logs,
                self.assertRaises(UserError) as cm,
            ):
                call()
            self.assertIn("altered", str(cm.exception))
            self.assertIn(self.receipt.number, logs.output[0])

    def test_detached_original_refused(self):
        other = self._validated_donation(amount=10.0).tax_receipt_id
        self.env.cr.execute(
            "UPDATE ir_attachment SET res_id = %s WHERE id = %s",
            (other.id, self.attachment.id),
        )
        self.attachment.invalidate_recordset()
        with (
            self.assertLogs(RECEIPT_LOGGER, level="ERROR"),
            self.assertRaises(UserError),
        ):
            self.receipt._le97_get_original_pdf()


@tagged("post_install", "-at_install")
class TestCancelOnlyByWizard(EvidenceCommon):
    def test_plain_write_refused_for_everyone(self):
        for user in (self.user_admin, self.user_root_admin, self.user_treasurer):
            for vals in (
                {"state": "cancelled", "le97_cancel_reason": "by hand"},
                {"le97_cancel_date": date(2019, 1, 1)},
                {"le97_cancel_uid": self.user_treasurer.id},
                {"le97_cancel_reason": "x"},
            ):
                with (
                    self.subTest(user=user.login, vals=vals),
                    self.assertRaises(AccessError),
                ):
                    self.receipt.with_user(user).write(vals)
        self.receipt.invalidate_recordset()
        self.assertEqual(self.receipt.state, "issued")
        self.assertFalse(self.receipt.le97_cancel_date)
        self.assertFalse(self.receipt.le97_cancel_uid)

    @freeze_time("2026-03-10")
    def test_wizard_records_the_real_user_and_today(self):
        gift = self._validated_donation(amount=12.0, donation_date=date(2026, 3, 1))
        receipt = gift.tax_receipt_id
        wizard = (
            self.env["donation.tax.receipt.cancel"]
            .with_user(self.user_admin)
            .with_context(
                default_le97_cancel_uid=self.user_treasurer.id,
                default_le97_cancel_date="2019-01-01",
            )
            .create({"receipt_ids": receipt.ids, "reason": "Duplicate"})
        )
        wizard.action_confirm()
        self.assertEqual(receipt.state, "cancelled")
        self.assertEqual(receipt.le97_cancel_uid, self.user_admin)
        self.assertEqual(receipt.le97_cancel_date, date(2026, 3, 10))
        self.assertEqual(receipt.le97_cancel_reason, "Duplicate")


@tagged("post_install", "-at_install")
class TestKeptSixYears(EvidenceCommon):
    def _attach(self, record, name="preuve.pdf"):
        return self.env["ir.attachment"].create(
            {
                "name": name,
                "raw": b"proof",
                "res_model": record._name,
                "res_id": record.id,
            }
        )

    def test_proofs_of_gifts_and_entries_kept(self):
        proofs = (
            self._attach(self.donation)
            | self._attach(self.donation.move_id)
            | self._attach(self.receipt, "lettre.pdf")
        )
        for proof in proofs:
            for user in (self.user_treasurer, self.user_root_admin):
                with self.subTest(proof=proof.res_model, user=user.login):
                    with self.assertRaises(UserError):
                        proof.with_user(user).unlink()
                    with self.assertRaises(UserError):
                        proof.with_user(user).write({"raw": b"other"})
                    with self.assertRaises(UserError):
                        proof.with_user(user).write({"res_id": self.donor.id})
        self.assertEqual(len(proofs.exists()), 3)
        self.assertEqual(set(proofs.mapped("raw")), {b"proof"})

    def test_draft_gift_proof_may_go(self):
        draft = self.env["donation.donation"].create(self._donation_vals())
        proof = self._attach(draft)
        proof.with_user(self.user_treasurer).unlink()
        self.assertFalse(proof.exists())

    def _in_kind_gift(self, day, option="none"):
        """A gift entirely in kind: validated without a journal entry."""
        in_kind = self.product.copy({"donation_type": "donation_in_kind"})
        gift = self.env["donation.donation"].create(
            {
                **self._donation_vals(tax_receipt_option=option, donation_date=day),
                "payment_method_line_id": False,
                "line_ids": [
                    Command.create(
                        {
                            "product_id": in_kind.id,
                            "quantity": 1,
                            "unit_price": 40,
                            "le97_in_kind_description": "Deux chaises",
                            "le97_valuation_method": "resale_price",
                            "le97_valued_by_id": self.user_treasurer.id,
                            "le97_valuation_date": day,
                        }
                    )
                ],
            }
        )
        gift.validate()
        self.assertFalse(gift.move_id)
        return gift

    def test_cancelled_gift_kept_six_years(self):
        with freeze_time("2019-05-02"):
            gift = self._in_kind_gift(date(2019, 5, 2))
            gift.done2cancel()
            proof = self._attach(gift)
        with freeze_time("2025-05-01"), self.assertRaises(UserError) as cm:
            gift.with_user(self.user_treasurer).unlink()
        self.assertIn("L. 102 E", str(cm.exception))
        with freeze_time("2025-05-01"), self.assertRaises(UserError):
            proof.with_user(self.user_treasurer).unlink()
        self.assertTrue(gift.exists())
        self.assertTrue(proof.exists())
        with freeze_time("2025-05-03"):
            proof.with_user(self.user_treasurer).unlink()
            gift.with_user(self.user_treasurer).unlink()
        self.assertFalse(gift.exists())

    def test_receipted_gift_never_deleted(self):
        with freeze_time("2019-05-02"):
            gift = self._in_kind_gift(date(2019, 5, 2), option="each")
            receipt = gift.tax_receipt_id
            self.assertTrue(receipt)
            receipt._le97_cancel("Wrong valuation")
            gift.done2cancel()
        with freeze_time("2040-01-01"), self.assertRaises(UserError) as cm:
            gift.with_user(self.user_treasurer).unlink()
        self.assertIn("receipted gift is kept", str(cm.exception))
        self.assertTrue(gift.exists())
        self.assertEqual(receipt.le97_donation_ids, gift)


@tagged("post_install", "-at_install")
class TestGiftJournals(EvidenceCommon):
    def test_gift_journals_secured_and_entries_hashed(self):
        journal = self.donation.move_id.journal_id
        self.assertTrue(journal.restrict_mode_hash_table)
        self.assertTrue(journal.le97_secured)
        self.assertTrue(self.donation.move_id.inalterable_hash)
        gift_journals = self.env["account.journal"].search(
            self.env["account.journal"]._le97_get_gift_journal_domain()
        )
        self.assertTrue(gift_journals)
        self.assertTrue(all(gift_journals.mapped("restrict_mode_hash_table")))
        # le97_base's rules: a secured journal's posted entry is never deleted,
        # the chain holds
        with self.assertRaises(UserError):
            self.donation.move_id.sudo().with_context(force_delete=True).unlink()
        results = [
            r
            for r in self.company.with_user(
                self.user_accountant
            )._check_hash_integrity()["results"]
            if r["journal_name"].startswith(journal.name)
        ]
        self.assertTrue(results)
        self.assertEqual({r["status"] for r in results}, {"verified"})

    def test_journal_secured_when_it_gets_a_donation_method(self):
        journal = self.env["account.journal"].create(
            {"name": "Caisse dons", "code": "CDON", "type": "cash"}
        )
        journal.inbound_payment_method_line_ids.write({"donation": False})
        journal.sudo().write({"restrict_mode_hash_table": False, "le97_secured": False})
        self.assertFalse(journal.restrict_mode_hash_table)
        journal.inbound_payment_method_line_ids[:1].donation = True
        self.assertTrue(journal.restrict_mode_hash_table)
        self.assertTrue(journal.le97_secured)


@tagged("post_install", "-at_install")
class TestFundAddressAndSignature(EvidenceCommon, HttpCase):
    def test_address_and_signature_required_to_issue(self):
        self.company.write({"street": False, "city": False, "fund_signature": False})
        problems = "\n".join(self.company._le97_receipt_fund_problems())
        self.assertIn("street of the address", problems)
        self.assertIn("city of the address", problems)
        self.assertIn("signature image", problems)
        self.assertNotIn("zip", problems)
        gift = self.env["donation.donation"].create(self._donation_vals())
        count = self._receipt_count()
        with self.assertRaises(UserError) as cm:
            gift.with_user(self.user_treasurer).validate()
        self.assertIn("signature image", str(cm.exception))
        self.assertEqual(str(cm.exception).count("lacks"), 1)
        self.assertEqual(gift.state, "draft")
        self.assertEqual(self._receipt_count(), count)

    def test_signature_is_not_public(self):
        signature = base64.b64decode(self.company.fund_signature)
        url = f"/web/image/res.company/{self.company.id}/fund_signature"
        portal = new_test_user(
            self.env,
            login="don_portal_sig",
            password="don_portal_sig",
            groups="base.group_portal",
        )
        for user in (self.env.ref("base.public_user"), portal):
            with self.assertRaises(AccessError):
                self.company.with_user(user).read(["fund_signature"])
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "res.company"),
                    ("res_id", "=", self.company.id),
                    ("res_field", "=", "fund_signature"),
                ]
            )
        )
        self.assertTrue(attachment)
        for login in (None, "don_portal_sig"):
            if login:
                self.authenticate(login, login)
            for path in (url, f"/web/content/{attachment.id}"):
                response = self.url_open(path)
                self.assertNotEqual(response.content, signature, (login, path))
                self.assertNotEqual(response.content, attachment.raw, (login, path))
        # a treasurer sees it (the fund's form)
        self.assertEqual(
            self.company.with_user(self.user_treasurer).fund_signature,
            self.company.fund_signature,
        )

    def test_portal_refuses_a_tampered_original(self):
        new_test_user(
            self.env,
            login="don_portal_tamper",
            password="don_portal_tamper",
            groups="base.group_portal",
            partner_id=self.donor.id,
        )
        self._store_fake_original(self.receipt)
        url = f"/my/receipts/{self.receipt.id}/download"
        self.authenticate("don_portal_tamper", "don_portal_tamper")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, FAKE_PDF)
        forged = b"%PDF-1.4 receipt of another donor"
        self.env.cr.execute(
            "UPDATE ir_attachment SET db_datas = %s, store_fname = NULL "
            "WHERE id = %s",
            (forged, self.receipt.le97_pdf_attachment_id.id),
        )
        self.env.invalidate_all()
        # odoo.http reports the refusal (400) as a warning
        with (
            mute_logger("odoo.http"),
            self.assertLogs(RECEIPT_LOGGER, level="ERROR"),
        ):
            response = self.url_open(url)
        self.assertEqual(response.status_code, 400)
        self.assertNotIn(forged, response.content)
