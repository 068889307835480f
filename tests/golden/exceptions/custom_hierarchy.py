# A custom exception hierarchy with catching by base class.
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, needed):
        super().__init__(f'need {needed} more')
        self.needed = needed
class AccountLocked(BankError):
    pass
class Account:
    def __init__(self, balance, locked=False):
        self.balance = balance
        self.locked = locked
    def withdraw(self, amount):
        if self.locked:
            raise AccountLocked('account is locked')
        if amount > self.balance:
            raise InsufficientFunds(amount - self.balance)
        self.balance -= amount
        return self.balance
for acct, amount in [(Account(100), 30), (Account(10), 50), (Account(100, locked=True), 1)]:
    try:
        print('left', acct.withdraw(amount))
    except InsufficientFunds as e:
        print('insufficient:', e, e.needed)
    except BankError as e:
        print('bank error:', type(e).__name__, e)
