# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# move type: (takes notes from a location, puts notes into a location)
MOVE_TYPES = {
    "reception": (False, True),
    "return": (True, False),
    "transfer": (True, True),
    "withdrawal": (True, False),
    "sale": (True, False),
    "buyback": (False, True),
}


class Le97PiveNoteMove(models.Model):
    _name = "le97.pive.note.move"
    _description = "Local Currency Notes Movement"
    _inherit = ["le97.pive.exchange.document", "mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    _le97_workflow_fields = ("state", "validated_by_id", "validated_date", "sale_id")
    _le97_locked_states = ("done", "cancel")
    _le97_deletable_states = ("draft",)

    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        ondelete="restrict",
    )
    move_type = fields.Selection(
        selection=[
            ("reception", "Reception from the association"),
            ("return", "Return to the association"),
            ("transfer", "Transfer between locations"),
            ("withdrawal", "Withdrawal of damaged notes"),
            ("sale", "Sale"),
            ("buyback", "Buy-back"),
        ],
        string="Type",
        required=True,
        default="reception",
        tracking=True,
    )
    date = fields.Datetime(
        required=True, default=fields.Datetime.now, tracking=True, index=True
    )
    location_src_id = fields.Many2one(
        comodel_name="le97.pive.note.location",
        string="From",
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    location_dest_id = fields.Many2one(
        comodel_name="le97.pive.note.location",
        string="To",
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    state = fields.Selection(
        selection=[("draft", "Draft"), ("done", "Done"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many(
        comodel_name="le97.pive.note.move.line",
        inverse_name="note_move_id",
        string="Notes",
        copy=True,
    )
    amount_total = fields.Integer(
        string="Total", compute="_compute_amount_total", store=True
    )
    validated_by_id = fields.Many2one(
        comodel_name="res.users", readonly=True, copy=False, ondelete="restrict"
    )
    validated_date = fields.Datetime(readonly=True, copy=False)
    sale_id = fields.Many2one(
        comodel_name="le97.pive.exchange.sale",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )
    note = fields.Text(help="Reason, e.g. the state of the damaged notes.")

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for move in self:
            move.amount_total = sum(move.line_ids.mapped("amount"))

    @api.constrains("move_type", "location_src_id", "location_dest_id")
    def _check_locations(self):
        for move in self:
            takes, puts = MOVE_TYPES[move.move_type]
            if (
                bool(move.location_src_id) != takes
                or bool(move.location_dest_id) != puts
            ):
                raise ValidationError(
                    self.env._(
                        "%(move)s: a movement of type %(type)s needs "
                        "%(src)s and %(dest)s.",
                        move=move.name,
                        type=dict(
                            move._fields["move_type"]._description_selection(self.env)
                        )[move.move_type],
                        src=self.env._("a source location")
                        if takes
                        else self.env._("no source location"),
                        dest=self.env._("a destination location")
                        if puts
                        else self.env._("no destination location"),
                    )
                )
            if move.location_src_id and move.location_src_id == move.location_dest_id:
                raise ValidationError(
                    self.env._(
                        "%(move)s: the source and destination locations must "
                        "differ.",
                        move=move.name,
                    )
                )

    @api.constrains("move_type", "sale_id")
    def _check_sale_movement(self):
        for move in self:
            if (move.move_type in ("sale", "buyback")) != bool(move.sale_id):
                raise ValidationError(
                    self.env._(
                        "%(move)s: notes are sold or bought back only through a "
                        "sale of the exchange office, which records its movement.",
                        move=move.name,
                    )
                )

    def _get_stock_deltas(self):
        deltas = {}
        for move in self:
            for line in move.line_ids:
                if move.location_src_id:
                    key = (move.location_src_id.id, line.denomination_id.id)
                    deltas[key] = deltas.get(key, 0) - line.quantity
                if move.location_dest_id:
                    key = (move.location_dest_id.id, line.denomination_id.id)
                    deltas[key] = deltas.get(key, 0) + line.quantity
        return deltas

    def action_done(self):
        """Validate the movements: the stock of the locations changes.

        A transfer between locations is validated by a second person.
        """
        self._le97_check_group(
            "le97_base.group_treasurer", self.env._("Validate a movement of notes")
        )
        self._le97_check_state(("draft",), self.env._("Validating"))
        for move in self:
            if not move.line_ids:
                raise UserError(
                    self.env._("%(move)s has no notes to move.", move=move.name)
                )
            if move.move_type == "transfer" and move.create_uid == self.env.user:
                raise UserError(
                    self.env._(
                        "%(move)s: a transfer between locations must be validated "
                        "by a second person, not by %(user)s who recorded it.",
                        move=move.name,
                        user=self.env.user.name,
                    )
                )
        self.env["le97.pive.note.quant"]._apply_deltas(self._get_stock_deltas())
        self._le97_write_workflow(
            {
                "state": "done",
                "validated_by_id": self.env.uid,
                "validated_date": fields.Datetime.now(),
            }
        )
        return True

    def action_cancel(self):
        """Cancel draft movements; a validated one is corrected by the opposite
        movement."""
        self._le97_check_group(
            "le97_base.group_treasurer", self.env._("Cancel a movement of notes")
        )
        self._le97_check_state(("draft",), self.env._("Cancelling"))
        self._le97_write_workflow({"state": "cancel"})
        return True
