# sys.argv holds the script path and no further arguments here.
import sys
import os
print(type(sys.argv).__name__, len(sys.argv))
print(os.path.basename(sys.argv[0]), os.path.isabs(sys.argv[0]))
print(sys.argv[0] == __file__)
