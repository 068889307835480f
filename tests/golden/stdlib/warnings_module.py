# The warnings module's API: catch_warnings, filters, categories, registry.
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("one")
    warnings.warn("two", DeprecationWarning)
    warnings.warn("three", RuntimeWarning, stacklevel=1)
    for w in caught:
        print(w.category.__name__, str(w.message), w.lineno > 0, w.filename.endswith(".py"))
print(len(caught))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore")
    warnings.warn("hidden")
    warnings.simplefilter("always", UserWarning)
    warnings.warn("shown")
print([str(w.message) for w in caught])

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="skip")
    warnings.warn("skip me")
    warnings.warn("keep me")
    warnings.filterwarnings("error", category=RuntimeWarning)
    try:
        warnings.warn("boom", RuntimeWarning)
    except RuntimeWarning as e:
        print("error filter:", e)
print([str(w.message) for w in caught])

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("only once")
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("per location")
print(len(caught), [str(w.message) for w in caught])

with warnings.catch_warnings():
    warnings.simplefilter("error")
    for cat in (UserWarning, DeprecationWarning, SyntaxWarning, BytesWarning, ResourceWarning, FutureWarning,
                ImportWarning, UnicodeWarning):
        try:
            warnings.warn("x", cat)
        except Warning as e:
            print(cat.__name__, issubclass(cat, Warning), type(e).__name__)

for bad in [lambda: warnings.simplefilter("bogus"), lambda: warnings.warn("m", int),
            lambda: warnings.filterwarnings("ignore", category=3)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

shown = []


def show(message, category, filename, lineno, file=None, line=None):
    shown.append((str(message), category.__name__))


with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = show
    warnings.warn("via showwarning")
    warnings.warn("second", FutureWarning)
print(shown)
print(warnings.showwarning is show)
m = warnings.formatwarning("msg", UserWarning, "file.py", 12, "line of code")
print(repr(m))
print(repr(warnings.formatwarning("msg", UserWarning, "file.py", 12, None)))
