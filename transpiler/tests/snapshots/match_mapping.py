def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click {x},{y}"
        case {"type": "key", "key": str(k), **rest}:
            return f"key {k} {rest}"
        case {"type": _}:
            return "other"
