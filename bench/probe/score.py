"""Scores airlock against the planted sites of the probe projects (bench/probe/README.md).

Usage: python3 bench/probe/score.py AIRLOCK_BIN ROUND_DIR [-v]
Each project of ROUND_DIR is checked once (JSON output under $AIRLOCK_PROBE_CACHE, default
~/.cache/airlock-probe/<round>/<project>.json, rewritten on every run). A site is covered by a
finding of its rule whose primary location, or a `sink`/`tool` step of its path, spans the site's
line (one line of slack), or whose primary location is the site's `agent_line`. Prints each missed
finding (FN) and each finding at a clean site (FP), every finding no site accounts for (EXTRA),
and the totals; the last line is the figure.
"""
import glob
import json
import os
import subprocess
import sys
import tomllib


def near(loc, file, line):
    if not loc or loc.get("path") != file:
        return False
    a = loc.get("line", 0)
    b = loc.get("end_line", a)
    return a - 1 <= line <= max(a, b) + 1


def main():
    binary, root = sys.argv[1], sys.argv[2].rstrip("/")
    verbose = "-v" in sys.argv
    cache = os.environ.get("AIRLOCK_PROBE_CACHE", os.path.expanduser("~/.cache/airlock-probe"))
    stats, extras = {}, []
    for manifest in sorted(glob.glob(f"{root}/*/EXPECTED.toml")):
        group_dir = os.path.dirname(manifest)
        group = os.path.basename(group_dir)
        sites = tomllib.load(open(manifest, "rb")).get("site", [])
        projects = sorted(
            {s["project"] for s in sites}
            | {os.path.basename(p) for p in glob.glob(group_dir + "/*") if os.path.isdir(p)}
        )
        found = {}
        for proj in projects:
            out = os.path.join(cache, os.path.basename(root), group, proj + ".json")
            os.makedirs(os.path.dirname(out), exist_ok=True)
            subprocess.run([binary, "check", f"{group_dir}/{proj}", "--format", "json", "-o", out],
                           capture_output=True)
            try:
                found[proj] = json.load(open(out))["findings"]
            except (OSError, ValueError, KeyError) as e:
                print(f"ERROR {group}/{proj}: {e}")
                found[proj] = []
        used = set()
        for s in sites:
            hits = []
            for i, f in enumerate(found.get(s["project"], [])):
                if f["code"] != s["rule"]:
                    continue
                locs = [f.get("location")] + [
                    st.get("location") for st in f.get("path", []) if st.get("kind") in ("sink", "tool")
                ]
                ok = any(near(loc, s["file"], s["line"]) for loc in locs)
                if not ok and s.get("agent_line"):
                    ok = near(f.get("location"), s.get("agent_file", s["file"]), s["agent_line"])
                if ok:
                    hits.append(i)
            used.update((s["project"], i) for i in hits)
            if s["expect"] == "finding":
                verdict = "TP" if hits else "FN"
            else:
                verdict = "FP" if hits else "TN"
            stats.setdefault(group, {}).setdefault(verdict, 0)
            stats[group][verdict] += 1
            if verdict in ("FN", "FP") or verbose:
                print(f"{verdict} {group}/{s['project']} {s['file']}:{s['line']} {s['rule']} :: {s.get('why', '')[:110]}")
        for proj, fs in found.items():
            for i, f in enumerate(fs):
                if (proj, i) not in used:
                    loc = f["location"]
                    extras.append(f"EXTRA {group}/{proj} {f['code']} {f['confidence']} {loc['path']}:{loc['line']} {f['message'][:140]}")
    print()
    for e in extras:
        print(e)
    print()
    total = {}
    for group, d in sorted(stats.items()):
        print(group, dict(sorted(d.items())))
        for k, v in d.items():
            total[k] = total.get(k, 0) + v
    tp, fn, fp, tn = (total.get(k, 0) for k in ("TP", "FN", "FP", "TN"))
    print(f"probe {os.path.basename(root)}: recall {tp}/{tp + fn} at planted findings; "
          f"clean {tn}/{tn + fp} at planted clean sites; {len(extras)} findings at no planted site")


if __name__ == "__main__":
    main()
