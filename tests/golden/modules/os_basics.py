# os: cwd and separators, printed as types and booleans.
import os
cwd = os.getcwd()
print(type(cwd).__name__, os.path.isabs(cwd), os.path.isdir(cwd))
print(os.sep, os.linesep == '\n', os.name)
print(type(os.getpid()).__name__, os.getpid() > 0)
print(type(os.environ.get('PATH', '')).__name__, os.environ.get('PYL_SURELY_UNSET_VARIABLE') is None)
