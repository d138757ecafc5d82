# A program that ends with an uncaught KeyError (exit code 1).
inventory = {"apples": 3, "pears": 5}

def take(item, n):
    if inventory[item] < n:
        raise ValueError(f"not enough {item}")
    inventory[item] -= n
    return inventory[item]

print(take("apples", 2), take("pears", 1))
try:
    take("apples", 10)
except ValueError as e:
    print("handled:", e)
print(inventory)
take("plums", 1)
print("not reached")
