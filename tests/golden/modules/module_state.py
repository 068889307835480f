# Module globals are shared through the module object; from-import copies the binding.
import helper_mod
from helper_mod import counter
print(helper_mod.bump(), helper_mod.bump(), helper_mod.counter, counter)
helper_mod.GREETING = 'hi'
print(helper_mod.greet('you'))
helper_mod.new_attribute = 'set from outside'
import helper_mod as h
print(h.new_attribute)
