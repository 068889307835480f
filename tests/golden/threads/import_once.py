# Eight threads import the same slow module at once: its body runs once,
# and every importer waits until it has finished (never sees it
# half-initialised).
import sys
import threading

runs = []
seen = []


def importer():
    import import_once_mod
    seen.append((import_once_mod.DONE, len(import_once_mod.TABLE)))


threads = [threading.Thread(target=importer) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('body ran', len(runs), 'time(s)')
print('importers saw', sorted(set(seen)), len(seen))

# A module body may start a thread that imports another module and join
# it: imports of different modules do not wait for each other.
import import_once_spawn_mod
print('spawned import', import_once_spawn_mod.INNER)
