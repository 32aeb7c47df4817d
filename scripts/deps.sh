#!/usr/bin/env bash
# Installs what building, running and testing need, from Debian 12's packages.
# Does nothing when everything is there already (so CI and repeat runs need no network).
set -euo pipefail
packages=(
    cmake g++ make pkg-config
    libreoffice-writer libreoffice-dev libreoffice-dev-doc
    libboost1.81-dev libspdlog-dev libfmt-dev libgtest-dev
    xvfb xauth imagemagick poppler-utils xdotool
    clang libclang-rt-14-dev strace
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "Installing: ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
