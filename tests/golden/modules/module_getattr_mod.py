plain = "plain value"
calls = []


def __getattr__(name):
    calls.append(name)
    if name.startswith("lazy"):
        return "made " + name
    if name == "boom":
        raise KeyError(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r} (custom)")
