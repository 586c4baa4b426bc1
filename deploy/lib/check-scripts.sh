# shellcheck shell=bash
# Before a build: ShellCheck over every shell script in deploy/, bench/ and .ci/, installing Debian's shellcheck when
# missing (needs deploy/lib/common.sh). A script is a tracked file starting with a sh or bash shebang, or a sourced
# library declaring `# shellcheck shell=bash`; the script under the cursor is followed into what it sources (-x).
check_scripts() {
    command -v shellcheck >/dev/null 2>&1 || apt_install shellcheck || return 1
    local file scripts=()
    while IFS= read -r file; do
        if head -n 1 "$file" | grep -qE '^#!.*[/ ](ba)?sh$|^# shellcheck shell=(ba)?sh'; then
            scripts+=("$file")
        fi
    done < <(git -C "$REPO_ROOT" ls-files --cached --others --exclude-standard -- deploy bench .ci)
    ((${#scripts[@]} > 0)) || { die "no shell scripts found under deploy/, bench/ and .ci/"; return 1; }
    (cd "$REPO_ROOT" && shellcheck -x "${scripts[@]}") || { die "shellcheck found the problems above"; return 1; }
    log "shellcheck: ${#scripts[@]} scripts clean"
}
