# Sourced by scripts/start and scripts/test: brings a fresh Debian machine to what Touchpoint needs.
# Idempotent: every step checks first and does nothing when it is already done.

tp_log() { printf '\033[1m[touchpoint]\033[0m %s\n' "$*" >&2; }

tp_require_node() {
  if ! command -v node >/dev/null 2>&1; then
    tp_log "Node.js 20.19 or newer is required (https://nodejs.org or your distribution's nodejs package)."
    exit 1
  fi
  local version major minor
  version=$(node -p 'process.versions.node')
  major=${version%%.*}; minor=${version#*.}; minor=${minor%%.*}
  if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
    tp_log "Node.js $version is too old: Touchpoint needs 20.19 or newer."
    exit 1
  fi
}

# Installs the locked dependency tree when node_modules is missing or older than the lock file.
# `npm install` rather than `npm ci`: the registry this project installs from lacks some of
# msgpackr-extract's optional per-platform binaries (darwin, win32), which npm then leaves out of the
# lock file and `npm ci` refuses as "out of sync". `npm install` installs the same locked versions and
# leaves package-lock.json untouched.
tp_npm_deps() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    tp_log "Installing npm dependencies..."
    npm install --no-audit --no-fund >&2
  fi
}

# tp_apt <command> <package>...: installs Debian packages when the command is missing.
tp_apt() {
  local command=$1; shift
  command -v "$command" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -ne 0 ]; then
    tp_log "$command is missing. Install it with: sudo apt-get install -y $*"
    exit 1
  fi
  tp_log "Installing $* with apt-get..."
  if [ -z "${TP_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    TP_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}
