# os.uname() and os.confstr(): types and relations (values are the machine's).
import os

u = os.uname()
print(type(u).__name__, len(u))
print(all(isinstance(x, str) for x in u), u.sysname == u[0], u.machine == u[4], u.nodename != '' or True)
print(repr(u).startswith("posix.uname_result(sysname='"), u.sysname)
sysname, nodename, release, version, machine = u
print(release == u.release, version == u.version)
libc = os.confstr('CS_GNU_LIBC_VERSION')
print(type(libc).__name__, libc.split()[0], isinstance(os.confstr('CS_PATH'), str), 'CS_PATH' in os.confstr_names)
for bad in ['NO_SUCH_NAME', 1.5]:
    try:
        os.confstr(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
