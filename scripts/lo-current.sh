#!/usr/bin/env bash
# Sets up the current LibreOffice (25.2 from Debian's bookworm-backports) beside the system's
# 7.4, in a private prefix, from Debian's packages only. Changes nothing in the system: apt runs
# with its own sources list, package lists and cache under the prefix's cache folder, and the
# packages are unpacked with `dpkg -x`, never installed. Needs no root.
#
# Prints the prefix's program folder (what AA_OFFICE_PROGRAM takes) on stdout; progress and
# errors go to stderr. A second run finds the prefix complete and only prints it (no network).
#
# Environment:
#   AA_LO_CACHE            where the prefix and apt's private state live (default:
#                          ${XDG_CACHE_HOME:-$HOME/.cache}/assessment-analysis; as root
#                          /var/cache/assessment-analysis, which the unprivileged user the
#                          unopkg test runs as can read, unlike /root)
#   AA_LO_CURRENT_VERSION  the Debian version to set up (default: the one the tests were last
#                          run with, below). When the mirror no longer has it (bookworm-backports
#                          keeps only its newest version), the newest is taken, with a warning.
#   AA_DEBIAN_MIRROR       default http://deb.debian.org/debian
set -euo pipefail

# The version the integration tests were last run with (see README, "Tested with").
pinned=${AA_LO_CURRENT_VERSION:-4:25.2.3-2+deb13u5~bpo12+1}
# Bump when the steps below change, so that existing prefixes are set up again.
recipe=1
mirror=${AA_DEBIAN_MIRROR:-http://deb.debian.org/debian}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
if [ "$(id -u)" -eq 0 ]; then
    cache=${AA_LO_CACHE:-/var/cache/assessment-analysis}
else
    cache=${AA_LO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/assessment-analysis}
fi
prefix=$cache/lo-current
program=$prefix/usr/lib/libreoffice/program
stamp=$prefix/.aa-setup

# LibreOffice's own packages, all at the same version; what libreoffice-writer needs to run
# headless and as a UNO server (no Java, no Python, no GUI toolkit plug-ins).
lo_packages=(libreoffice-writer libreoffice-core libreoffice-common libreoffice-base-core
    libreoffice-uiconfig-common libreoffice-uiconfig-writer libreoffice-style-colibre
    uno-libs-private ure libuno-cppu3 libuno-cppuhelpergcc3-3 libuno-purpenvhelpergcc3-3
    libuno-sal3 libuno-salhelpergcc3-3)
# Libraries 25.2 needs that 7.4 did not (so a machine with 7.4 may lack them), from bookworm.
# Only those the system does not have are linked into program/ (see "missing libraries").
extra_packages=(libzxcvbn0 libargon2-1 libboost-iostreams1.74.0)

say() { echo "lo-current.sh: $*" >&2; }
die() {
    echo "lo-current.sh: error: $*" >&2
    exit 1
}

if [ -f "$stamp" ] && grep -qxF "pinned=$pinned recipe=$recipe" "$stamp" && [ -x "$program/soffice" ]; then
    echo "$program"
    exit 0
fi

for tool in apt-get apt-cache dpkg-deb ldd flock; do
    command -v "$tool" >/dev/null || die "'$tool' is missing (this script needs a Debian system)"
done
[ -r "$keyring" ] || die "$keyring is missing: install the package debian-archive-keyring"

mkdir -p "$cache"
exec 9>"$cache/lo-current.lock"
flock 9
# Another run may have finished while this one waited for the lock.
if [ -f "$stamp" ] && grep -qxF "pinned=$pinned recipe=$recipe" "$stamp" && [ -x "$program/soffice" ]; then
    echo "$program"
    exit 0
fi

apt_dir=$cache/apt
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/debs"
cat >"$apt_dir/sources.list" <<EOF
deb [signed-by=$keyring] $mirror bookworm-backports main
deb [signed-by=$keyring] $mirror bookworm main
EOF
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
    -o Dir::State::status=/dev/null)
# As root apt hands downloads to the user _apt, who cannot write into our folders.
[ "$(id -u)" -ne 0 ] || apt_opts+=(-o APT::Sandbox::User=root)

say "reading the package lists of $mirror bookworm-backports and bookworm (private apt state in $apt_dir)"
if ! apt-get "${apt_opts[@]}" -qq update >"$apt_dir/update.log" 2>&1 ||
    grep -qE '^(E:|W: Failed to fetch|W: Some index files failed)' "$apt_dir/update.log"; then
    cat "$apt_dir/update.log" >&2
    die "cannot read the package lists from $mirror (is the mirror reachable?)"
fi

# Which version the mirror has; the pinned one when it is still there.
available=$(apt-cache "${apt_opts[@]}" madison libreoffice-writer | awk -F' [|] ' '$3 ~ /bookworm-backports/ { print $2; exit }')
[ -n "$available" ] || die "$mirror bookworm-backports has no libreoffice-writer"
version=$pinned
if ! apt-cache "${apt_opts[@]}" madison libreoffice-writer | awk -F' [|] ' '{ print $2 }' | grep -qxF "$pinned"; then
    say "warning: the mirror no longer has $pinned (the version last tested); taking $available"
    version=$available
fi
apt-cache "${apt_opts[@]}" policy libreoffice-writer >&2

work=$cache/lo-current.new
rm -rf "$work"
mkdir -p "$work"
say "downloading LibreOffice $version"
wanted=()
for p in "${lo_packages[@]}"; do wanted+=("$p=$version"); done
wanted+=(fonts-opensymbol/bookworm-backports "${extra_packages[@]}")
rm -f "$apt_dir/debs/"*.deb
(cd "$apt_dir/debs" && apt-get "${apt_opts[@]}" -qq download "${wanted[@]}") ||
    die "could not download: ${wanted[*]}"

say "unpacking into $prefix"
for deb in "$apt_dir/debs/"*.deb; do
    dpkg-deb -x "$deb" "$work" || die "cannot unpack $deb"
done
lo=$work/usr/lib/libreoffice
[ -x "$lo/program/soffice.bin" ] || die "the packages hold no usr/lib/libreoffice/program/soffice.bin"

# What the packages' install scripts would have done, and what Debian hard-codes.
# 1. Debian's fundamentalrc names the system folder; the office is wherever this file is.
grep -q '^BRAND_BASE_DIR=' "$lo/program/fundamentalrc" || die "fundamentalrc has no BRAND_BASE_DIR"
sed -i 's|^BRAND_BASE_DIR=.*|BRAND_BASE_DIR=${ORIGIN}/..|' "$lo/program/fundamentalrc"
# 2. sofficerc reads its settings from /etc/libreoffice (the system office's); use the prefix's.
if grep -q '^FHS_CONFIG_FILE=' "$lo/program/sofficerc"; then
    [ -f "$work/etc/libreoffice/sofficerc" ] || die "the packages hold no etc/libreoffice/sofficerc"
    sed -i 's|^FHS_CONFIG_FILE=.*|FHS_CONFIG_FILE=${ORIGIN}/../../../../etc/libreoffice/sofficerc|' "$lo/program/sofficerc"
fi
# 3. libreoffice-common's postinst generates main.xcd in /etc from this copy.
[ -f "$lo/share/.registry/main.xcd" ] || die "the packages hold no share/.registry/main.xcd"
mkdir -p "$work/etc/libreoffice/registry"
cp "$lo/share/.registry/main.xcd" "$work/etc/libreoffice/registry/main.xcd"
# 4. Folders the symbolic links below lead to, which the packages create at install time.
mkdir -p "$work/var/lib/libreoffice/share/prereg/bundled" "$work/var/spool/libreoffice/uno_packages/cache"
# 5. Symbolic links to absolute system paths (main.xcd, psprint.conf, prereg/bundled,
#    uno_packages/cache, ...) lead into the prefix instead, relatively (the prefix can move).
while IFS= read -r -d '' link; do
    target=$(readlink "$link")
    ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$work$target")" "$link"
done < <(find "$work" -type l -lname '/*' -print0)
# 6. The unopkg script's Python path names the system folder.
sed -i "s|/usr/lib/libreoffice/program|$program|g" "$lo/program/unopkg"

# 7. Missing libraries: program/'s binaries find their own libraries through RUNPATH $ORIGIN
#    and the rest in the system. Link what the system lacks from the unpacked extras.
missing_libraries() {
    find "$lo/program" -maxdepth 1 -type f \( -name '*.so*' -o -name '*.bin' -o -name oosplash \) -print0 |
        xargs -0 env -u LD_LIBRARY_PATH ldd 2>/dev/null | awk '/=> not found/ { print $1 }' | sort -u
}
for lib in $(missing_libraries); do
    found=$(find "$work/usr/lib" -maxdepth 2 -name "$lib" | head -1)
    [ -n "$found" ] || continue
    ln -sfn "$(realpath -m --relative-to="$lo/program" "$found")" "$lo/program/$lib"
    say "linked $lib from the unpacked packages into program/"
done
still=$(missing_libraries)
[ -z "$still" ] || die "libraries LibreOffice $version needs are missing: $(echo $still)
(install them with apt-get, or add their packages to extra_packages in $0)"

rm -rf "$prefix"
mv "$work" "$prefix"
installed=$(env -u LD_LIBRARY_PATH -u URE_BOOTSTRAP "$program/soffice" --version 2>/dev/null | head -1 || true)
case "$installed" in
LibreOffice\ *) ;;
*) die "$program/soffice --version does not answer (got: '$installed')" ;;
esac
printf 'pinned=%s recipe=%s\nversion=%s\n%s\n' "$pinned" "$recipe" "$version" "$installed" >"$stamp"
say "ready: $installed in $prefix"
echo "$program"
