# Sourced by ./trisec and bench/run: find_jdk prints the home of the newest JDK >= $need (default 25), looking
# where the build's toolchain plugin looks (JAVA_HOME, PATH, the usual install folders).

jdk_feature() {
  local home="$1" v=""
  [ -x "$home/bin/java" ] || { echo 0; return; }
  if [ -f "$home/release" ]; then
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" | head -n1)"
  fi
  if [ -z "$v" ]; then
    v="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
  fi
  echo "${v:-0}"
}

find_jdk() {
  local need="${1:-25}" best="" best_v=0 home v
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
              "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$home" ] && candidates+=("$home")
  done
  for home in "${candidates[@]}"; do
    v="$(jdk_feature "$home")"
    if [ "$v" -ge "$need" ] && [ "$v" -gt "$best_v" ]; then
      best="$home"; best_v="$v"
    fi
  done
  [ -n "$best" ] && echo "$best"
}
