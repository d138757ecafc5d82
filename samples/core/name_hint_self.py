# In a method, a bare name that the instance has as an attribute gets the
# hint `self.name`.
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount
        return balance


acct = Account("ada")
print(acct.owner)
acct.deposit(5)
