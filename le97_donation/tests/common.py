# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import Command, fields
from odoo.tests import new_test_user
from odoo.tools.misc import file_open

from odoo.addons.base.tests.common import BaseCommon


def fund_address_and_signature():
    """The fund's address and signature image, required to issue receipts."""
    return {
        "street": "97 rue Battant",
        "zip": "25000",
        "city": "Besançon",
        "fund_signature": base64.b64encode(
            file_open("le97_base/static/description/demo_signature.png", "rb").read()
        ),
    }


class Le97DonationCommon(BaseCommon):
    """The French test company as the fund, one user per role, donors, and
    helpers to record donations. Issued receipts get their original PDF from
    the scheduled action, which the tests run only where they need the PDF
    (:meth:`_le97_render_originals`)."""

    @classmethod
    def setup_main_company(cls, currency_code="EUR"):
        # BaseCommon forces USD: the fund keeps the euro.
        return super().setup_main_company(currency_code=currency_code)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the donors speak French: it must be active (a database may have
        # English only), the receipt is printed in their language
        cls.env["res.lang"]._activate_lang("fr_FR")
        # One time zone for every user of the tests (the demo data gives the
        # superuser Brussels and the test users none): "today" is then the same
        # day for the donations, the checks and the receipts, at any hour.
        cls.env = cls.env(context=dict(cls.env.context, tz="Europe/Paris"))
        cls.company = cls.env.company
        signature = base64.b64encode(
            file_open("le97_base/static/description/demo_signature.png", "rb").read()
        )
        cls.company.write(
            {
                "name": "Fond'action Alusage",
                "street": "97 rue Battant",
                "zip": "25000",
                "city": "Besançon",
                "country_id": cls.env.ref("base.fr").id,
                "fund_siren": "732829320",
                "fund_rna": False,
                "fund_object": "Soutenir le tiers-lieu Le 97 et ses activités "
                "culturelles et solidaires.",
                "fund_signatory_name": "Camille Martin",
                "fund_signatory_title": "Présidente",
                "fund_signature": signature,
                "fund_legal_form": "endowment_fund",
                "fund_receipt_art_200": True,
                "fund_receipt_art_238bis": True,
            }
        )
        ctx = {"company_id": cls.company.id, "company_ids": cls.company.ids}
        cls.user_volunteer = new_test_user(
            cls.env, login="don_volunteer", groups="le97_base.group_volunteer", **ctx
        )
        cls.user_treasurer = new_test_user(
            cls.env, login="don_treasurer", groups="le97_base.group_treasurer", **ctx
        )
        cls.user_admin = new_test_user(
            cls.env,
            login="don_receipt_admin",
            groups="le97_base.group_receipt_admin",
            **ctx,
        )
        cls.fr = cls.env.ref("base.fr")
        cls.donor = cls.env["res.partner"].create(
            {
                "name": "Jeanne Dupont",
                "street": "12 rue des Granges",
                "zip": "25000",
                "city": "Besançon",
                "country_id": cls.fr.id,
                "email": "jeanne@example.com",
                "lang": "fr_FR",
            }
        )
        cls.company_donor = cls.env["res.partner"].create(
            {
                "name": "Comté Bois SARL",
                "is_company": True,
                "company_registry": "552100554",
                "le97_legal_form": "SARL",
                "street": "3 avenue Fontaine-Argent",
                "zip": "25000",
                "city": "Besançon",
                "country_id": cls.fr.id,
                "lang": "fr_FR",
            }
        )
        cls.product = cls.env.ref("le97_donation.product_product_gift")
        cls.bank_journal = cls.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", cls.company.id)], limit=1
        )
        cls.method_line = cls.bank_journal.inbound_payment_method_line_ids[:1]
        cls.cheque_line = cls.method_line.copy(
            {
                "name": "Chèque",
                "le97_payment_means": "cheque",
                "payment_account_id": cls.method_line.payment_account_id.id,
            }
        )
        cls.today = fields.Date.context_today(cls.env.user)

    @classmethod
    def _donation_vals(cls, partner=None, amount=120.0, **kw):
        vals = {
            "partner_id": (partner or cls.donor).id,
            "donation_date": kw.pop("donation_date", cls.today),
            "payment_method_line_id": kw.pop("method_line", cls.cheque_line).id,
            "tax_receipt_option": kw.pop("tax_receipt_option", "each"),
            "line_ids": [
                Command.create(
                    {
                        "product_id": cls.product.id,
                        "quantity": 1,
                        "unit_price": amount,
                    }
                )
            ],
        }
        vals.update(kw)
        return vals

    @classmethod
    def _validated_donation(cls, partner=None, amount=120.0, **kw):
        donation = cls.env["donation.donation"].create(
            cls._donation_vals(partner, amount, **kw)
        )
        donation.validate()
        return donation

    @classmethod
    def _le97_render_originals(cls):
        """Run the scheduled action that renders the originals (real
        wkhtmltopdf, whose style sheets come from the test HTTP server);
        returns the number of originals stored."""
        return cls.env["donation.tax.receipt"]._le97_cron_render_originals()

    def _receipt_count(self):
        return self.env["donation.tax.receipt"].search_count([])
