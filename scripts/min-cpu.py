#!/usr/bin/env python3
"""Times a command as a whole process: the minimum CPU (user + system) and wall time of N runs.

  scripts/min-cpu.py N LABEL COMMAND...

On a shared, noisy machine the minimum of several runs is the steadiest figure; compare only
commands timed in the same invocation, interleaved (e.g. check with and without --ignore).
"""
import resource, subprocess, sys, time

n, label, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
best, walls, peak = 1e9, [], 0
for _ in range(n):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.time()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    walls.append(time.time() - t)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    best = min(best, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime))
    peak = max(peak, r1.ru_maxrss)
print(f"{label}: min cpu {best:.3f} s, min wall {min(walls):.3f} s, peak RSS {peak / 1024:.0f} MB")
