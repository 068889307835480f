# Imported by mp_fork_during_import.py in the child.
VALUE = 'quick'
