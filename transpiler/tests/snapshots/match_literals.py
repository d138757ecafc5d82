def command(word):
    match word:
        case "go" | "run":
            return "move"
        case "stop":
            return "halt"
        case 0:
            return "zero"
        case other:
            return f"unknown {other}"
