import chain_b_mod
value = 'a sees b: ' + chain_b_mod.value
