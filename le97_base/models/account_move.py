# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api, models
from odoo.exceptions import UserError
from odoo.osv import expression

# journals whose entries may come from bank statement lines
STATEMENT_JOURNAL_TYPES = ("bank", "cash")


class AccountMove(models.Model):
    _inherit = "account.move"

    def write(self, vals):
        # Odoo refuses to reset a hashed entry to draft (button_draft) and to
        # change its hashed fields, but its state is not one of them: written
        # directly (over RPC), it left a gift's secured entry in draft
        if "state" in vals and not self.env.su:
            locked = self.filtered(
                lambda m: m.inalterable_hash and m.state != vals["state"]
            )
            if locked:
                raise UserError(
                    self.env._(
                        "The entries %(entries)s are secured by the hash chain of "
                        "their journal: their state cannot change. Reverse them "
                        "instead.",
                        entries=", ".join(locked.mapped("name")),
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_le97_secured(self):
        # In a secured cash or bank journal every posted entry is chained but
        # the statement lines': an entry without a hash there is one of them
        # (its statement line is already gone when Odoo deletes it), which may
        # be deleted to be imported again.
        secured = self.filtered(
            lambda m: m.journal_id.le97_secured
            and (m.state == "posted" or m.posted_before or m.inalterable_hash)
            and (m.inalterable_hash or m.journal_id.type not in STATEMENT_JOURNAL_TYPES)
        )
        if secured:
            raise UserError(
                self.env._(
                    "Entries posted in the secured journal %(journal)s cannot be "
                    "deleted: reverse them instead (%(entries)s).",
                    journal=", ".join(secured.journal_id.mapped("name")),
                    entries=", ".join(secured.mapped("name")),
                )
            )

    # -- hash chain of the secured cash and bank journals ----------------------
    # Cash and bank journals secured by ``_le97_secure_journal`` (the local
    # currency's, the journals that receive gifts). Odoo 18 refuses to chain an
    # unreconciled bank statement line: the statement lines of such a journal
    # (a bank or wallet import) mirror an outside ledger, are reconciled later,
    # stay out of the chain and may be deleted to be imported again.
    # Everything else posted there (payments, gifts) is chained when posted.
    @api.model
    def _get_move_hash_domain(self, common_domain=False, force_hash=False):
        return expression.AND(
            [
                super()._get_move_hash_domain(
                    common_domain=common_domain, force_hash=force_hash
                ),
                [
                    "|",
                    "|",
                    ("statement_line_id", "=", False),
                    ("journal_id.le97_secured", "=", False),
                    ("journal_id.type", "not in", STATEMENT_JOURNAL_TYPES),
                ],
            ]
        )

    def _hash_moves(self, **kwargs):
        moves = self
        if self.env.su and self.env.uid != SUPERUSER_ID:
            # Entries posted as superuser for a user without access to the
            # books (a counter): Odoo writes the hash without sudo, as that
            # user. Keep the superuser for it.
            moves = self.with_user(SUPERUSER_ID)
        if self.journal_id.filtered(
            lambda j: j.le97_secured and j.type in STATEMENT_JOURNAL_TYPES
        ):
            # the statement lines left out of the chain leave holes in its
            # numbers; the other entries of a secured journal are never deleted
            kwargs.setdefault("raise_if_gap", False)
        return super(AccountMove, moves)._hash_moves(**kwargs)
