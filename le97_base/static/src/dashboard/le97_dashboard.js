/** @odoo-module **/
// Copyright 2026 Fond'action Alusage
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {Component, onWillStart, useState} from "@odoo/owl";
import {Layout} from "@web/search/layout";
import {registry} from "@web/core/registry";
import {standardActionServiceProps} from "@web/webclient/actions/action_service";
import {useService} from "@web/core/utils/hooks";

/**
 * The treasurer's dashboard: the cards given by ``le97.dashboard`` (each addon
 * adds its own), grouped by section. The figure of a card, each of its
 * columns and each of its rows open the records behind them in Odoo's own
 * graph, pivot and list views.
 */
export class Le97Dashboard extends Component {
    static template = "le97_base.Dashboard";
    static components = {Layout};
    static props = {...standardActionServiceProps};

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.state = useState({data: null});
        onWillStart(() => this.load());
    }

    async load() {
        this.state.data = await this.orm.call("le97.dashboard", "get_dashboard_data", []);
    }

    /** Bootstrap columns of a card: the monthly chart takes two thirds. */
    cardClass(card) {
        return card.chart === "columns" ? "col-12 col-xl-8" : "col-12 col-md-6 col-xl-4";
    }

    barStyle(row, property) {
        // a row worth something is never drawn empty
        const ratio = row.value ? Math.max(row.ratio, 0.02) : 0;
        return `${property}: ${Math.round(ratio * 1000) / 10}%`;
    }

    open(action) {
        return this.actionService.doAction(action);
    }
}

registry.category("actions").add("le97_dashboard", Le97Dashboard);
