#!/usr/bin/env python3
"""The real-world benchmark: known-vulnerable agent and MCP packages, by registry name and version.

Usage: realworld.py fetch|run|sites MANIFEST CACHE [AIRLOCK]

  fetch  downloads and unpacks both versions of every active case into CACHE/src/
  run    runs AIRLOCK (JSON output) on each unpacked version, prints one row per case, writes
         CACHE/results.md and ends with the figure line
  sites  helper for editing the manifest: for each active case prints the text of every sink line
         in the vulnerable version and the most similar line of the same file in the fixed version

No code from these packages is imported, built or run. PyPI: a wheel is fetched with
`pip download --only-binary=:all: --no-deps`; when a release has no wheel its sdist is fetched as
a file from the PyPI JSON API and read as an archive (never built). npm: the registry tarball via
`npm pack --ignore-scripts`. Archives are unpacked by `unpack` below, which keeps source and
configuration files only and refuses any member whose path would leave the target folder.

Matching (documented in bench/realworld/README.md):
  * a sink is `path:line` relative to the unpacked package root (for npm the `package/` prefix is
    stripped; for an sdist the `<name>-<version>/` prefix is stripped).
  * a vulnerable version is FOUND when some finding whose rule is one of the case's `rules` has its
    primary location, or any step of one of its paths (`path`, then each under `also`), in the
    sink's file at a line within NEAR (3) lines of a sink line.
  * a fixed version is CLEAN when no finding of the case's rules is at (primary location or path
    step) within NEAR lines of any `fixed_sinks` line: the patched site no longer reports.
"""
import difflib
import json
import os
import re
import subprocess
import sys
import tarfile
import tomllib
import urllib.error
import urllib.request
import zipfile

NEAR = 3
KEEP = (".py", ".pyi", ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".tsx", ".jsx",
        ".json", ".jsonc", ".yaml", ".yml", ".toml")
MAX = 4 * 1024 * 1024


def log(msg):
    print(f"realworld: {msg}", file=sys.stderr)


def unpack(archive, target, strip):
    root = os.path.realpath(target)
    os.makedirs(root, exist_ok=True)

    def members():
        if archive.endswith((".whl", ".zip")):
            with zipfile.ZipFile(archive) as zf:
                for info in zf.infolist():
                    if not info.is_dir() and info.file_size <= MAX:
                        yield info.filename, lambda info=info: zf.read(info)
        else:
            with tarfile.open(archive) as tf:
                for info in tf.getmembers():
                    if info.isfile() and info.size <= MAX:
                        yield info.name, lambda info=info: tf.extractfile(info).read()

    count = 0
    for name, read in members():
        parts = name.split("/")[strip:]
        if not parts or not name.endswith(KEEP):
            continue
        rel = "/".join(parts)
        dest = os.path.realpath(os.path.join(root, rel))
        if os.path.isabs(rel) or not dest.startswith(root + os.sep):
            log(f"skipping unsafe path {name!r}")
            continue
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "wb") as out:
            out.write(read())
        count += 1
    return count


def slug(registry, package, version):
    return f"{registry}-{package.replace('/', '_').replace('@', '')}-{version}"


def fetch_one(cache, registry, package, version):
    dest = os.path.join(cache, "src", slug(registry, package, version))
    mark = os.path.join(dest, ".airlock-realworld-complete")
    if os.path.exists(mark):
        return dest
    dist = os.path.join(cache, "dist", slug(registry, package, version))
    os.makedirs(dist, exist_ok=True)
    archive, strip = None, 0
    if registry == "pypi":
        found = [f for f in os.listdir(dist) if f.endswith((".whl", ".tar.gz", ".zip"))]
        if not found:
            r = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet",
                                "--disable-pip-version-check", "--no-deps", "--only-binary=:all:",
                                "--python-version", "3.12", "--dest", dist,
                                f"{package}=={version}"], capture_output=True, text=True)
            found = [f for f in os.listdir(dist) if f.endswith(".whl")]
            if not found:
                # No wheel: the sdist as a file (read, never built).
                # The release's own JSON page is missing for some old releases; the package's
                # page lists every release's files.
                try:
                    url = f"https://pypi.org/pypi/{package}/{version}/json"
                    with urllib.request.urlopen(url, timeout=60) as resp:
                        files = json.load(resp).get("urls", [])
                except urllib.error.HTTPError:
                    url = f"https://pypi.org/pypi/{package}/json"
                    with urllib.request.urlopen(url, timeout=60) as resp:
                        files = json.load(resp).get("releases", {}).get(version, [])
                sd = [u for u in files if u.get("packagetype") == "sdist"]
                if not sd:
                    raise RuntimeError(f"no wheel and no sdist for {package}=={version}: {r.stderr[-300:]}")
                name = os.path.basename(sd[0]["filename"])
                with urllib.request.urlopen(sd[0]["url"], timeout=120) as resp:
                    with open(os.path.join(dist, name), "wb") as out:
                        out.write(resp.read())
                found = [name]
        archive = os.path.join(dist, found[0])
        strip = 0 if archive.endswith(".whl") else 1
    else:
        found = [f for f in os.listdir(dist) if f.endswith(".tgz")]
        if not found:
            r = subprocess.run(["npm", "pack", "--silent", "--ignore-scripts",
                                f"{package}@{version}"], cwd=dist, capture_output=True, text=True)
            found = [f for f in os.listdir(dist) if f.endswith(".tgz")]
            if not found:
                raise RuntimeError(f"no tarball for {package}@{version}: {r.stderr[-300:]}")
        archive = os.path.join(dist, found[0])
        strip = 1
    n = unpack(archive, dest, strip)
    if registry == "npm":
        # npm packages ship compiled code under dist/ or build/, which the default excludes skip.
        with open(os.path.join(dest, "airlock.toml"), "w") as out:
            out.write('exclude = ["node_modules/"]\n')
    log(f"{package} {version}: {n} files")
    open(mark, "w").close()
    return dest


def load(manifest):
    with open(manifest, "rb") as f:
        return tomllib.load(f)["case"]


def versions(case):
    yield "vulnerable", case["vulnerable"]
    if case.get("fixed"):
        yield "fixed", case["fixed"]


def cmd_fetch(manifest, cache):
    bad = 0
    for case in load(manifest):
        if case.get("status", "active") == "dropped":
            continue
        for _, v in versions(case):
            try:
                fetch_one(cache, case["registry"], case["package"], v)
            except Exception as e:  # noqa: BLE001 - report and go on with the rest
                log(f"{case['id']}: {e}")
                bad += 1
    return 1 if bad else 0


def parse_sink(s):
    path, _, line = s.rpartition(":")
    return path, int(line)


def paths(finding):
    """Each path a finding reports: its own, then the other sources reaching the same place
    (`also`). Each is judged on its own: its source, its sink kind, its steps."""
    yield finding.get("path") or []
    yield from finding.get("also") or []


def locations(finding, path):
    yield finding["location"]
    for step in path:
        if step.get("location"):
            yield step["location"]


def step_names(path, kind, pattern):
    """What `pattern`'s group captures in the labels of a path's steps of `kind`."""
    out = set()
    for step in path:
        m = re.search(pattern, step.get("label", "")) if step.get("kind") == kind else None
        if m:
            out.add(m.group(1))
    return out


def sink_kinds(path):
    """The sink kinds a path names (`reaches `subprocess.run` (shell_exec)`)."""
    return step_names(path, "sink", r"\(([a-z_]+)\)$")


def source_params(path):
    """The model-chosen arguments a path starts from (`` `x` is chosen by the model``)."""
    return step_names(path, "source", r"^`([^`]+)` is chosen by the model")


def hits(findings, rules, sinks, kinds=None, params=None):
    out = []
    for f in findings:
        if f["code"] not in rules:
            continue
        if any(path_hits(f, p, sinks, kinds, params) for p in paths(f)):
            out.append(f)
    return out


def path_hits(f, path, sinks, kinds, params):
    # A case's `kinds` names the weakness the advisory is about (command injection, not the
    # option injection a fixed version may keep): a path naming another sink kind is not it.
    named = sink_kinds(path)
    if kinds and named and not (named & set(kinds)):
        return False
    # Likewise `params`, the tool arguments the advisory is about: a path that starts from
    # another argument of the same tool is another weakness at the same line.
    sources = source_params(path)
    if params and sources and not (sources & set(params)):
        return False
    return any(
        loc["path"] == file and abs(loc["line"] - line) <= NEAR
        for loc in locations(f, path)
        for file, line in sinks
    )


def analyse(cache, airlock, registry, package, version):
    src = os.path.join(cache, "src", slug(registry, package, version))
    outdir = os.path.join(cache, "out")
    os.makedirs(outdir, exist_ok=True)
    out = os.path.join(outdir, slug(registry, package, version) + ".json")
    if not os.path.exists(out) or os.path.getmtime(out) < os.path.getmtime(airlock):
        with open(out, "w") as o:
            subprocess.run(["timeout", "600", airlock, "check", ".", "--format", "json",
                            "--exit-zero"], cwd=src, stdout=o, stderr=subprocess.DEVNULL)
    with open(out) as f:
        try:
            return json.load(f).get("findings") or []
        except json.JSONDecodeError:
            return None


def family(case):
    return case["family"]


def cmd_run(manifest, cache, airlock):
    cases = [c for c in load(manifest) if c.get("status", "active") != "dropped"]
    rows = []
    for c in cases:
        rules = set(c["rules"])
        vf = analyse(cache, airlock, c["registry"], c["package"], c["vulnerable"])
        found = None if vf is None else bool(hits(vf, rules, [parse_sink(s) for s in c["sinks"]],
                                                   c.get("kinds"), c.get("params")))
        clean = "-"
        if c.get("fixed") and c.get("fixed_sinks"):
            ff = analyse(cache, airlock, c["registry"], c["package"], c["fixed"])
            clean = None if ff is None else not hits(ff, rules, [parse_sink(s) for s in c["fixed_sinks"]],
                                                     c.get("kinds"), c.get("params"))
        rows.append((c, found, clean))
    lines = ["| id | language | family | package | vulnerable | found | fixed | clean | known miss |",
             "|---|---|---|---|---|---|---|---|---|"]
    for c, found, clean in rows:
        fmt = lambda v: "error" if v is None else ("yes" if v is True else ("no" if v is False else v))
        lines.append(f"| {c['id']} | {c['language']} | {family(c)} | {c['package']} | {c['vulnerable']} "
                     f"| {fmt(found)} | {c.get('fixed') or '-'} | {fmt(clean)} | {c.get('known_miss', '')} |")

    def ratio(sel):
        vul = [r for r in sel]
        fnd = sum(1 for r in vul if r[1] is True)
        fx = [r for r in sel if r[2] != "-"]
        cl = sum(1 for r in fx if r[2] is True)
        return fnd, len(vul), cl, len(fx)

    summary = ["", "| slice | recall (found / vulnerable) | clean (clean / fixed) |", "|---|---|---|"]
    for name, sel in ([("all", rows)]
                      + [(f"language {l}", [r for r in rows if r[0]["language"] == l])
                         for l in sorted({r[0]["language"] for r in rows})]
                      + [(f"family {f}", [r for r in rows if family(r[0]) == f])
                         for f in sorted({family(r[0]) for r in rows})]):
        a, b, cc, d = ratio(sel)
        summary.append(f"| {name} | {a}/{b} | {cc}/{d} |")
    a, b, cc, d = ratio(rows)
    pct = lambda x, y: f"{100 * x / y:.0f}%" if y else "n/a"
    figure = (f"realworld: recall {a}/{b} ({pct(a, b)}) on vulnerable versions; "
              f"clean {cc}/{d} ({pct(cc, d)}) at the fixed sites of fixed versions")
    text = "\n".join(lines + summary)
    with open(os.path.join(cache, "results.md"), "w") as f:
        f.write(text + "\n\n" + figure + "\n")
    print(text)
    print(figure)
    return 0


def read_line(cache, registry, package, version, path, line):
    p = os.path.join(cache, "src", slug(registry, package, version), path)
    try:
        with open(p, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return None, []
    return (lines[line - 1] if 0 < line <= len(lines) else None), lines


def cmd_sites(manifest, cache):
    for c in load(manifest):
        if c.get("status", "active") == "dropped":
            continue
        for s in c["sinks"]:
            path, line = parse_sink(s)
            text, _ = read_line(cache, c["registry"], c["package"], c["vulnerable"], path, line)
            print(f"{c['id']} V {s}: {text!r}")
            if c.get("fixed"):
                _, fl = read_line(cache, c["registry"], c["package"], c["fixed"], path, 1)
                if text and fl:
                    best = max(range(len(fl)), key=lambda i: difflib.SequenceMatcher(None, text.strip(), fl[i].strip()).ratio())
                    print(f"{c['id']} F {path}:{best + 1}: {fl[best]!r}")
                else:
                    print(f"{c['id']} F {path}: file missing in fixed version")
    return 0


def main():
    cmd, manifest, cache = sys.argv[1], sys.argv[2], sys.argv[3]
    if cmd == "fetch":
        return cmd_fetch(manifest, cache)
    if cmd == "run":
        return cmd_run(manifest, cache, sys.argv[4])
    if cmd == "sites":
        return cmd_sites(manifest, cache)
    raise SystemExit(f"unknown command {cmd}")


if __name__ == "__main__":
    sys.exit(main())
