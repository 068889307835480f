# What warnings.warn prints on stderr under the default filters.
import warnings


def old_api():
    warnings.warn("old_api is going away", DeprecationWarning, stacklevel=2)
    return 1


def noisy(n):
    warnings.warn(f"noisy {n}")  # UserWarning, shown once per location ("default")


print(old_api())
print(old_api())
for i in range(3):
    noisy(i)
warnings.warn("a runtime problem", RuntimeWarning)
warnings.warn("pending", PendingDeprecationWarning)  # ignored by default
warnings.warn(UserWarning("an instance"))


class MyWarning(UserWarning):
    pass


warnings.warn("custom category", MyWarning)
warnings.warn("deep", stacklevel=5)  # deeper than the stack: attributed to sys
warnings.simplefilter("error", MyWarning)
try:
    warnings.warn("now an error", MyWarning)
except MyWarning as e:
    print("raised:", type(e).__name__, e)
warnings.warn("uncaught", MyWarning)
print("not reached")
