from . import test_fund_identity, test_security
