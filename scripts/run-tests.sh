#!/usr/bin/env bash
# The test command behind `make test`: lint, types, then the suite on SQLite and PostgreSQL.
set -uo pipefail
cd "$(dirname "$0")/.."
V=.venv/bin
if [ "${CI:-}" = "true" ]; then
  # The PostgreSQL tests must not skip under CI: start the server if it is down.
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
  fi
fi
$V/ruff check . || exit 1
$V/mypy || exit 1
$V/python -m pytest -n 2 -q "$@"
rc=$?
if [ $rc -eq 5 ]; then echo "pytest collected no tests: that is a failure here" >&2; exit 1; fi
exit $rc
