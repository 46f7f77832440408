# SPDX-License-Identifier: MIT
"""The coverage table of lib/ from an lcov tracefile, and its verdict.

Run by ci/coverage.sh. Prints line and branch coverage per file and in
total, writes every line that no test ran as "FILE FUNCTION LINE TEXT"
(--unrun), and exits 1 when the total is under a floor or when an unrun
line is not explained in the --unreached list, or an entry of that list
matches no unrun line (a stale explanation).

The list: lines "FILE FUNCTION TEXT", each after the comment lines
("# ...") that say why no test runs it. FILE is relative to the source
tree, FUNCTION is the function the line is in, TEXT the line as written
with its indentation removed. An entry explains every unrun line of that
text in that function, so that it survives edits elsewhere in the file.
"""

import argparse
import os
import sys


def read_tracefile(path, src):
    files = {}
    cur = None
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("SF:"):
                name = os.path.relpath(line[3:], src)
                cur = files.setdefault(
                    name, {"fn": [], "lines": {}, "branches": {}}
                )
            elif line.startswith("FN:"):
                start, name = line[3:].split(",", 1)
                cur["fn"].append((int(start), name))
            elif line.startswith("DA:"):
                n, count = line[3:].split(",")[:2]
                n = int(n)
                cur["lines"][n] = cur["lines"].get(n, 0) + int(count)
            elif line.startswith("BRDA:"):
                n, block, branch, taken = line[5:].split(",")
                key = (int(n), block, branch)
                hit = 0 if taken == "-" else int(taken)
                cur["branches"][key] = cur["branches"].get(key, 0) + hit
    return files


def function_of(fns, line):
    best = (0, "-")
    for start, name in fns:
        if best[0] < start <= line:
            best = (start, name)
    return best[1]


def read_unreached(path):
    entries = {}
    with open(path) as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = line.split(None, 2)
            if len(parts) < 3:
                sys.exit("%s:%d: want FILE FUNCTION TEXT" % (path, n))
            entries[(parts[0], parts[1], parts[2].strip())] = 0
    return entries


def pct(hit, total):
    return 100.0 * hit / total if total else 100.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", required=True)
    ap.add_argument("--line-floor", type=float, required=True)
    ap.add_argument("--branch-floor", type=float, required=True)
    ap.add_argument("--unreached", required=True)
    ap.add_argument("--unrun", required=True)
    ap.add_argument("tracefile")
    args = ap.parse_args()

    files = read_tracefile(args.tracefile, args.src)
    if not files:
        sys.exit("no coverage data in " + args.tracefile)
    entries = read_unreached(args.unreached)
    totals = [0, 0, 0, 0]
    unrun = []
    print("%-22s %17s %17s" % ("", "lines", "branches"))
    for name in sorted(files):
        data = files[name]
        lines = len(data["lines"])
        lhit = sum(1 for c in data["lines"].values() if c > 0)
        branches = len(data["branches"])
        bhit = sum(1 for c in data["branches"].values() if c > 0)
        print(
            "%-22s %6.1f%% %4d/%-5d %6.1f%% %4d/%-5d"
            % (name, pct(lhit, lines), lhit, lines, pct(bhit, branches),
               bhit, branches)
        )
        for i, v in enumerate((lhit, lines, bhit, branches)):
            totals[i] += v
        with open(os.path.join(args.src, name)) as f:
            text = f.read().split("\n")
        for n in sorted(data["lines"]):
            if data["lines"][n] == 0:
                unrun.append(
                    (name, function_of(data["fn"], n), n, text[n - 1].strip())
                )
    lines_pct = pct(totals[0], totals[1])
    branches_pct = pct(totals[2], totals[3])
    print(
        "%-22s %6.1f%% %4d/%-5d %6.1f%% %4d/%-5d"
        % ("total", lines_pct, totals[0], totals[1], branches_pct, totals[2],
           totals[3])
    )
    print("%-22s %6.1f%% %10s %6.1f%%" % ("floors", args.line_floor, "",
                                         args.branch_floor))

    failed = False
    if lines_pct < args.line_floor or branches_pct < args.branch_floor:
        print("FAIL: coverage under the floor")
        failed = True
    with open(args.unrun, "w") as out:
        for name, fn, n, t in unrun:
            out.write("%s %s %d %s\n" % (name, fn, n, t))
            key = (name, fn, t)
            if key in entries:
                entries[key] += 1
            else:
                print("FAIL: unexplained unrun line %s:%d (%s): %s"
                      % (name, n, fn, t))
                failed = True
    for (name, fn, t), used in sorted(entries.items()):
        if not used:
            print("FAIL: stale entry in %s (no such unrun line): %s %s %s"
                  % (os.path.basename(args.unreached), name, fn, t))
            failed = True
    if not failed:
        print("%d unrun lines of lib/, each explained in %s"
              % (len(unrun), os.path.basename(args.unreached)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
