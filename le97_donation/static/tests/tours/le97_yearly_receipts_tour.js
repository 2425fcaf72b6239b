/* Copyright 2026 Fond'action Alusage
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("le97_yearly_receipts_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open the Le 97 app",
            trigger: ".o_app[data-menu-xmlid='le97_base.menu_le97_root']",
            run: "click",
        },
        {
            content: "Open the donations and receipts",
            trigger: ".o_menu_sections button[data-menu-xmlid='le97_donation.menu_le97_donation']",
            run: "click",
        },
        {
            content: "Open the yearly receipts",
            trigger: ".dropdown-item[data-menu-xmlid='le97_donation.donation_tax_receipt_yearly_menu']",
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
