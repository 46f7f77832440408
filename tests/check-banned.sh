#!/bin/sh
# The library never calls functions that are unsafe on untrusted input or
# depend on the locale or time zone (curl's checksrc rule).
set -eu
cd "$IXJOB_SRCDIR"
banned='\b(sprintf|vsprintf|strcpy|strcat|strncat|strtok|atoi|atol|atoll|strtol|strtoll|strtoul|strtoull|strtod|sscanf|gets|mktime|localtime|gmtime|setlocale|assert)[[:space:]]*\('
if grep -nE "$banned" lib/*.c lib/*.h; then
    echo "banned call in lib/ (see above)"
    exit 1
fi
echo "no banned calls in lib/"
