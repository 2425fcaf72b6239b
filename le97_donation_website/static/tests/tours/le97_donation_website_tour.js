/** @odoo-module **/
// Copyright 2026 Fond'action Alusage
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import {registry} from "@web/core/registry";

// A logged-in donor fills in what the receipt needs and pays with the demo
// provider (its default simulated state is a successful payment).
registry.category("web_tour.tours").add("le97_donation_website_tour", {
    url: "/donation/pay?amount=45",
    steps: () => [
        {
            content: "The tax reduction is explained",
            trigger: "#le97_tax_reduction:contains(66)",
        },
        {
            content: "Street",
            trigger: "input[name='le97_street']",
            run: "edit 8 rue Battant",
        },
        {
            content: "Zip",
            trigger: "input[name='le97_zip']",
            run: "edit 25000",
        },
        {
            content: "City",
            trigger: "input[name='le97_city']",
            run: "edit Besançon",
        },
        {
            content: "The gift of an individual",
            trigger: "input#le97_donor_type_individual:checked",
        },
        {
            content: "Campaign",
            trigger: "select[name='le97_campaign_id']",
            run: "selectByLabel Toit du 97",
        },
        {
            content: "Pay",
            trigger: "button[name='o_payment_submit_button']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The payment is processed",
            trigger: "[name=o_payment_status_alert].alert-success",
        },
    ],
});

// After the scheduled action, the donor sees the receipt in the portal.
registry.category("web_tour.tours").add("le97_donation_website_receipts_tour", {
    url: "/my/receipts",
    steps: () => [
        {
            content: "The receipt is listed with its download",
            trigger: "a[href$='/download']",
        },
    ],
});
