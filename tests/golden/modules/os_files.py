# Creating, listing, renaming and removing files in the (temporary) current directory.
import os
print(os.listdir('.'))
with open('one.txt', 'w') as f:
    f.write('1')
os.mkdir('sub')
with open(os.path.join('sub', 'two.txt'), 'w') as f:
    f.write('22')
print(sorted(os.listdir('.')), os.listdir('sub'))
print(os.path.isfile('one.txt'), os.path.isdir('sub'), os.path.getsize(os.path.join('sub', 'two.txt')))
os.rename('one.txt', 'uno.txt')
print(sorted(os.listdir('.')))
os.remove('uno.txt')
os.remove(os.path.join('sub', 'two.txt'))
os.rmdir('sub')
print(os.listdir('.'), os.path.exists('sub'))
try:
    os.remove('missing.txt')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)
