# os.path string functions.
import os
import os.path
print(os.path.join('a', 'b', 'c.txt'), os.path.join('/srv', 'x'), os.path.join('a', '/abs', 'b'), os.path.join('a', ''))
print(os.path.basename('/usr/lib/file.tar.gz'), repr(os.path.basename('/usr/lib/')), os.path.dirname('/usr/lib/file'), repr(os.path.dirname('file')))
print(os.path.split('/a/b/c'), os.path.splitext('archive.tar.gz'), os.path.splitext('noext'), os.path.splitext('.bashrc'))
print(os.path.isabs('/x'), os.path.isabs('x'), os.path.normpath('a//b/./c/../d'))
print(os.path.exists(__file__), os.path.exists('surely/not/here.txt'), os.path.isfile(__file__), os.path.isdir(__file__))
print(os.path.abspath('rel') == os.path.join(os.getcwd(), 'rel'))
print(os.path.basename(__file__), os.path.basename(os.path.dirname(__file__)))
