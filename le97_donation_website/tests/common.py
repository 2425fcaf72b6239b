# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.le97_donation.tests.common import Le97DonationCommon


class OnlineGiftCommon(Le97DonationCommon):
    """The fund of le97_donation's tests with the demo payment provider in
    test mode, on the fund's bank journal, and helpers to make gifts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.provider = cls.env.ref("payment.payment_provider_demo")
        cls.provider.write(
            {
                "state": "test",
                "journal_id": cls.bank_journal.id,
            }
        )
        cls.payment_method = cls.env.ref("payment_demo.payment_method_demo")
        cls.payment_method.active = True
        cls.campaign = cls.env["donation.campaign"].create(
            {"name": "Toit du 97", "code": "TOIT", "company_id": cls.company.id}
        )
        cls.gift_product = cls.env.ref(
            "le97_donation_website.product_product_gift_online"
        )
        cls.reference_count = 0

    @classmethod
    def _tx_vals(cls, **kw):
        cls.reference_count += 1
        vals = {
            "provider_id": cls.provider.id,
            "payment_method_id": cls.payment_method.id,
            "reference": f"LE97-WEB-{cls.reference_count}",
            "amount": 50.0,
            "currency_id": cls.company.currency_id.id,
            "partner_id": cls.env.ref("base.public_partner").id,
            "partner_name": "Paul Martin",
            "partner_email": "paul.martin@example.com",
            "partner_country_id": cls.fr.id,
            "partner_lang": "fr_FR",
            "operation": "online_redirect",
            "is_donation": True,
            "le97_donor_street": "5 rue de la République",
            "le97_donor_zip": "25000",
            "le97_donor_city": "Besançon",
            "le97_donor_country_id": cls.fr.id,
        }
        vals.update(kw)
        return vals

    @classmethod
    def _create_tx(cls, **kw):
        vals = cls._tx_vals(**kw)
        # the payment module fills the payer's fields from the partner: the
        # form's values are written after, as website_payment's route does
        payer = {
            key: vals.pop(key)
            for key in ("partner_name", "partner_email", "partner_country_id")
        }
        tx = cls.env["payment.transaction"].sudo().create(vals)
        tx.write(payer)
        return tx

    @classmethod
    def _paid_tx(cls, **kw):
        tx = cls._create_tx(**kw)
        tx._set_done()
        tx._post_process()
        return tx

    def _entries_of(self, tx):
        """Journal entries of the gift: the donation's and any payment's."""
        return (
            self.env["account.move"].search([("ref", "like", tx.reference)])
            | self.env["account.payment"]
            .search([("payment_transaction_id", "=", tx.id)])
            .move_id
        )
