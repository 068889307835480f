# A module that imports another module.
import chain_a_mod
print(chain_a_mod.value)
print(chain_a_mod.chain_b_mod.value)
import chain_b_mod
print(chain_b_mod is chain_a_mod.chain_b_mod)
