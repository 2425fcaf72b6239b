/** @odoo-module **/
// Copyright 2026 Fond'action Alusage
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import PaymentForm from "@payment/js/payment_form";

PaymentForm.include({
    /**
     * Send what a French fiscal receipt needs with the donation (checked by
     * the server, which answers with a clear error).
     *
     * @override method from @website_payment/js/payment_form
     * @private
     * @return {object} The extended transaction route params.
     */
    _prepareTransactionRouteParams() {
        const params = this._super(...arguments);
        if (!document.querySelector(".o_donation_payment_form")) {
            return params;
        }
        const value = (selector) => this.el.querySelector(selector)?.value || "";
        return {
            ...params,
            le97_donor_details: {
                street: value('input[name="le97_street"]'),
                zip: value('input[name="le97_zip"]'),
                city: value('input[name="le97_city"]'),
                country_id: value('select[name="country_id"]'),
                donor_type: value('input[name="le97_donor_type"]:checked'),
                company_name: value('input[name="le97_company_name"]'),
                campaign_id: value('select[name="le97_campaign_id"]'),
            },
        };
    },
});
