from . import test_groups, test_pive_gift
