# Imported by import_once.py: slow to run, and counts its runs.
import sys
import time

sys.modules['__main__'].runs.append(1)
DONE = False
TABLE = []
time.sleep(0.2)
for i in range(1000):
    TABLE.append(i)
DONE = True
