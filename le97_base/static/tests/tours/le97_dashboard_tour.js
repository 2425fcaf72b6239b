/* Copyright 2026 Fond'action Alusage
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/** The volunteer time card opens its records, then the tour ends on the
 * dashboard (the test takes its screenshot there). */
const volunteerCard = ".o_le97_dashboard_card[data-card=volunteer_hours]";

registry.category("web_tour.tours").add("le97_dashboard_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "The treasurer lands on the dashboard",
            trigger: `.o_le97_dashboard ${volunteerCard} .o_le97_dashboard_figure`,
        },
        {
            content: "Open the volunteer time of the year",
            trigger: `${volunteerCard} .o_le97_dashboard_open`,
            run: "click",
        },
        {
            content: "The time by project in Odoo's pivot view",
            trigger: ".o_pivot_view tbody th:contains(Jardin du Ravelin)",
        },
        {
            content: "Back to the dashboard",
            trigger: ".o_back_button",
            run: "click",
        },
        {
            content: "Open one project's time",
            trigger: `${volunteerCard} .o_le97_dashboard_row:contains(Club Climat)`,
            run: "click",
        },
        {
            content: "Only that project's time, in a list",
            trigger: ".o_list_view tbody:not(:has(.o_data_row:nth-child(2))) .o_data_row:contains(Club Climat)",
        },
        {
            content: "Back to the dashboard",
            trigger: ".o_back_button",
            run: "click",
        },
        {
            content: "The dashboard again",
            trigger: `.o_le97_dashboard ${volunteerCard} .o_le97_dashboard_row:contains(Jardin du Ravelin)`,
        },
    ],
});
