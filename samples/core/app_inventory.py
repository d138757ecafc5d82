# A small inventory system: classes, dicts, sorting, formatting, errors.
class OutOfStock(Exception):
    pass

class Product:
    def __init__(self, sku, name, price, qty=0):
        self.sku = sku
        self.name = name
        self.price = price
        self.qty = qty

    @property
    def value(self):
        return self.price * self.qty

    def __repr__(self):
        return f"Product({self.sku!r}, {self.name!r}, {self.price}, {self.qty})"

class Inventory:
    def __init__(self):
        self.items = {}
        self.log = []

    def add(self, product):
        if product.sku in self.items:
            self.items[product.sku].qty += product.qty
        else:
            self.items[product.sku] = product
        self.log.append(("add", product.sku, product.qty))

    def remove(self, sku, qty):
        product = self.items.get(sku)
        if product is None:
            raise KeyError(sku)
        if product.qty < qty:
            raise OutOfStock(f"{product.name}: requested {qty}, have {product.qty}")
        product.qty -= qty
        self.log.append(("remove", sku, qty))
        return product.qty

    def total_value(self):
        return sum(p.value for p in self.items.values())

    def report(self):
        lines = [f"{'SKU':<6}{'Name':<12}{'Qty':>5}{'Value':>10}"]
        for p in sorted(self.items.values(), key=lambda p: (-p.value, p.sku)):
            lines.append(f"{p.sku:<6}{p.name:<12}{p.qty:>5}{p.value:>10.2f}")
        lines.append(f"{'total':<23}{self.total_value():>10.2f}")
        return "\n".join(lines)

inv = Inventory()
for args in [("A1", "widget", 2.5, 10), ("B2", "gadget", 12.0, 3), ("C3", "doohickey", 0.99, 100), ("A1", "widget", 2.5, 5)]:
    inv.add(Product(*args))
print(inv.report())
for sku, qty in [("A1", 4), ("B2", 5), ("Z9", 1), ("C3", 100)]:
    try:
        left = inv.remove(sku, qty)
        print(f"removed {qty} of {sku}, {left} left")
    except OutOfStock as e:
        print("out of stock:", e)
    except KeyError as e:
        print("unknown sku:", e)
print(inv.report())
print(len(inv.log), inv.log[-1], [p for p in inv.items.values() if p.qty == 0])
