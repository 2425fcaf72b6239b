/* Copyright 2026 Fond'action Alusage
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("le97_project_statement_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Le 97 app",
            trigger: ".o_app[data-menu-xmlid='le97_base.menu_le97_root']",
            run: "click",
        },
        {
            content: "Open the reporting menu",
            trigger: ".dropdown-toggle[data-menu-xmlid='le97_base.menu_le97_reporting']",
            run: "click",
        },
        {
            content: "Open the yearly statements",
            trigger: ".dropdown-item[data-menu-xmlid='le97_base.le97_statement_wizard_menu']",
            run: "click",
        },
        {
            content: "Ask for a column per project",
            trigger: ".modal .o_field_widget[name=by_project] input",
            run: "click",
        },
        {
            content: "The projects can be chosen",
            trigger: ".modal .o_field_widget[name=project_ids]",
        },
        {
            content: "Print the PDF",
            trigger: ".modal-footer button[name=action_print_pdf]",
            run: "click",
        },
        {
            content: "Once printed, export the workbook",
            trigger: ".modal-footer button[name=action_export_xlsx]:enabled",
            run: "click",
        },
        {
            content: "The workbook is exported",
            trigger: ".modal-footer button[name=action_export_xlsx]:enabled",
        },
    ],
});
