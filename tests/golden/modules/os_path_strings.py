# os.path string functions: posixpath's exact semantics on corner cases.
import os
import os.path
import posixpath
from os.path import join as j
P = os.path
print(P is posixpath, j is P.join, P.__name__, P.sep, P.curdir, P.pardir, P.extsep, P.altsep)
for a in [('a', 'b'), ('a/', 'b'), ('a', '/b'), ('', 'x'), ('a', ''), ('/', 'x', '', 'y'), ('a//', '//b', 'c'), ('a',)]:
    print(a, P.join(*a))
for p in ['', '/', '//', '///', 'a', 'a/', '/a/b/', 'a/b/c.txt', '.hidden', 'a/.b.c', 'x.', '..', '...ext', 'a.b/c',
          '//a//b//', 'dir/./../x', '../../a/b/..', '/..', '/../a', 'a/b/../../..', './', 'caf\u00e9/\u00fc.txt']:
    print(repr(p), P.split(p), repr(P.basename(p)), repr(P.dirname(p)), P.splitext(p), P.normpath(p), P.isabs(p))
print(P.relpath('/a/b', '/a/c/d'), P.relpath('/a/b/c', '/a'), P.relpath('/x', '/x'), P.relpath('/', '/a/b'))
print(P.commonprefix(['abcd', 'abxy', 'ab']), repr(P.commonprefix([])), P.commonprefix(['/usr/lib', '/usr/local']))
print(P.splitdrive('/a/b'), P.normcase('A/B'), P.expanduser('~pyl_no_such_user/a'), P.expanduser('a~'))
os.environ['PYL_T'] = 'val'
os.environ['HOME'] = '/home/zed/'
print(P.expandvars('$PYL_T/${PYL_T}/$PYL_NOPE_X/${PYL_NOPE_Y}/$/${'), P.expanduser('~'), P.expanduser('~/x'))
print(os.getenv('PYL_T'), os.getenv('PYL_NOPE', 'default'), os.getenv('PYL_NOPE'))
for bad in [lambda: P.join('a', 5), lambda: P.join(5), lambda: P.basename(None), lambda: P.relpath('')]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class Where:
    def __fspath__(self):
        return 'some/where'
print(P.join(Where(), 'x'), os.fspath(Where()), P.basename(Where()), P.exists(Where()))
