# Text mode: UTF-8 and universal newlines (\r\n and \r read as \n), through
# communicate and through the pipe objects.
import subprocess
from subprocess import PIPE

data = 'a\\r\\nb\\rc\\nd\\r'
print(repr(subprocess.run(['printf', data], capture_output=True).stdout))
print(repr(subprocess.run(['printf', data], capture_output=True, text=True).stdout))
print(repr(subprocess.run(['printf', data], capture_output=True, universal_newlines=True).stdout))
print(repr(subprocess.run(['printf', data], capture_output=True, encoding='utf-8').stdout))
print(repr(subprocess.check_output(['printf', data], text=True)))

p = subprocess.Popen(['printf', data], stdout=PIPE, text=True)
print([p.stdout.readline() for _ in range(5)])
p.wait()
p.stdout.close()

p = subprocess.Popen(['printf', data], stdout=PIPE, text=True)
print(repr(p.stdout.read()))
p.wait()
p.stdout.close()

p = subprocess.Popen(['printf', '\u00e9t\u00e9\\n\u4e16\u754c\\n'], stdout=PIPE, text=True)
print(p.universal_newlines, p.text_mode, p.encoding)
print(list(p.stdout))
p.wait()
p.stdout.close()

r = subprocess.run(['cat'], input='\u00fcnic\u00f6de\r\nline\n', capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr))

r = subprocess.run(['printf', '\\377\\376'], capture_output=True)
print(r.stdout)
try:
    subprocess.run(['printf', '\\377\\376'], capture_output=True, text=True)
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)

p = subprocess.Popen(['true'], stdout=PIPE)
print(p.universal_newlines, p.text_mode, p.encoding, p.errors)
p.communicate()
