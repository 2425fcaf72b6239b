# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import fields, http
from odoo.exceptions import ValidationError
from odoo.http import request

from odoo.addons.website_payment.controllers import portal

FRENCH_ZIP = re.compile(r"^\d{5}$")


class PaymentPortal(portal.PaymentPortal):
    def _le97_campaigns(self):
        """Campaigns a donor may choose on the form: the active ones of the
        website's company (or of every company), but the public appeals the
        prefect has not authorised yet (their gifts would be refused)."""
        today = fields.Date.context_today(request.env.user)
        return (
            request.env["donation.campaign"]
            .sudo()
            .search(
                [
                    ("company_id", "in", [False, request.env.company.id]),
                    "|",
                    ("le97_public_appeal", "=", False),
                    "&",
                    "&",
                    ("le97_authorisation_ref", "!=", False),
                    ("le97_authorisation_date", "!=", False),
                    ("le97_authorisation_date", "<=", today),
                ],
                order="sequence, id",
            )
        )

    def _get_extra_payment_form_values(self, is_donation=False, **kwargs):
        values = super()._get_extra_payment_form_values(
            is_donation=is_donation, **kwargs
        )
        if is_donation:
            partner = values["partner"]
            logged_in = not request.env.user._is_public()
            donor = partner.commercial_partner_id if logged_in else partner.browse()
            values.update(
                {
                    "le97_campaigns": self._le97_campaigns(),
                    "le97_donor": {
                        "street": donor.street or "",
                        "zip": donor.zip or "",
                        "city": donor.city or "",
                        "is_company": bool(donor.is_company),
                        "company_name": donor.name if donor.is_company else "",
                    },
                }
            )
        return values

    @http.route()
    def donation_transaction(
        self, amount, currency_id, partner_id, access_token, minimum_amount=0, **kwargs
    ):
        details = kwargs.pop("le97_donor_details", None) or {}
        tx_vals = self._le97_check_donor_details(
            details, kwargs.get("partner_details") or {}
        )
        result = super().donation_transaction(
            amount,
            currency_id,
            partner_id,
            access_token,
            minimum_amount=minimum_amount,
            **kwargs,
        )
        tx_sudo = (
            request.env["payment.transaction"]
            .sudo()
            .search([("reference", "=", result["reference"])], limit=1)
        )
        tx_sudo.write(tx_vals)
        return result

    def _le97_check_donor_details(self, details, partner_details):
        """Check what a French fiscal receipt needs (the donor's postal
        address, whether a company gives, the campaign) and return the
        transaction's values; raise a clear error otherwise."""
        env = request.env

        def text(key):
            value = details.get(key)
            return value.strip() if isinstance(value, str) else ""

        missing = [
            label
            for key, label in (
                ("street", env._("street")),
                ("zip", env._("zip")),
                ("city", env._("city")),
            )
            if not text(key)
        ]
        if missing:
            raise ValidationError(
                env._(
                    "A fiscal receipt needs your full postal address: please "
                    "fill in the %(missing)s.",
                    missing=", ".join(missing),
                )
            )
        donor_type = details.get("donor_type")
        if donor_type not in ("individual", "company"):
            raise ValidationError(
                env._("Please say whether you give as an individual or a company.")
            )
        is_company = donor_type == "company"
        if is_company and not text("company_name"):
            raise ValidationError(
                env._("Please give the name of the company that makes the gift.")
            )
        try:
            country_id = int(
                details.get("country_id") or partner_details.get("country_id") or 0
            )
        except (TypeError, ValueError):
            country_id = 0
        country = env["res.country"].sudo().browse(country_id).exists()
        if not country:
            raise ValidationError(env._("Please choose your country."))
        if country.code == "FR" and not FRENCH_ZIP.match(text("zip")):
            raise ValidationError(
                env._(
                    "The zip code %(zip)s is not a French zip code (5 digits).",
                    zip=text("zip"),
                )
            )
        campaign = env["donation.campaign"]
        if details.get("campaign_id"):
            try:
                campaign_id = int(details["campaign_id"])
            except (TypeError, ValueError):
                campaign_id = 0
            campaign = self._le97_campaigns().filtered(lambda c: c.id == campaign_id)
            if not campaign:
                raise ValidationError(
                    env._("The chosen campaign does not exist or is closed.")
                )
        return {
            "le97_donor_street": text("street"),
            "le97_donor_zip": text("zip"),
            "le97_donor_city": text("city"),
            "le97_donor_country_id": country.id,
            "le97_donor_is_company": is_company,
            "le97_donor_company_name": text("company_name") if is_company else False,
            "le97_campaign_id": campaign.id,
        }
