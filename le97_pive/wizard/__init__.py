from . import le97_pive_wallet_import
