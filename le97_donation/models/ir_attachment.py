# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .donation_donation import RETENTION_YEARS

RECEIPT_MODEL = "donation.tax.receipt"
# Models whose attachments prove a gift or a receipt (LPF L. 102 E).
KEPT_MODELS = (RECEIPT_MODEL, "donation.donation", "account.move")
# What an attachment is: its content and the document it belongs to.
CONTENT_FIELDS = {
    "datas",
    "raw",
    "db_datas",
    "store_fname",
    "checksum",
    "file_size",
    "type",
    "url",
    "res_model",
    "res_id",
    "res_field",
}
# Who keeps the prefect's authorisations of the public appeals.
RECEIPT_ADMIN_GROUP = "le97_base.group_receipt_admin"
# The only fields of a receipt's original PDF that may still change.
ORIGINAL_FREE_FIELDS = {"access_token", "description"}


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _le97_kept(self):
        """``(originals, proofs)`` among the attachments of ``self``:

        - the original PDFs of fiscal receipts (never changed nor deleted);
        - the proofs kept six years (LPF L. 102 E): the other attachments of
          receipts (kept six years after the receipt's date), of validated or
          cancelled gifts and of the journal entries of gifts (six years after
          the gift's date).

        A few queries whatever the size of ``self``, none when no attachment
        belongs to a receipt, a gift or an entry.
        """
        empty = self.browse()
        ids_by_model = defaultdict(set)
        attachments = self.sudo().filtered(
            lambda a: a.res_model in KEPT_MODELS and a.res_id and not a.res_field
        )
        if not attachments:
            return empty, empty
        for attachment in attachments:
            ids_by_model[attachment.res_model].add(attachment.res_id)
        limit = fields.Date.context_today(self) - relativedelta(years=RETENTION_YEARS)
        kept = defaultdict(set)
        original_ids = set()
        if ids_by_model[RECEIPT_MODEL]:
            receipts = (
                self.env[RECEIPT_MODEL]
                .sudo()
                .browse(ids_by_model[RECEIPT_MODEL])
                .exists()
            )
            original_ids = set(receipts.le97_pdf_attachment_id.ids)
            kept[RECEIPT_MODEL] = set(receipts.filtered(lambda r: r.date > limit).ids)
        Donation = self.env["donation.donation"].sudo()
        if ids_by_model["donation.donation"]:
            kept["donation.donation"] = set(
                Donation.search(
                    [
                        ("id", "in", list(ids_by_model["donation.donation"])),
                        ("state", "!=", "draft"),
                        ("donation_date", ">", limit),
                    ]
                ).ids
            )
        if ids_by_model["account.move"]:
            kept["account.move"] = set(
                Donation.search(
                    [
                        ("move_id", "in", list(ids_by_model["account.move"])),
                        ("donation_date", ">", limit),
                    ]
                ).move_id.ids
            )
        originals = attachments.filtered(lambda a: a.id in original_ids)
        proofs = attachments.filtered(
            lambda a: a.id not in original_ids and a.res_id in kept[a.res_model]
        )
        return originals.with_env(self.env), proofs.with_env(self.env)

    @api.model
    def _le97_original_names(self, receipt):
        """The names an original PDF of ``receipt`` has (in English and in the
        user's language)."""
        number = (receipt.number or "").replace("/", "")
        prefixes = {
            self.env._("Fiscal_Receipt"),
            self.with_context(lang="en_US").env._("Fiscal_Receipt"),
        }
        names = {f"{prefix}-{number}.pdf" for prefix in prefixes}
        names.update(receipt.sudo().le97_pdf_attachment_id.mapped("name"))
        return names

    @api.model
    def _le97_check_no_second_original(self, vals_list):
        """Only the application stores the original PDF of a receipt: nobody
        attaches another file under the original's name."""
        receipt_ids = {
            vals.get("res_id")
            for vals in vals_list
            if vals.get("res_model") == RECEIPT_MODEL and vals.get("res_id")
        }
        if not receipt_ids:
            return
        receipts = self.env[RECEIPT_MODEL].sudo().browse(receipt_ids).exists()
        names = {receipt.id: self._le97_original_names(receipt) for receipt in receipts}
        for vals in vals_list:
            if vals.get("res_model") != RECEIPT_MODEL:
                continue
            if vals.get("name") in names.get(vals.get("res_id"), ()):
                raise UserError(
                    self.env._(
                        "The original PDF of a fiscal receipt is stored by the "
                        "application at issue: another file cannot be attached "
                        "as %(name)s.",
                        name=vals["name"],
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._le97_check_no_second_original(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._le97_check_kept_write(vals)
            if CONTENT_FIELDS & set(vals):
                self._le97_check_authorisation_documents(
                    self.env._("Changing the prefect's authorisation documents")
                )
        return super().write(vals)

    def _le97_check_authorisation_documents(self, action):
        """The documents of a public appeal's authorisation (the prefect's
        decision) are kept by the receipts administrator, as the
        authorisation itself: a treasurer, who may write on the campaign and
        hence on its attachments, neither replaces nor deletes them."""
        if self.env.su or self.env.user.has_group(RECEIPT_ADMIN_GROUP):
            return
        campaigns = (
            self.env["donation.campaign"]
            .sudo()
            .with_context(active_test=False)
            .search([("le97_authorisation_attachment_ids", "in", self.ids)])
        )
        documents = campaigns.le97_authorisation_attachment_ids & self
        if documents:
            raise AccessError(
                self.env._(
                    "%(action)s (%(names)s of %(campaigns)s): only a receipts "
                    "administrator may do it.",
                    action=action,
                    names=", ".join(documents.sudo().mapped("name")),
                    campaigns=", ".join(campaigns.mapped("display_name")),
                )
            )

    def _le97_check_kept_write(self, vals):
        originals, proofs = self._le97_kept()
        if originals and set(vals) - ORIGINAL_FREE_FIELDS:
            raise UserError(
                self.env._(
                    "The original PDF of a fiscal receipt (%(names)s) is frozen at "
                    "issue: it cannot be changed, replaced or detached.",
                    names=", ".join(originals.sudo().mapped("name")),
                )
            )
        if proofs and CONTENT_FIELDS & set(vals):
            raise UserError(
                self.env._(
                    "The documents %(names)s prove a gift, its entry or its "
                    "receipt: they are kept six years as they are (LPF L. 102 E) "
                    "and cannot be changed or detached.",
                    names=", ".join(proofs.sudo().mapped("name")),
                )
            )
        if vals.get("res_model") == RECEIPT_MODEL or (
            "name" in vals and self.filtered(lambda a: a.res_model == RECEIPT_MODEL)
        ):
            self._le97_check_no_second_original(
                [
                    {
                        "res_model": vals.get("res_model", attachment.res_model),
                        "res_id": vals.get("res_id", attachment.res_id),
                        "name": vals.get("name", attachment.name),
                    }
                    for attachment in self.sudo()
                ]
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_authorisation_documents(self):
        self._le97_check_authorisation_documents(
            self.env._("Deleting the prefect's authorisation documents")
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_receipt_original(self):
        _originals, proofs = self._le97_kept()
        # wherever it is attached
        receipts = (
            self.env[RECEIPT_MODEL]
            .sudo()
            .search([("le97_pdf_attachment_id", "in", self.ids)])
        )
        if receipts:
            raise UserError(
                self.env._(
                    "The original PDF of the fiscal receipts %(numbers)s is kept "
                    "with them and cannot be deleted.",
                    numbers=", ".join(receipts.mapped("number")),
                )
            )
        if proofs:
            raise UserError(
                self.env._(
                    "The documents %(names)s prove a gift, its entry or its "
                    "receipt: they cannot be deleted before six years (LPF L. 102 "
                    "E).",
                    names=", ".join(proofs.sudo().mapped("name")),
                )
            )
