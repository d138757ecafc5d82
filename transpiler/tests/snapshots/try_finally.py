def parse_all(items):
    total = 0
    for item in items:
        try:
            if item == "stop":
                break
            total += int(item)
        except ValueError as e:
            print("skip", e)
            continue
        finally:
            print("seen", item)
    return total


print(parse_all(["1", "x", "2", "stop", "3"]))
