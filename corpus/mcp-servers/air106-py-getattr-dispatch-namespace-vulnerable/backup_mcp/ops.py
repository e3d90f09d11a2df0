import os
import subprocess
import time

DATA = "/srv/data"
ARCHIVES = "/srv/archives"


def tool_snapshot(args):
    label = args["label"]
    cmd = f"tar czf {ARCHIVES}/{label}.tgz {DATA}"
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).returncode  # expect: AIR106


def tool_prune(args):
    cutoff = time.time() - int(args.get("days", 30)) * 86400
    removed = []
    for name in os.listdir(ARCHIVES):
        full = os.path.join(ARCHIVES, name)
        if os.path.getmtime(full) < cutoff:
            os.remove(full)
            removed.append(name)
    return removed
