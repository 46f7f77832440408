#!/bin/sh
# SPDX-License-Identifier: MIT
#
# clang-tidy over lib/ and cli/, with the checks of .clang-tidy (which
# says what is excluded and why): no finding may be left.
#
#   ci/clang-tidy.sh [BUILDDIR]      (default: _ci/clang-tidy in the tree)
#
# Configures BUILDDIR (once), builds the library and the command under
# bear to record the compile commands (the build's own flags and
# defines) unless BUILDDIR has its compile_commands.json, then runs clang-tidy on every source of lib/ and cli/, two at
# a time. A finding is fixed, or, when it is a false positive, silenced
# where it is with NOLINT and its reason (grep -rn NOLINT lib cli).
# ci/clang-tidy-pending.txt lists checks that wait for a fix in files
# this branch may not edit.
#
# Needs: what the build needs, plus clang-tidy (14 or later; CLANG_TIDY
# names another) and bear (Debian: clang-tidy bear).
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/_ci/clang-tidy}
pending=$src/ci/clang-tidy-pending.txt
tidy=${CLANG_TIDY:-}
if [ -z "$tidy" ]; then
    for t in clang-tidy-14 clang-tidy; do
        if command -v $t >/dev/null 2>&1; then
            tidy=$t
            break
        fi
    done
fi
for tool in "$tidy" bear; do
    if [ -z "$tool" ] || ! command -v "$tool" >/dev/null 2>&1; then
        echo "ci/clang-tidy.sh: clang-tidy or bear not found" \
            "(Debian: apt-get install clang-tidy bear)" >&2
        exit 2
    fi
done
if [ -f "$src/config.status" ]; then
    echo "ci/clang-tidy.sh: $src is configured in place; make distclean there" >&2
    exit 2
fi
[ -x "$src/configure" ] || (cd "$src" && ./autogen.sh)
"$tidy" --version | sed -n 's/^ *\(.*version.*\)/\1/p'

mkdir -p "$build"
cd "$build"
if [ ! -f Makefile ]; then
    "$src/configure" --enable-werror >configure.log ||
        { cat configure.log; exit 1; }
fi
# A build already made under bear (.ci/run's clang build) is used as it
# is; otherwise every object is recompiled, so that bear sees every
# command.
if [ ! -f compile_commands.json ]; then
    make clean >/dev/null 2>&1 || true
    bear --output compile_commands.json -- make -j2 lib/libixjob.la \
        cli/ixjob >build.log 2>&1 || { cat build.log; exit 1; }
fi

cd "$src"
ls lib/*.c cli/*.c |
    xargs -n 4 -P 2 "$tidy" -p "$build" --quiet >"$build/tidy.log" 2>&1 || true

# FILE:LINE:COL: warning: TEXT [CHECKS], once each (a header's finding
# comes once per file that includes it), paths relative to the tree.
python3 - "$src" "$build/tidy.log" "$pending" <<'PY'
import os, re, sys
src, log, pending = sys.argv[1:]
found = {}
pat = re.compile(r"^(.+?):(\d+):(\d+): (warning|error): (.*) \[([^\]]+)\]$")
for line in open(log, errors="replace"):
    m = pat.match(line.rstrip("\n"))
    if not m:
        continue
    path = os.path.relpath(os.path.realpath(
        os.path.join(src, m.group(1)) if not os.path.isabs(m.group(1))
        else m.group(1)), src)
    if path.startswith("..") or path.startswith("_"):
        continue  # outside the tree, or generated in a build directory
    checks = [c for c in m.group(6).split(",") if c != "-warnings-as-errors"]
    found[(path, int(m.group(2)), int(m.group(3)))] = (m.group(5), checks)
if any(l.startswith("Error while processing") for l in open(log)):
    print(open(log).read())
    sys.exit("clang-tidy could not process a file")
waiting = {}
for line in open(pending):
    if line.strip() and not line.startswith("#"):
        f, c = line.split()
        waiting[(f, c)] = 0
bad = 0
for (path, ln, col), (text, checks) in sorted(found.items()):
    if any((path, c) in waiting for c in checks):
        for c in checks:
            if (path, c) in waiting:
                waiting[(path, c)] += 1
        print("pending: %s:%d:%d: %s [%s]" % (path, ln, col, text, ",".join(checks)))
        continue
    print("%s:%d:%d: %s [%s]" % (path, ln, col, text, ",".join(checks)))
    bad += 1
for (f, c), n in sorted(waiting.items()):
    if n == 0:
        print("stale entry in ci/clang-tidy-pending.txt: %s %s" % (f, c))
        bad += 1
if bad:
    sys.exit("clang-tidy: %d finding(s) in lib/ and cli/" % bad)
print("clang-tidy: no findings in lib/ and cli/ (%d pending in files of"
      " another branch)" % sum(waiting.values()))
PY
