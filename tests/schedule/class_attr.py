# A lost update on a class attribute.
import threading


class Account:
    opened = 0


def work():
    for _ in range(5000):
        Account.opened = Account.opened + 1


ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(Account.opened <= 10000)
