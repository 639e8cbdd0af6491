# The harness the end-to-end shell tests share (cli_test.sh,
# archive_cli_test.sh): the binary, a scratch folder removed on exit, and
# checks counted and reported by name. Sourced, not run.
JIXIAO=${JIXIAO:-build/jixiao}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

check() {  # check NAME CONDITION-COMMAND...
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name"
  fi
}
contains() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }

# finish LABEL: the counts, and the exit status the test ends with.
finish() {
  echo "$1: $passed passed, $failed failed"
  test "$failed" -eq 0
}
