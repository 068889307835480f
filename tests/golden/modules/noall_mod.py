public_name = 'public'
_underscore = 'private by convention'
def public_func():
    return 'called public_func'
