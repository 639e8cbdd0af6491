#!/usr/bin/env bash
# ctest discovers the doctest cases by name and runs each with
# --test-case=NAME; CMake cuts a name at ';', so such a case would run
# nothing and pass. No test case may have ';' in its name.
set -u
bad=$(grep -hoE 'TEST_CASE\("([^"\\]|\\.)*"' "$1"/tests/*.cpp | grep ';' || true)
if [ -n "$bad" ]; then
  echo "test case names with ';' (ctest would run nothing for them):"
  echo "$bad"
  exit 1
fi
echo "no test case name holds ';'"
