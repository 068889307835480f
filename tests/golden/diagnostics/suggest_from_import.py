from diag_helper_mod import VALEU
