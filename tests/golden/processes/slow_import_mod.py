# Imported by mp_fork_during_import.py: takes a while to import.
import sys
import time

sys.modules['__main__'].importing.set()
time.sleep(0.5)
VALUE = 'slow'
