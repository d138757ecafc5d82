# A dataclass-heavy simulation dispatched by match: class patterns with
# keyword and positional captures, guards, literal and or-patterns.
from dataclasses import dataclass


@dataclass
class Move:
    dx: int
    dy: int


@dataclass
class Turn:
    deg: int


@dataclass
class Spawn:
    kind: str
    hp: int


@dataclass
class Damage:
    target: int
    amount: int


@dataclass
class Heal:
    target: int
    amount: int


@dataclass
class Unit:
    kind: str
    hp: int
    alive: bool = True


KINDS = ["orc", "elf", "dwarf", "troll"]


def generate(n: int) -> list:
    events = []
    x = 2024
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        r = x >> 8
        op = r % 16
        if op < 6:
            events.append(Move(r % 7 - 3, (r >> 3) % 7 - 3))
        elif op < 8:
            events.append(Turn((r >> 4) % 4 * 90))
        elif op < 10:
            events.append(Spawn(KINDS[(r >> 4) % 4], 20 + (r >> 6) % 30))
        elif op < 14:
            events.append(Damage((r >> 4) % 2048, (r >> 10) % 25))
        else:
            events.append(Heal((r >> 4) % 2048, (r >> 10) % 8))
    return events


def run(events: list) -> None:
    x = 0
    y = 0
    heading = 0
    units = []
    counts = {"move": 0, "turn": 0, "spawn": 0, "hit": 0, "crit": 0, "miss": 0,
              "heal": 0, "kill": 0, "idle": 0}
    for event in events:
        match event:
            case Move(dx=0, dy=0):
                counts["idle"] += 1
            case Move(dx=dx, dy=dy):
                counts["move"] += 1
                if heading == 0:
                    x += dx
                    y += dy
                elif heading == 90:
                    x -= dy
                    y += dx
                elif heading == 180:
                    x -= dx
                    y -= dy
                else:
                    x += dy
                    y -= dx
            case Turn(deg=0 | 180 as deg):
                counts["turn"] += 1
                heading = (heading + deg) % 360
            case Turn(deg):
                counts["turn"] += 1
                heading = (heading + deg + 180) % 360
            case Spawn("troll", hp):
                counts["spawn"] += 1
                units.append(Unit("troll", hp * 2))
            case Spawn(kind=kind, hp=hp):
                counts["spawn"] += 1
                units.append(Unit(kind, hp))
            case Damage(target=t) if t >= len(units) or not units[t].alive:
                counts["miss"] += 1
            case Damage(target=t, amount=a) if a > 20:
                counts["crit"] += 1
                unit = units[t]
                unit.hp -= a * 2
                if unit.hp <= 0:
                    unit.alive = False
                    counts["kill"] += 1
            case Damage(target=t, amount=a):
                counts["hit"] += 1
                unit = units[t]
                unit.hp -= a
                if unit.hp <= 0:
                    unit.alive = False
                    counts["kill"] += 1
            case Heal(target=t, amount=a) if t < len(units) and units[t].alive:
                counts["heal"] += 1
                units[t].hp += a
            case Heal():
                counts["miss"] += 1
            case _:
                raise ValueError(event)
    print(f"position ({x}, {y}) heading {heading}")
    for name, c in counts.items():
        print(f"{name:>6}: {c}")
    alive = [u for u in units if u.alive]
    print(len(units), len(alive), sum(u.hp for u in alive))
    print(units[0])
    print(alive[-1] if alive else None)
    print(Unit("elf", 30) == Unit("elf", 30), Unit("elf", 30) == Unit("elf", 31, False))


events = generate(600000)
print(events[:4])
run(events)
