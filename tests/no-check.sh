#!/bin/sh
# Stands in for the test suite when configure did not find Check.
echo "Check (libcheck) was not found by configure: install it (Debian: apt-get install check) and re-run configure." >&2
exit 1
