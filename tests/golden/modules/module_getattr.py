# A module-level __getattr__ (PEP 562) answers the names its module lacks.
import module_getattr_mod as m

print(m.plain)
print(m.lazy, m.lazy_other)
print(getattr(m, "zzz", "default"), hasattr(m, "zzz"), hasattr(m, "lazy"))
try:
    m.missing
except AttributeError as e:
    print("AttributeError", e)
try:
    m.boom
except KeyError as e:
    print("KeyError", e)
from module_getattr_mod import lazy_from
print(lazy_from)
try:
    from module_getattr_mod import missing_from
except ImportError as e:
    # The message ends with the module's path, which depends on the checkout.
    print("ImportError", str(e).split(" (")[0])
# (the import system also asks for __path__, an implementation detail)
print([c for c in m.calls if not c.startswith("__")])
