# A lost update on an instance attribute (class_attr.py: on a class
# attribute; one race per script, so which is found first does not depend
# on the schedule).
import threading


class Account:
    def __init__(self):
        self.balance = 0

    def deposit(self, n):
        self.balance += n


acct = Account()


def work():
    for _ in range(5000):
        acct.deposit(1)


ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(acct.balance <= 10000)
