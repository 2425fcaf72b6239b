from . import test_currency
