#!/usr/bin/env bash
# Makes localhost/paraphe-base:bookworm, the base the Containerfile names, from Debian
# packages, without an image registry: a minimal Debian 12 made by debootstrap, plus
# this machine's Node.js package (Debian 12 ships Node.js 18; Paraphe needs 20).
set -euo pipefail
storage=(--storage-driver vfs)
name=localhost/paraphe-base:bookworm
if buildah "${storage[@]}" images --quiet "$name" >/dev/null 2>&1; then
  echo "base image $name: already there"
  exit 0
fi
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
node_package=$(dpkg-query -S "$(readlink -f "$(command -v node)")" | cut -d: -f1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
echo "base image $name: debootstrap bookworm (minbase)…"
debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 ||
  { tail -n 20 "$work/debootstrap.log"; exit 1; }
echo "base image $name: Node.js from this machine's package $node_package $(dpkg-query -W -f='${Version}' "$node_package")"
# The package's files as dpkg installed them (its headers let npm compile better-sqlite3
# without a download), and npm as it stands now: it may have been upgraded since.
dpkg-query -L "$node_package" | while read -r path; do
  [ -e "$path" ] && [ ! -d "$path" ] && echo "${path#/}"
done >"$work/files"
echo usr/lib/node_modules/npm >>"$work/files"
tar -C / -cf - -T "$work/files" | tar -C "$root" -xf -
chroot "$root" apt-get install -y -qq --no-install-recommends ca-certificates >/dev/null
# The authorities this machine adds to Debian's (a proxy between it and the npm registry
# may present its own): the build stage's npm ci must trust what this machine trusts.
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null
fi
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/*
tar -C "$root" -cf "$work/root.tar" .
container=$(buildah "${storage[@]}" from scratch)
buildah "${storage[@]}" add "$container" "$work/root.tar" /
# Node.js carries its own list of authorities: it is told to trust the system's as well.
buildah "${storage[@]}" config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --env NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt --cmd /bin/bash "$container"
buildah "${storage[@]}" commit --quiet "$container" "$name" >/dev/null
buildah "${storage[@]}" rm "$container" >/dev/null
echo "base image $name: made"
