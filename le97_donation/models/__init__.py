from . import le97_pive_payment
