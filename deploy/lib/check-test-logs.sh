# shellcheck shell=bash
# After a test run: no phone number may appear anywhere in what the tests and the application logged.
# Test phones are mainland mobile numbers (1[3-9] and nine digits); a match not next to other digits is a leak.
check_test_logs() {
    local reports found=0
    reports=$(find . -path '*/target/surefire-reports/*-output.txt' 2>/dev/null)
    [[ -z $reports ]] && return 0
    : >/tmp/party-phone-leaks.txt
    local report
    for report in $reports; do
        # Request ids (24 random hex characters) and UUIDs now and then hold eleven digits in a row that read like a
        # mobile number (about one id in a thousand): they are taken out first, so that only real numbers count.
        sed -E 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/<uuid>/g;
                s/(^|[^0-9A-Za-z])[0-9a-f]{24}([^0-9A-Za-z]|$)/\1<id>\2/g' "$report" \
            | { grep -nP '(?<![0-9])1[3-9][0-9]{9}(?![0-9])' || true; } | sed "s|^|$report:|" >>/tmp/party-phone-leaks.txt
    done
    if [[ -s /tmp/party-phone-leaks.txt ]]; then
        found=$(wc -l </tmp/party-phone-leaks.txt)
        log "personal data check: $found log lines hold a phone number (first ones, masked):"
        sed -E 's/(1[3-9][0-9])[0-9]{4}([0-9]{4})/\1****\2/g' /tmp/party-phone-leaks.txt | cut -c1-300 | head -5 >&2
        return 1
    fi
    log "personal data check: no phone number in the test logs ($(echo "$reports" | wc -l) files)"
}
