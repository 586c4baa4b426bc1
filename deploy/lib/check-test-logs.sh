# shellcheck shell=bash
# After a test run: no phone number may appear anywhere in what the tests and the application logged.
# Test phones are mainland mobile numbers (1[3-9] and nine digits); a match not next to other digits or letters is a
# leak. Letters count as a boundary too: random hex ids (requestId=a7b82fa59d55f141...) hold such digit runs now
# and then, and made a green run fail.
check_test_logs() {
    local reports found=0
    reports=$(find . -path '*/target/surefire-reports/*-output.txt' 2>/dev/null)
    [[ -z $reports ]] && return 0
    # shellcheck disable=SC2086
    if grep -nP '(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])' $reports >/tmp/party-phone-leaks.txt 2>/dev/null; then
        found=$(wc -l </tmp/party-phone-leaks.txt)
        log "personal data check: $found log lines hold a phone number (first ones, masked):"
        sed -E 's/(1[3-9][0-9])[0-9]{4}([0-9]{4})/\1****\2/g' /tmp/party-phone-leaks.txt | cut -c1-300 | head -5 >&2
        return 1
    fi
    log "personal data check: no phone number in the test logs ($(echo "$reports" | wc -l) files)"
}
