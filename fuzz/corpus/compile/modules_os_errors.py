# os errors name the file and pick the OSError subclass; makedirs, stat, symlinks, realpath.
import os
P = os.path
os.mkdir('d1')
os.makedirs('d1/d2/d3')
os.makedirs('d1/d2/d3', exist_ok=True)
with open('d1/f.txt', 'w') as f:
    f.write('hello')
cases = ["os.makedirs('d1/d2')", "os.mkdir('d1')", "os.rmdir('d1')", "os.remove('d1')", "os.listdir('nope')", "os.chdir('nope')",
         "os.stat('nope')", "P.getsize('nope')", "os.mkdir(5)", "os.listdir(3.5)", "P.exists(None)", "os.getenv(5)",
         "os.remove('a\\0b')", "os.urandom(-1)", "os.rmdir('d1/d2/d3/x')", "os.putenv('a=b', 'x')", "os.listdir('d1/f.txt')",
         "os.makedirs('d1/f.txt/x')", "os.readlink('d1/f.txt')"]
for c in cases:
    try:
        print(c, repr(eval(c)))
    except Exception as e:
        print(c, type(e).__name__, e, getattr(e, 'errno', None), getattr(e, 'filename', None))
print(sorted(os.listdir('d1')), P.getsize('d1/f.txt'), P.isfile('d1/f.txt'), P.isdir('d1/d2'), P.exists('d1/zz'))
st = os.stat('d1/f.txt')
print(st.st_size, st[6], len(st), type(st.st_mtime).__name__, type(st[8]).__name__, st.st_mtime_ns // 10 ** 9 == st[8], oct(st.st_mode & 0o170000))
os.symlink('f.txt', 'd1/link')
print(P.islink('d1/link'), P.realpath('d1/link') == P.join(os.getcwd(), 'd1', 'f.txt'), os.readlink('d1/link'), P.lexists('d1/link'))
print(oct(os.lstat('d1/link').st_mode & 0o170000), os.stat('d1/link').st_size)
cwd = os.getcwd()
os.chdir('d1/d2')
print(P.relpath(cwd), P.relpath('d3'), P.abspath('..') == P.join(cwd, 'd1'), P.realpath('.') == P.realpath(P.join(cwd, 'd1', 'd2')))
os.chdir(cwd)
os.replace('d1/f.txt', 'd1/g.txt')
os.remove('d1/link')
os.unlink('d1/g.txt')
os.rmdir('d1/d2/d3')
os.rmdir('d1/d2')
os.rmdir('d1')
print(os.listdir(), os.access('.', os.W_OK), os.access('nope', os.F_OK), os.strerror(2))
print(os.system('exit 3'), os.system('true'), os.cpu_count() >= 1, len(os.urandom(7)), type(os.getppid()).__name__)
os.environ['PYL_CHILD'] = 'seen'
print(os.system('test "$PYL_CHILD" = seen'))
