/** @odoo-module */
// Copyright 2026 Fond'action Alusage
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { PosOrder } from "@point_of_sale/app/models/pos_order";
import { patch } from "@web/core/utils/patch";

/** Is ``amount`` a whole number of notes (no cents)? */
export function isWholeNotes(amount) {
    return Math.abs(amount - Math.round(amount)) < 1e-6;
}

patch(PosOrder.prototype, {
    /**
     * Pive notes have no cents: a new line in notes proposes the whole notes
     * of what is due (the cents stay due, in euros). Under one Pive, one note:
     * the change is given in euros.
     */
    getDefaultAmountDueToPayIn(paymentMethod) {
        const amount = super.getDefaultAmountDueToPayIn(...arguments);
        if (paymentMethod.le97_pive_medium !== "paper" || isWholeNotes(amount)) {
            return amount;
        }
        const sign = amount < 0 ? -1 : 1;
        const whole = Math.floor(Math.abs(amount));
        return sign * (whole || 1);
    },
});
