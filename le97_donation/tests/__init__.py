from . import test_groups
from . import test_pive_gift
