# A lost update on an instance attribute and on a class attribute.
import threading


class Account:
    opened = 0

    def __init__(self):
        self.balance = 0

    def deposit(self, n):
        self.balance += n


acct = Account()


def work():
    for _ in range(5000):
        acct.deposit(1)
        Account.opened = Account.opened + 1


ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(acct.balance <= 10000, Account.opened <= 10000)
