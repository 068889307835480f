# The tutorial's subprocess example. The tutorial pings www.baidu.com; a
# machine without network access gets ping's error and exit code instead.
# (The Windows-only Notepad++ and `dir e:` calls of the tutorial are left out.)
import subprocess

print('$ ping -c 1 www.baidu.com')
r = subprocess.call(['ping', '-c', '1', 'www.baidu.com'])
print('Exit code:', r)
