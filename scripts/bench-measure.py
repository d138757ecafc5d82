"""Times commands for scripts/bench: wall time from spawn to exit, and peak
resident memory, of each run of each command.

usage: bench-measure.py RUNS CMD_A... -- CMD_B...
prints: median_a_s peak_a_kib median_b_s peak_b_kib

The runs of A and B alternate, so a change in the machine's load affects
both alike. The clock starts as the child is spawned and stops when wait4
reaps it, so little of the harness's own start-up is counted: about 1 ms
for /bin/true, where timing through `date` and /usr/bin/time in the shell
added 4-7 ms to every run, a sixth of a 30 ms benchmark.

Peak memory comes from one more run of each command under /usr/bin/time.
A spawned child's own ru_maxrss cannot be used: posix_spawn shares this
interpreter's memory until the exec, and Linux counts it (about 9 MiB).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time


def seconds(argv):
    """Runs argv with its output discarded; returns its wall time."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    actions = [
        (os.POSIX_SPAWN_DUP2, devnull, 1),
        (os.POSIX_SPAWN_DUP2, devnull, 2),
    ]
    start = time.perf_counter_ns()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    os.waitpid(pid, 0)
    end = time.perf_counter_ns()
    os.close(devnull)
    return (end - start) / 1e9


def peak_kib(argv):
    """The peak resident memory of one run of argv, in KiB."""
    with tempfile.NamedTemporaryFile("r") as out:
        subprocess.run(
            ["/usr/bin/time", "-o", out.name, "-f", "%M", *argv],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return int(out.read().split()[-1])


def main():
    runs = int(sys.argv[1])
    rest = sys.argv[2:]
    split = rest.index("--")
    commands = [rest[:split], rest[split + 1:]]
    times = [[], []]
    for _ in range(runs):
        for i, argv in enumerate(commands):
            times[i].append(seconds(argv))
    fields = []
    for i, argv in enumerate(commands):
        fields += [f"{statistics.median(times[i]):.4f}", str(peak_kib(argv))]
    print(" ".join(fields))


if __name__ == "__main__":
    main()
