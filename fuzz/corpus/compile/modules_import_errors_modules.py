# Importing missing modules and names.
try:
    import this_module_does_not_exist
except ImportError as e:
    print(type(e).__name__, e)
try:
    from helper_mod import no_such_thing
except ImportError as e:
    print(type(e).__name__, str(e).split(' (')[0])
