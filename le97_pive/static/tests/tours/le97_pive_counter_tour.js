/** @odoo-module **/
// Copyright 2026 Fond'action Alusage
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("le97_pive_counter_tour", {
    url: "/odoo/action-le97_pive.le97_pive_payment_counter_action",
    steps: () => [
        {
            content: "Type the amount received",
            trigger: ".o_le97_pive_counter .o_field_widget[name=amount] input",
            run: "edit 7",
        },
        {
            content: "Paid with the digital Pive",
            trigger: ".o_field_widget[name=medium] input[data-value=digital]",
            run: "click",
        },
        {
            content: "For the bar",
            trigger: ".o_field_widget[name=purpose_id] .o_radio_item:nth-child(3) input",
            run: "click",
        },
        {
            content: "Record",
            trigger: "button.o_le97_pive_record",
            run: "click",
        },
        {
            content: "A blank payment is ready for the next person, still digital",
            trigger:
                ".o_le97_pive_counter .o_field_widget[name=amount] input:value(0.00), .o_le97_pive_counter .o_field_widget[name=amount] input:value(0,00)",
        },
        {
            content: "The medium is kept",
            trigger: ".o_field_widget[name=medium] input[data-value=digital]:checked",
        },
    ],
});
