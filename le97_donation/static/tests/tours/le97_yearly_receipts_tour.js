/* Copyright 2026 Fond'action Alusage
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("le97_yearly_receipts_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the Donation app",
            trigger: ".o_app[data-menu-xmlid='donation.donation_top_menu']",
            run: "click",
        },
        {
            content: "Open the Tax Receipts menu",
            trigger: ".o_menu_sections [data-menu-xmlid='donation.donation_tax_title_menu']",
            run: "click",
        },
        {
            content: "Issue the yearly receipts",
            trigger: ".dropdown-item[data-menu-xmlid='donation.tax_receipt_annual_create_menu']",
            run: "click",
        },
        {
            content: "Choose the year of the gifts",
            trigger: ".modal div[name='year'] input",
            run: "edit 2025",
        },
        {
            content: "Issue the yearly receipts",
            trigger: ".modal button[name='action_issue']",
            run: "click",
        },
        {
            content: "The summary shows the receipts issued",
            trigger: ".modal div[name='receipt_count']:contains('2')",
        },
        {
            content: "The donor already done is listed as skipped",
            trigger: ".modal div[name='skipped_partner_ids'] td:contains('Tour Donor Done')",
        },
        {
            content: "Open the receipts",
            trigger: ".modal button[name='action_open_receipts']",
            run: "click",
        },
        {
            content: "The receipts of the run are listed",
            trigger: ".o_list_view .o_data_row:contains('Tour Donor A')",
        },
    ],
});
