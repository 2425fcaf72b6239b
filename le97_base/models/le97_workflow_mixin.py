# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One guard for every document that moves money or notes.

A document's state, the dates and users of its steps, its number and its links
(journal entry, notes movement, donation…) change only through its action
methods. Those methods check the caller's role, then call
:meth:`_le97_write_workflow`, the one way to write them. From outside (a form,
an import, the JSON-RPC API) every user, administrators included, gets a clear
error. A document in one of its locked states cannot change at all, and a
document that left its first state is never deleted.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# Chatter and activity fields stay writable on a locked document.
UNLOCKED_PREFIXES = ("message_", "activity_", "website_message_", "rating_")


def field_labels(model, names):
    """The labels of fields ``names`` of ``model``, in the user's language."""
    return ", ".join(
        model._fields[name]._description_string(model.env) for name in sorted(names)
    )


def computed_field_names(model):
    """Stored fields ``model`` computes itself (totals, related values, a unit
    value taken once): written by nothing but their compute."""
    return {
        name
        for name, field in model._fields.items()
        if field.compute and field.store and field.readonly and not field.inverse
    }


class Le97WorkflowMixin(models.AbstractModel):
    _name = "le97.workflow.mixin"
    _description = "Le 97 Guarded Document"

    # Fields that only the action methods write ("state" always is, and so are
    # the stored fields the document computes itself).
    _le97_workflow_fields = ("state",)
    # Fields fixed once the document has left its first (deletable) state.
    _le97_draft_fields = ()
    # States in which the document is locked.
    _le97_locked_states = ("posted",)
    # States in which the document may still be deleted.
    _le97_deletable_states = ("draft",)

    # -- guard ---------------------------------------------------------------
    @api.model
    def _le97_guarded_fields(self):
        return set(self._le97_workflow_fields) | {"state"} | computed_field_names(self)

    @api.model
    def _le97_check_workflow_vals(self, vals_list):
        """Refuse the workflow fields in values coming from outside."""
        guarded = self._le97_guarded_fields()
        forbidden = sorted({name for vals in vals_list for name in vals} & guarded)
        if forbidden:
            raise UserError(
                self.env._(
                    "%(document)s: %(fields)s cannot be set directly; use the "
                    "buttons of the document, which check who may do it.",
                    document=self._description,
                    fields=field_labels(self, forbidden),
                )
            )

    def _le97_is_locked(self):
        self.ensure_one()
        return self.state in self._le97_locked_states

    def _le97_check_unlocked(self, field_names=None):
        """Refuse any change (of ``field_names``, or any) to a locked document."""
        if self.env.su:
            return
        if field_names is not None:
            field_names = {
                name for name in field_names if not name.startswith(UNLOCKED_PREFIXES)
            }
            if not field_names:
                return
        locked = self.filtered(lambda doc: doc._le97_is_locked())
        if locked:
            raise UserError(
                self.env._(
                    "%(documents)s cannot be changed any more (%(state)s): "
                    "cancel or reverse it, and record it again.",
                    documents=", ".join(locked.mapped("display_name")),
                    state=dict(
                        self._fields["state"]._description_selection(self.env)
                    ).get(locked[0].state),
                )
            )

    @api.model
    def _le97_new_document_vals(self, vals_list):
        """Hook: values the document computes itself at creation (its number).

        Called after the guard, so what it sets is not refused.
        """
        return vals_list

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._le97_check_workflow_vals(vals_list)
            # a context default (``default_state``) is a value from outside too
            guarded = self._le97_guarded_fields()
            context = {
                key: value
                for key, value in self.env.context.items()
                if not (key.startswith("default_") and key[8:] in guarded)
            }
            if len(context) != len(self.env.context):
                # replace the context (with_context would merge it back)
                self = self.with_env(self.env(context=context))
        vals_list = self._le97_new_document_vals(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._le97_check_workflow_vals([vals])
            self._le97_check_unlocked(vals)
            self._le97_check_draft_fields(vals)
        return super().write(vals)

    def _le97_check_draft_fields(self, vals):
        fixed = set(vals) & set(self._le97_draft_fields)
        if fixed:
            self._le97_check_state(
                self._le97_deletable_states,
                self.env._(
                    "Changing %(fields)s",
                    fields=field_labels(self, fixed),
                ),
            )

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        guarded = self._le97_guarded_fields()
        return [
            {key: value for key, value in vals.items() if key not in guarded}
            for vals in vals_list
        ]

    @api.ondelete(at_uninstall=False)
    def _unlink_except_le97_workflow(self):
        kept = self.filtered(lambda doc: doc.state not in self._le97_deletable_states)
        if kept:
            raise UserError(
                self.env._(
                    "%(documents)s cannot be deleted: it is kept for the books. "
                    "Cancel or reverse it instead.",
                    documents=", ".join(kept.mapped("display_name")),
                )
            )

    # -- the action methods' tools --------------------------------------------
    def _le97_write_workflow(self, vals):
        """Write workflow fields: for the action methods only, once they have
        checked the caller's role and the document's state."""
        return self.sudo().write(vals)

    @api.model
    def _le97_check_group(self, group_xmlid, action):
        """Refuse ``action`` to a user outside ``group_xmlid``."""
        if self.env.su or self.env.user.has_group(group_xmlid):
            return
        group = self.env.ref(group_xmlid, raise_if_not_found=False)
        raise AccessError(
            self.env._(
                "%(action)s: only the group %(group)s may do it on %(document)s.",
                action=action,
                group=group.sudo().full_name if group else group_xmlid,
                document=self._description,
            )
        )

    def _le97_check_state(self, states, action):
        """Refuse ``action`` on documents outside ``states``."""
        selection = dict(self._fields["state"]._description_selection(self.env))
        wrong = self.filtered(lambda doc: doc.state not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "%(action)s is not possible for %(documents)s in the state "
                    "%(state)s.",
                    action=action,
                    documents=", ".join(wrong.mapped("display_name")),
                    state=selection.get(wrong[0].state, wrong[0].state),
                )
            )


class Le97PostedDocumentMixin(models.AbstractModel):
    """A guarded document that posts a journal entry, always named ``move_id``."""

    _name = "le97.posted.document.mixin"
    _inherit = ["le97.workflow.mixin"]
    _description = "Le 97 Document with a Journal Entry"

    move_id = fields.Many2one(
        comodel_name="account.move",
        string="Journal Entry",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )

    @api.model
    def _le97_guarded_fields(self):
        return super()._le97_guarded_fields() | {"move_id"}


class Le97WorkflowLineMixin(models.AbstractModel):
    """A line of a guarded document: frozen with its document."""

    _name = "le97.workflow.line.mixin"
    _description = "Le 97 Guarded Document Line"

    # name of the many2one to the guarded document (None: a line of its own,
    # such as a stock figure, whose computed fields are still guarded)
    _le97_document_field = None
    # fields of the line only its document's action methods write
    _le97_line_workflow_fields = ()

    def _le97_documents(self):
        return self[self._le97_document_field] if self._le97_document_field else []

    @api.model
    def _le97_guarded_fields(self):
        return set(self._le97_line_workflow_fields) | computed_field_names(self)

    @api.model
    def _le97_check_line_vals(self, vals_list):
        if self.env.su:
            return
        forbidden = {name for vals in vals_list for name in vals}
        forbidden &= self._le97_guarded_fields()
        if forbidden:
            raise UserError(
                self.env._(
                    "%(lines)s: %(fields)s are set by the application and cannot "
                    "be entered.",
                    lines=self._description,
                    fields=field_labels(self, forbidden),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._le97_check_line_vals(vals_list)
        lines = super().create(vals_list)
        lines._le97_check_document_draft()
        return lines

    def write(self, vals):
        self._le97_check_line_vals([vals])
        self._le97_check_document_draft()
        res = super().write(vals)
        if self._le97_document_field in vals:
            self._le97_check_document_draft()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_le97_document_done(self):
        self._le97_check_document_draft()

    def _le97_check_document_draft(self):
        """Lines change only while their document is not locked."""
        if self.env.su or not self._le97_document_field:
            return
        documents = self._le97_documents()
        done = documents.filtered(lambda doc: doc._le97_is_locked())
        if done:
            raise UserError(
                self.env._(
                    "The lines of %(documents)s cannot be changed any more: "
                    "the document is locked.",
                    documents=", ".join(done.mapped("display_name")),
                )
            )
