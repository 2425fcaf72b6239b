/** @odoo-module **/
// Copyright 2026 Fond'action Alusage
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {MonetaryField, monetaryField} from "@web/views/fields/monetary/monetary_field";
import {onMounted, useRef} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";

/** The notes of La Pive: 1, 2, 5, 10 and 20, no cents. */
export const PIVE_NOTES = [1, 2, 5, 10, 20];

/**
 * The amount of the counter screen: a big input that opens the phone's
 * numeric keypad, and one big button per note that adds it to the amount
 * (a person at the counter counts the notes received), plus one to clear.
 */
export class PiveAmountField extends MonetaryField {
    static template = "le97_pive.PiveAmountField";
    static props = {
        ...MonetaryField.props,
        notes: {type: Array, optional: true},
    };

    setup() {
        super.setup();
        this.keypadRef = useRef("keypad");
        onMounted(() => {
            // a numeric keypad on phones, with the decimal separator
            const input = this.keypadRef.el?.querySelector("input");
            if (input) {
                input.setAttribute("inputmode", "decimal");
            }
        });
    }

    get notes() {
        return this.props.notes || PIVE_NOTES;
    }

    get clearLabel() {
        return _t("Clear the amount");
    }

    noteLabel(note) {
        return _t("Add a note of %s", note);
    }

    async addNote(note) {
        const current = this.props.record.data[this.props.name] || 0;
        await this.props.record.update({[this.props.name]: current + note});
    }

    async clearAmount() {
        await this.props.record.update({[this.props.name]: 0});
    }
}

export const piveAmountField = {
    ...monetaryField,
    component: PiveAmountField,
    displayName: _t("Amount with note buttons"),
};

registry.category("fields").add("le97_pive_amount", piveAmountField);
