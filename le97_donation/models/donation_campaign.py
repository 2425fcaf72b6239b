# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

RECEIPT_ADMIN_GROUP = "le97_base.group_receipt_admin"
# The prefect's authorisation of a public appeal: the fund's legal standing,
# kept by the receipts administrator (who keeps the fund's identity and its
# public appeal date on the company), never by a treasurer alone.
AUTHORISATION_FIELDS = (
    "le97_authorisation_date",
    "le97_authorisation_ref",
    "le97_authorisation_attachment_ids",
)
# What the validated gifts of a campaign were booked with: their entries carry
# the project, and the CER counts them as public generosity.
BOOKED_FIELDS = ("le97_project_id", "le97_public_appeal", "company_id")


class DonationCampaign(models.Model):
    _inherit = "donation.campaign"
    _check_company_auto = True

    # OCA shares a new campaign among the companies (no default): its project
    # (check_company) could then only be a project shared too, and the company
    # field is hidden in a single-company database; a campaign belongs to the
    # current company, a multi-company user may still empty the field
    company_id = fields.Many2one(default=lambda self: self.env.company)
    le97_project_id = fields.Many2one(
        "account.analytic.account",
        string="Project",
        domain=lambda self: self.env["account.analytic.account"]._le97_project_domain(),
        check_company=True,
        ondelete="restrict",
        index="btree_not_null",
        help="Project of the fund the gifts to this campaign are for: each gift's "
        "journal item carries it (analytic plan Projects of the Fund).",
    )
    le97_public_appeal = fields.Boolean(
        string="Public Appeal",
        help="The campaign appeals to public generosity (website, posters, "
        "mailing to the public): its gifts are validated only once the "
        "prefect's authorisation is recorded, and are flagged as public "
        "generosity for the yearly account of the resources collected from the "
        "public (CER).",
    )
    le97_authorisation_date = fields.Date(
        string="Authorisation Date",
        copy=False,
        help="Date of the prefect's authorisation of this public appeal: a gift "
        "dated before it is refused.",
    )
    le97_authorisation_ref = fields.Char(
        string="Authorisation Reference",
        copy=False,
        help="Reference of the prefect's decision (arrêté) authorising the appeal.",
    )
    le97_authorisation_attachment_ids = fields.Many2many(
        "ir.attachment",
        relation="le97_donation_campaign_authorisation_attachment_rel",
        column1="campaign_id",
        column2="attachment_id",
        string="Authorisation Documents",
        copy=False,
        help="The prefect's decision and the file sent to the prefecture.",
    )
    le97_can_edit_authorisation = fields.Boolean(
        string="Can Record the Authorisation",
        compute="_compute_le97_can_edit_authorisation",
    )

    @api.depends_context("uid")
    def _compute_le97_can_edit_authorisation(self):
        allowed = self.env.su or self.env.user.has_group(RECEIPT_ADMIN_GROUP)
        for campaign in self:
            campaign.le97_can_edit_authorisation = allowed

    @api.onchange("le97_project_id")
    def _onchange_le97_project_id(self):
        # a campaign shared by the companies (OCA's default) takes the company
        # of its project, which belongs to one
        if self.le97_project_id.company_id and not self.company_id:
            self.company_id = self.le97_project_id.company_id

    @api.constrains("le97_project_id")
    def _check_le97_project_id(self):
        self.env["account.analytic.account"]._le97_check_project_field(self)

    # -- CRUD ----------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self._le97_check_authorisation_vals(vals_list, creating=True)
        # as the form does: a campaign created without a company (OCA shares
        # campaigns by default) on a project of one company belongs to it
        projects = self.env["account.analytic.account"].sudo()
        for vals in vals_list:
            if vals.get("le97_project_id") and "company_id" not in vals:
                company = projects.browse(vals["le97_project_id"]).company_id
                if company:
                    vals["company_id"] = company.id
        return super().create(vals_list)

    def write(self, vals):
        self._le97_check_authorisation_vals([vals])
        self._le97_check_appeal_withdrawal(vals)
        self._le97_check_booked_vals(vals)
        return super().write(vals)

    def _le97_check_appeal_withdrawal(self, vals):
        """An appeal whose authorisation is recorded stays a public appeal
        unless a receipts administrator withdraws it: its gifts are then no
        longer flagged public generosity."""
        if (
            "le97_public_appeal" not in vals
            or vals["le97_public_appeal"]
            or self.env.su
            or self.env.user.has_group(RECEIPT_ADMIN_GROUP)
        ):
            return
        authorised = self.filtered(
            lambda c: c.le97_public_appeal
            and (c.le97_authorisation_date or c.le97_authorisation_ref)
        )
        if authorised:
            raise AccessError(
                self.env._(
                    "The public appeals %(campaigns)s have the prefect's "
                    "authorisation: only a receipts administrator may withdraw "
                    "them.",
                    campaigns=", ".join(authorised.mapped("display_name")),
                )
            )

    @api.model
    def _le97_check_authorisation_vals(self, vals_list, creating=False):
        """Only a receipts administrator records the prefect's authorisation
        (a new campaign may carry it empty)."""
        if self.env.su or self.env.user.has_group(RECEIPT_ADMIN_GROUP):
            return
        for vals in vals_list:
            written = [
                name
                for name in AUTHORISATION_FIELDS
                if name in vals and (not creating or self._le97_is_set(vals[name]))
            ]
            if written:
                raise AccessError(
                    self.env._(
                        "Campaigns: only a receipts administrator may record the "
                        "prefect's authorisation of a public appeal (%(fields)s).",
                        fields=", ".join(
                            self._fields[name]._description_string(self.env)
                            for name in written
                        ),
                    )
                )

    @api.model
    def _le97_is_set(self, value):
        """Whether a value given at creation holds something (a list of
        relation commands may set nothing)."""
        if isinstance(value, list | tuple):
            return any(
                command[0] not in (5, 6) or (command[0] == 6 and command[2])
                for command in value
            )
        return bool(value)

    def _le97_validated_gifts(self):
        """Validated (or cancelled once booked) gifts of the campaigns."""
        return (
            self.env["donation.donation"]
            .sudo()
            .search([("campaign_id", "in", self.ids), ("state", "!=", "draft")])
        )

    def _le97_check_booked_vals(self, vals):
        """A campaign with validated gifts keeps its project, its public
        appeal and its company (the gifts' entries carry them), and the
        authorisation date of its appeal stays before its gifts."""
        if self.env.su:
            return
        changed = [
            name
            for name in BOOKED_FIELDS
            if name in vals
            and any(
                self._fields[name].convert_to_write(campaign[name], campaign)
                != vals[name]
                for campaign in self
            )
        ]
        if not changed and "le97_authorisation_date" not in vals:
            return
        gifts = self._le97_validated_gifts()
        if not gifts:
            return
        if changed:
            raise UserError(
                self.env._(
                    "The campaigns %(campaigns)s have validated gifts, whose "
                    "entries carry these fields, which cannot change: %(fields)s. "
                    "Close the campaign (archive it) and open a new one.",
                    campaigns=", ".join(gifts.campaign_id.mapped("display_name")),
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in changed
                    ),
                )
            )
        date = fields.Date.to_date(vals["le97_authorisation_date"])
        early = gifts.filtered(
            lambda gift: gift.le97_public_generosity
            and (not date or gift.donation_date < date)
        )
        if early:
            raise UserError(
                self.env._(
                    "The public appeal %(campaign)s already has validated gifts "
                    "dated from %(date)s: its authorisation date must stay set "
                    "and on or before that day.",
                    campaign=early.campaign_id[:1].display_name,
                    date=format_date(self.env, min(early.mapped("donation_date"))),
                )
            )

    # -- checks of the gifts -------------------------------------------------
    def _le97_gift_authorisation_problems(self, donation):
        """Why ``donation`` may not be validated for this public appeal
        (empty when it may): an endowment fund collects from the public only
        once the prefect has authorised it (law 2008-776 art. 140)."""
        self.ensure_one()
        campaign = self.sudo()
        if not campaign.le97_public_appeal:
            return []
        if not (campaign.le97_authorisation_date and campaign.le97_authorisation_ref):
            return [
                self.env._(
                    "The donation %(donation)s is a gift to the public appeal "
                    "%(campaign)s, which has no prefect's authorisation (date "
                    "and reference) yet: a receipts administrator records it on "
                    "the campaign before its gifts are validated.",
                    donation=donation.display_name,
                    campaign=campaign.display_name,
                )
            ]
        if donation.donation_date and (
            donation.donation_date < campaign.le97_authorisation_date
        ):
            return [
                self.env._(
                    "The donation %(donation)s is dated %(date)s, before the "
                    "prefect's authorisation of the public appeal %(campaign)s "
                    "(%(authorisation)s): a fund may not collect from the public "
                    "before it is authorised.",
                    donation=donation.display_name,
                    date=format_date(self.env, donation.donation_date),
                    campaign=campaign.display_name,
                    authorisation=format_date(
                        self.env, campaign.le97_authorisation_date
                    ),
                )
            ]
        return []
