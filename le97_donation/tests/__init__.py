from . import test_pive_gift
