/** @odoo-module */
// Copyright 2026 Fond'action Alusage
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("le97_pive_exchange_sale_tour", {
    steps: () => [
        {
            content: "The session is open: start a sale",
            trigger: ".o_form_view button[name='action_new_sale']",
            run: "click",
        },
        {
            content: "Choose the member",
            trigger: ".modal div[name='partner_id'] input",
            run: "edit Camille Tour",
        },
        {
            content: "Select the member",
            trigger: ".ui-menu-item a:contains('Camille Tour')",
            run: "click",
        },
        {
            content: "The membership is valid",
            trigger: ".modal div[name='member_valid'] input:checked",
        },
        {
            content: "Amount bought",
            trigger: ".modal div[name='amount'] input",
            run: "edit 35 && press Tab",
        },
        {
            content: "The notes to hand out are suggested and total the amount",
            trigger: ".modal div[name='notes_total']:contains('35')",
        },
        {
            content: "Hand out the notes",
            trigger: ".modal button[name='action_confirm_and_close']",
            run: "click",
        },
        {
            content: "Back on the session, the sale is listed",
            trigger: "body:not(:has(.modal)) .o_form_view a[name='sales']",
            run: "click",
        },
        {
            content: "The sale is done",
            trigger: "div[name='sale_ids'] .o_data_row:contains('Camille Tour')",
        },
    ],
});
