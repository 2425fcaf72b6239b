# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

VEHICLE_TYPES = [
    ("car", "Car"),
    ("motorcycle", "Motorcycle (over 50 cm³)"),
    ("moped", "Moped or scooter (up to 50 cm³)"),
]
# Fiscal horsepower bands of the official scale, by vehicle type.
POWERS = [
    ("car_3", "Car: 3 CV and less"),
    ("car_4", "Car: 4 CV"),
    ("car_5", "Car: 5 CV"),
    ("car_6", "Car: 6 CV"),
    ("car_7", "Car: 7 CV and more"),
    ("moto_2", "Motorcycle: 1 or 2 CV"),
    ("moto_5", "Motorcycle: 3 to 5 CV"),
    ("moto_6", "Motorcycle: more than 5 CV"),
    ("moped", "Moped or scooter"),
]


class Le97MileageRate(models.Model):
    """The official mileage scale of the year (barème kilométrique), by
    vehicle type and fiscal horsepower: the rate per kilometre of its first
    band (up to 5,000 km a year), which values a volunteer's trips."""

    _name = "le97.mileage.rate"
    _description = "Mileage Scale Rate"
    _order = "year desc, vehicle_type, power"

    year = fields.Integer(required=True, index=True)
    vehicle_type = fields.Selection(VEHICLE_TYPES, required=True)
    power = fields.Selection(POWERS, string="Fiscal Horsepower", required=True)
    rate = fields.Float(
        string="Rate per km",
        digits=(16, 3),
        required=True,
        help="Euros per kilometre, for up to 5,000 km in the year.",
    )
    note = fields.Char(help="Where the rate comes from.")

    @api.constrains("year", "power", "rate")
    def _check_rate(self):
        for rate in self:
            if rate.rate <= 0:
                raise ValidationError(
                    self.env._("A rate of the mileage scale is positive.")
                )
            if self.search_count(
                [
                    ("year", "=", rate.year),
                    ("power", "=", rate.power),
                    ("id", "!=", rate.id),
                ]
            ):
                raise ValidationError(
                    self.env._(
                        "The mileage scale of %(year)s already has a rate for "
                        "this fiscal horsepower.",
                        year=rate.year,
                    )
                )

    @api.constrains("vehicle_type", "power")
    def _check_power_matches_vehicle(self):
        prefixes = {"car": "car_", "motorcycle": "moto_", "moped": "moped"}
        for rate in self:
            if not rate.power.startswith(prefixes[rate.vehicle_type]):
                raise UserError(
                    self.env._(
                        "The fiscal horsepower %(power)s is not one of a %(vehicle)s.",
                        power=dict(
                            self._fields["power"]._description_selection(self.env)
                        )[rate.power],
                        vehicle=dict(
                            self._fields["vehicle_type"]._description_selection(
                                self.env
                            )
                        )[rate.vehicle_type],
                    )
                )

    @api.depends("year", "power", "rate")
    def _compute_display_name(self):
        powers = dict(self._fields["power"]._description_selection(self.env))
        for rate in self:
            rate.display_name = f"{rate.year} - {powers.get(rate.power, '')}"

    @api.model
    def _le97_get_rate(self, year, power):
        """The rate of ``power`` for ``year``: a clear error when the scale of
        that year has none (the treasurer enters it)."""
        rate = self.search([("year", "=", year), ("power", "=", power)], limit=1)
        if not rate:
            raise UserError(
                self.env._(
                    "The mileage scale of %(year)s has no rate for %(power)s: a "
                    "treasurer enters it in Le 97 > Configuration > Mileage "
                    "Scale.",
                    year=year,
                    power=dict(self._fields["power"]._description_selection(self.env))[
                        power
                    ],
                )
            )
        return rate.rate
