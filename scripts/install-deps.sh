#!/usr/bin/env bash
# Installs what jixiao needs to build and test on Debian 12 (run as root).
# Build: compiler, CMake and the libraries. Tests also read workbooks back
# after LibreOffice re-saves them, so LibreOffice Calc and the CJK fonts
# come too, and unoconv with python3-uno for `report --pdf` (poppler-utils
# for the tests that read the PDFs), and chromium with selenium for the
# browser test of `serve`; set JIXIAO_MINIMAL=1 to skip them.
set -euo pipefail
packages=(
  cmake g++ make pkg-config
  libgmp-dev libyaml-dev libyaml-cpp-dev libfmt-dev libcli11-dev doctest-dev
  libxlsxwriter-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libpoco-dev libpq-dev libsqlite3-dev libisal-dev
)
if [ "${JIXIAO_MINIMAL:-0}" != 1 ]; then
  packages+=(libreoffice-calc-nogui libreoffice-writer-nogui fonts-noto-cjk python3-openpyxl
             unoconv python3-uno fonts-arphic-ukai poppler-utils)
  # jixiao serve's browser test: Debian's chromium driven through selenium.
  packages+=(chromium chromium-driver python3-selenium)
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps.sh: run as root (apt-get needs it)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
