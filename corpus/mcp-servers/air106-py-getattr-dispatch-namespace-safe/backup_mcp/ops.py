import os
import re
import subprocess
import time

DATA = "/srv/data"
ARCHIVES = "/srv/archives"


def tool_snapshot(args):
    label = args["label"]
    if not re.fullmatch(r"[A-Za-z0-9_]{1,40}", label):
        raise ValueError("label must be letters, digits or underscores")
    return subprocess.run(["tar", "czf", f"{ARCHIVES}/{label}.tgz", DATA], capture_output=True).returncode


def tool_prune(args):
    cutoff = time.time() - int(args.get("days", 30)) * 86400
    removed = []
    for name in os.listdir(ARCHIVES):
        full = os.path.join(ARCHIVES, name)
        if os.path.getmtime(full) < cutoff:
            os.remove(full)
            removed.append(name)
    return removed
