#compdef wa-inbox

autoload -U is-at-least

_wa-inbox() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'*-p+[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'*--profile=[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'-c+[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'--config=[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'-o+[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'--output=[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'*--fields=[Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)]:FIELDS:_default' \
'--color=[When to use colour (NO_COLOR turns \`auto\` off)]:WHEN:(auto always never)' \
'--timeout=[Give up on a request after this long (seconds, or e.g. 30s, 2m) \[default\: 30\]]:SECONDS:_default' \
'--retries=[Retries of a failed request (429, 502, 503, 504, refused or reset connections) \[default\: 3\]]:N:_default' \
'--concurrency=[Requests in flight at once (read-ahead pages, per-chat calls) \[default\: 4\]]:N:_default' \
'--all-profiles[Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)]' \
'--no-header[Leave out the header row (table, CSV, TSV)]' \
'--csv-raw[Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)]' \
'(-q --quiet)-v[Log each request (method, redacted URL, status, time) on stderr]' \
'(-q --quiet)--verbose[Log each request (method, redacted URL, status, time) on stderr]' \
'-q[No progress indicator, warnings or notes on stderr (errors still print)]' \
'--quiet[No progress indicator, warnings or notes on stderr (errors still print)]' \
'(--relative)--utc[Show table times in UTC]' \
'--relative[Show table times as relative ("5 min ago")]' \
'--demo[Run against the built-in gateway emulator, no account needed (\`-p\` picks a gateway\: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_wa-inbox_commands" \
"*::: :->wa-inbox" \
&& ret=0
    case $state in
    (wa-inbox)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:wa-inbox-command-$line[1]:"
        case $line[1] in
            (chats)
_arguments "${_arguments_options[@]}" : \
'*-p+[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'*--profile=[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'-c+[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'--config=[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'-o+[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'--output=[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'*--fields=[Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)]:FIELDS:_default' \
'--color=[When to use colour (NO_COLOR turns \`auto\` off)]:WHEN:(auto always never)' \
'--timeout=[Give up on a request after this long (seconds, or e.g. 30s, 2m) \[default\: 30\]]:SECONDS:_default' \
'--retries=[Retries of a failed request (429, 502, 503, 504, refused or reset connections) \[default\: 3\]]:N:_default' \
'--concurrency=[Requests in flight at once (read-ahead pages, per-chat calls) \[default\: 4\]]:N:_default' \
'--all-profiles[Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)]' \
'--no-header[Leave out the header row (table, CSV, TSV)]' \
'--csv-raw[Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)]' \
'(-q --quiet)-v[Log each request (method, redacted URL, status, time) on stderr]' \
'(-q --quiet)--verbose[Log each request (method, redacted URL, status, time) on stderr]' \
'-q[No progress indicator, warnings or notes on stderr (errors still print)]' \
'--quiet[No progress indicator, warnings or notes on stderr (errors still print)]' \
'(--relative)--utc[Show table times in UTC]' \
'--relative[Show table times as relative ("5 min ago")]' \
'--demo[Run against the built-in gateway emulator, no account needed (\`-p\` picks a gateway\: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)]' \
'-h[Print help]' \
'--help[Print help]' \
":: :_wa-inbox__subcmd__chats_commands" \
"*::: :->chats" \
&& ret=0

    case $state in
    (chats)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:wa-inbox-chats-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
'(--all)--limit=[Return at most N chats \[default\: 50; with --count\: all\]]:N:_default' \
'(--cursor)--offset=[Start at this offset (gateways that page by offset)]:N:_default' \
'--cursor=[Start at this cursor (gateways that page by cursor)]:CURSOR:_default' \
'--page-size=[Chats per request \[default\: the gateway'\''s maximum\]]:N:_default' \
'--sort=[Order by]:KEY:((activity\:"Last activity time (chats without one always come last)"
name\:""
id\:""))' \
'--order=[Sort direction \[default\: desc for activity, asc for name and id\]]:ORDER:(asc desc)' \
'--archived=[Only archived (true) or only unarchived (false) chats]:BOOL:(true false)' \
'--search=[Only chats whose name contains TEXT (case-insensitive)]:TEXT:_default' \
'*--kind=[Only chats of these kinds (comma-separated)]:KIND:(direct group channel broadcast status other)' \
'*-p+[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'*--profile=[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'-c+[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'--config=[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'-o+[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'--output=[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'*--fields=[Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)]:FIELDS:_default' \
'--color=[When to use colour (NO_COLOR turns \`auto\` off)]:WHEN:(auto always never)' \
'--timeout=[Give up on a request after this long (seconds, or e.g. 30s, 2m) \[default\: 30\]]:SECONDS:_default' \
'--retries=[Retries of a failed request (429, 502, 503, 504, refused or reset connections) \[default\: 3\]]:N:_default' \
'--concurrency=[Requests in flight at once (read-ahead pages, per-chat calls) \[default\: 4\]]:N:_default' \
'--all[Return every chat, paging as needed]' \
'--has-media[Only chats with media]' \
'--exit-status[Exit 1 when no chat matched, 0 when some did (errors keep their codes)]' \
'--count[Print only the number of matching chats (for \`unread\`, then a tab and the total unread messages)]' \
'--all-profiles[Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)]' \
'--no-header[Leave out the header row (table, CSV, TSV)]' \
'--csv-raw[Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)]' \
'(-q --quiet)-v[Log each request (method, redacted URL, status, time) on stderr]' \
'(-q --quiet)--verbose[Log each request (method, redacted URL, status, time) on stderr]' \
'-q[No progress indicator, warnings or notes on stderr (errors still print)]' \
'--quiet[No progress indicator, warnings or notes on stderr (errors still print)]' \
'(--relative)--utc[Show table times in UTC]' \
'--relative[Show table times as relative ("5 min ago")]' \
'--demo[Run against the built-in gateway emulator, no account needed (\`-p\` picks a gateway\: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(overview)
_arguments "${_arguments_options[@]}" : \
'(--all)--limit=[Return at most N chats \[default\: 50; with --count\: all\]]:N:_default' \
'(--cursor)--offset=[Start at this offset (gateways that page by offset)]:N:_default' \
'--cursor=[Start at this cursor (gateways that page by cursor)]:CURSOR:_default' \
'--page-size=[Chats per request \[default\: the gateway'\''s maximum\]]:N:_default' \
'--sort=[Order by]:KEY:((activity\:"Last activity time (chats without one always come last)"
name\:""
id\:""))' \
'--order=[Sort direction \[default\: desc for activity, asc for name and id\]]:ORDER:(asc desc)' \
'--archived=[Only archived (true) or only unarchived (false) chats]:BOOL:(true false)' \
'--search=[Only chats whose name contains TEXT (case-insensitive)]:TEXT:_default' \
'*--kind=[Only chats of these kinds (comma-separated)]:KIND:(direct group channel broadcast status other)' \
'--since=[How far back message journals are read, for gateways that build previews from them (Green API) \[default\: 24h\]]:DURATION:_default' \
'*-p+[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'*--profile=[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'-c+[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'--config=[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'-o+[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'--output=[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'*--fields=[Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)]:FIELDS:_default' \
'--color=[When to use colour (NO_COLOR turns \`auto\` off)]:WHEN:(auto always never)' \
'--timeout=[Give up on a request after this long (seconds, or e.g. 30s, 2m) \[default\: 30\]]:SECONDS:_default' \
'--retries=[Retries of a failed request (429, 502, 503, 504, refused or reset connections) \[default\: 3\]]:N:_default' \
'--concurrency=[Requests in flight at once (read-ahead pages, per-chat calls) \[default\: 4\]]:N:_default' \
'--all[Return every chat, paging as needed]' \
'--has-media[Only chats with media]' \
'--exit-status[Exit 1 when no chat matched, 0 when some did (errors keep their codes)]' \
'--count[Print only the number of matching chats (for \`unread\`, then a tab and the total unread messages)]' \
'--all-profiles[Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)]' \
'--no-header[Leave out the header row (table, CSV, TSV)]' \
'--csv-raw[Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)]' \
'(-q --quiet)-v[Log each request (method, redacted URL, status, time) on stderr]' \
'(-q --quiet)--verbose[Log each request (method, redacted URL, status, time) on stderr]' \
'-q[No progress indicator, warnings or notes on stderr (errors still print)]' \
'--quiet[No progress indicator, warnings or notes on stderr (errors still print)]' \
'(--relative)--utc[Show table times in UTC]' \
'--relative[Show table times as relative ("5 min ago")]' \
'--demo[Run against the built-in gateway emulator, no account needed (\`-p\` picks a gateway\: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(unread)
_arguments "${_arguments_options[@]}" : \
'(--all)--limit=[Return at most N chats \[default\: 50; with --count\: all\]]:N:_default' \
'(--cursor)--offset=[Start at this offset (gateways that page by offset)]:N:_default' \
'--cursor=[Start at this cursor (gateways that page by cursor)]:CURSOR:_default' \
'--page-size=[Chats per request \[default\: the gateway'\''s maximum\]]:N:_default' \
'--sort=[Order by]:KEY:((activity\:"Last activity time (chats without one always come last)"
name\:""
id\:""))' \
'--order=[Sort direction \[default\: desc for activity, asc for name and id\]]:ORDER:(asc desc)' \
'--archived=[Only archived (true) or only unarchived (false) chats]:BOOL:(true false)' \
'--search=[Only chats whose name contains TEXT (case-insensitive)]:TEXT:_default' \
'*--kind=[Only chats of these kinds (comma-separated)]:KIND:(direct group channel broadcast status other)' \
'--min=[Only chats with at least N unread messages]:N:_default' \
'--older-than=[Only chats whose last activity is older than DURATION (they have waited); most-waiting first]:DURATION:_default' \
'*-p+[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'*--profile=[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'-c+[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'--config=[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'-o+[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'--output=[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'*--fields=[Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)]:FIELDS:_default' \
'--color=[When to use colour (NO_COLOR turns \`auto\` off)]:WHEN:(auto always never)' \
'--timeout=[Give up on a request after this long (seconds, or e.g. 30s, 2m) \[default\: 30\]]:SECONDS:_default' \
'--retries=[Retries of a failed request (429, 502, 503, 504, refused or reset connections) \[default\: 3\]]:N:_default' \
'--concurrency=[Requests in flight at once (read-ahead pages, per-chat calls) \[default\: 4\]]:N:_default' \
'--all[Return every chat, paging as needed]' \
'--has-media[Only chats with media]' \
'--exit-status[Exit 1 when no chat matched, 0 when some did (errors keep their codes)]' \
'--count[Print only the number of matching chats (for \`unread\`, then a tab and the total unread messages)]' \
'--all-profiles[Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)]' \
'--no-header[Leave out the header row (table, CSV, TSV)]' \
'--csv-raw[Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)]' \
'(-q --quiet)-v[Log each request (method, redacted URL, status, time) on stderr]' \
'(-q --quiet)--verbose[Log each request (method, redacted URL, status, time) on stderr]' \
'-q[No progress indicator, warnings or notes on stderr (errors still print)]' \
'--quiet[No progress indicator, warnings or notes on stderr (errors still print)]' \
'(--relative)--utc[Show table times in UTC]' \
'--relative[Show table times as relative ("5 min ago")]' \
'--demo[Run against the built-in gateway emulator, no account needed (\`-p\` picks a gateway\: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_wa-inbox__subcmd__chats__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:wa-inbox-chats-help-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(overview)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(unread)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(profiles)
_arguments "${_arguments_options[@]}" : \
'*-p+[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'*--profile=[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'-c+[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'--config=[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'-o+[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'--output=[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'*--fields=[Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)]:FIELDS:_default' \
'--color=[When to use colour (NO_COLOR turns \`auto\` off)]:WHEN:(auto always never)' \
'--timeout=[Give up on a request after this long (seconds, or e.g. 30s, 2m) \[default\: 30\]]:SECONDS:_default' \
'--retries=[Retries of a failed request (429, 502, 503, 504, refused or reset connections) \[default\: 3\]]:N:_default' \
'--concurrency=[Requests in flight at once (read-ahead pages, per-chat calls) \[default\: 4\]]:N:_default' \
'--all-profiles[Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)]' \
'--no-header[Leave out the header row (table, CSV, TSV)]' \
'--csv-raw[Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)]' \
'(-q --quiet)-v[Log each request (method, redacted URL, status, time) on stderr]' \
'(-q --quiet)--verbose[Log each request (method, redacted URL, status, time) on stderr]' \
'-q[No progress indicator, warnings or notes on stderr (errors still print)]' \
'--quiet[No progress indicator, warnings or notes on stderr (errors still print)]' \
'(--relative)--utc[Show table times in UTC]' \
'--relative[Show table times as relative ("5 min ago")]' \
'--demo[Run against the built-in gateway emulator, no account needed (\`-p\` picks a gateway\: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)]' \
'-h[Print help]' \
'--help[Print help]' \
":: :_wa-inbox__subcmd__profiles_commands" \
"*::: :->profiles" \
&& ret=0

    case $state in
    (profiles)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:wa-inbox-profiles-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
'*-p+[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'*--profile=[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'-c+[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'--config=[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'-o+[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'--output=[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'*--fields=[Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)]:FIELDS:_default' \
'--color=[When to use colour (NO_COLOR turns \`auto\` off)]:WHEN:(auto always never)' \
'--timeout=[Give up on a request after this long (seconds, or e.g. 30s, 2m) \[default\: 30\]]:SECONDS:_default' \
'--retries=[Retries of a failed request (429, 502, 503, 504, refused or reset connections) \[default\: 3\]]:N:_default' \
'--concurrency=[Requests in flight at once (read-ahead pages, per-chat calls) \[default\: 4\]]:N:_default' \
'--all-profiles[Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)]' \
'--no-header[Leave out the header row (table, CSV, TSV)]' \
'--csv-raw[Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)]' \
'(-q --quiet)-v[Log each request (method, redacted URL, status, time) on stderr]' \
'(-q --quiet)--verbose[Log each request (method, redacted URL, status, time) on stderr]' \
'-q[No progress indicator, warnings or notes on stderr (errors still print)]' \
'--quiet[No progress indicator, warnings or notes on stderr (errors still print)]' \
'(--relative)--utc[Show table times in UTC]' \
'--relative[Show table times as relative ("5 min ago")]' \
'--demo[Run against the built-in gateway emulator, no account needed (\`-p\` picks a gateway\: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)]' \
'-h[Print help]' \
'--help[Print help]' \
&& ret=0
;;
(check)
_arguments "${_arguments_options[@]}" : \
'*-p+[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'*--profile=[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'-c+[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'--config=[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'-o+[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'--output=[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'*--fields=[Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)]:FIELDS:_default' \
'--color=[When to use colour (NO_COLOR turns \`auto\` off)]:WHEN:(auto always never)' \
'--timeout=[Give up on a request after this long (seconds, or e.g. 30s, 2m) \[default\: 30\]]:SECONDS:_default' \
'--retries=[Retries of a failed request (429, 502, 503, 504, refused or reset connections) \[default\: 3\]]:N:_default' \
'--concurrency=[Requests in flight at once (read-ahead pages, per-chat calls) \[default\: 4\]]:N:_default' \
'--all-profiles[Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)]' \
'--no-header[Leave out the header row (table, CSV, TSV)]' \
'--csv-raw[Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)]' \
'(-q --quiet)-v[Log each request (method, redacted URL, status, time) on stderr]' \
'(-q --quiet)--verbose[Log each request (method, redacted URL, status, time) on stderr]' \
'-q[No progress indicator, warnings or notes on stderr (errors still print)]' \
'--quiet[No progress indicator, warnings or notes on stderr (errors still print)]' \
'(--relative)--utc[Show table times in UTC]' \
'--relative[Show table times as relative ("5 min ago")]' \
'--demo[Run against the built-in gateway emulator, no account needed (\`-p\` picks a gateway\: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)]' \
'-h[Print help]' \
'--help[Print help]' \
'::name -- Check only this profile:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_wa-inbox__subcmd__profiles__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:wa-inbox-profiles-help-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(check)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(completions)
_arguments "${_arguments_options[@]}" : \
'*-p+[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'*--profile=[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'-c+[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'--config=[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'-o+[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'--output=[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'*--fields=[Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)]:FIELDS:_default' \
'--color=[When to use colour (NO_COLOR turns \`auto\` off)]:WHEN:(auto always never)' \
'--timeout=[Give up on a request after this long (seconds, or e.g. 30s, 2m) \[default\: 30\]]:SECONDS:_default' \
'--retries=[Retries of a failed request (429, 502, 503, 504, refused or reset connections) \[default\: 3\]]:N:_default' \
'--concurrency=[Requests in flight at once (read-ahead pages, per-chat calls) \[default\: 4\]]:N:_default' \
'--all-profiles[Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)]' \
'--no-header[Leave out the header row (table, CSV, TSV)]' \
'--csv-raw[Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)]' \
'(-q --quiet)-v[Log each request (method, redacted URL, status, time) on stderr]' \
'(-q --quiet)--verbose[Log each request (method, redacted URL, status, time) on stderr]' \
'-q[No progress indicator, warnings or notes on stderr (errors still print)]' \
'--quiet[No progress indicator, warnings or notes on stderr (errors still print)]' \
'(--relative)--utc[Show table times in UTC]' \
'--relative[Show table times as relative ("5 min ago")]' \
'--demo[Run against the built-in gateway emulator, no account needed (\`-p\` picks a gateway\: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)]' \
'-h[Print help]' \
'--help[Print help]' \
':shell:(bash elvish fish powershell zsh)' \
&& ret=0
;;
(sandbox)
_arguments "${_arguments_options[@]}" : \
'--port=[Port on 127.0.0.1 (0 picks a free one)]:PORT:_default' \
'--chats=[Number of chats in the emulated inbox]:CHATS:_default' \
'--latency=[Extra delay per request (e.g. 20ms)]:DURATION:_default' \
'--fault=[Inject faults\: comma list of fail=N\:STATUS, retry-after=S, stall, truncate, html, xml, wrong-type, drop, latency=MS]:SPEC:_default' \
'*-p+[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'*--profile=[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'-c+[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'--config=[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'-o+[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'--output=[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'*--fields=[Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)]:FIELDS:_default' \
'--color=[When to use colour (NO_COLOR turns \`auto\` off)]:WHEN:(auto always never)' \
'--timeout=[Give up on a request after this long (seconds, or e.g. 30s, 2m) \[default\: 30\]]:SECONDS:_default' \
'--retries=[Retries of a failed request (429, 502, 503, 504, refused or reset connections) \[default\: 3\]]:N:_default' \
'--concurrency=[Requests in flight at once (read-ahead pages, per-chat calls) \[default\: 4\]]:N:_default' \
'--all-profiles[Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)]' \
'--no-header[Leave out the header row (table, CSV, TSV)]' \
'--csv-raw[Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)]' \
'(-q --quiet)-v[Log each request (method, redacted URL, status, time) on stderr]' \
'(-q --quiet)--verbose[Log each request (method, redacted URL, status, time) on stderr]' \
'-q[No progress indicator, warnings or notes on stderr (errors still print)]' \
'--quiet[No progress indicator, warnings or notes on stderr (errors still print)]' \
'(--relative)--utc[Show table times in UTC]' \
'--relative[Show table times as relative ("5 min ago")]' \
'--demo[Run against the built-in gateway emulator, no account needed (\`-p\` picks a gateway\: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)]' \
'-h[Print help]' \
'--help[Print help]' \
&& ret=0
;;
(messages)
_arguments "${_arguments_options[@]}" : \
'*-p+[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'*--profile=[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'-c+[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'--config=[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'-o+[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'--output=[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'*--fields=[Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)]:FIELDS:_default' \
'--color=[When to use colour (NO_COLOR turns \`auto\` off)]:WHEN:(auto always never)' \
'--timeout=[Give up on a request after this long (seconds, or e.g. 30s, 2m) \[default\: 30\]]:SECONDS:_default' \
'--retries=[Retries of a failed request (429, 502, 503, 504, refused or reset connections) \[default\: 3\]]:N:_default' \
'--concurrency=[Requests in flight at once (read-ahead pages, per-chat calls) \[default\: 4\]]:N:_default' \
'--all-profiles[Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)]' \
'--no-header[Leave out the header row (table, CSV, TSV)]' \
'--csv-raw[Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)]' \
'(-q --quiet)-v[Log each request (method, redacted URL, status, time) on stderr]' \
'(-q --quiet)--verbose[Log each request (method, redacted URL, status, time) on stderr]' \
'-q[No progress indicator, warnings or notes on stderr (errors still print)]' \
'--quiet[No progress indicator, warnings or notes on stderr (errors still print)]' \
'(--relative)--utc[Show table times in UTC]' \
'--relative[Show table times as relative ("5 min ago")]' \
'--demo[Run against the built-in gateway emulator, no account needed (\`-p\` picks a gateway\: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)]' \
'-h[Print help]' \
'--help[Print help]' \
":: :_wa-inbox__subcmd__messages_commands" \
"*::: :->messages" \
&& ret=0

    case $state in
    (messages)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:wa-inbox-messages-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
'(--all)--limit=[At most N messages, the newest ones \[default\: 20; with --count\: all\]]:N:_default' \
'--before=[Only messages older than this\: a time (2024-06-29, 2024-06-29T12\:00\:00Z; without an offset\: local time) or a message id (exclusive)]:TIME|ID:_default' \
'--since=[Only messages since this\: a duration back from now (2d, 90m) or a time (inclusive)]:DURATION|TIME:_default' \
'--order=[asc\: oldest first, newest at the bottom, like a chat; desc\: newest first, streamed]:ORDER:(asc desc)' \
'*--kind=[Only messages of these kinds (comma-separated)]:KIND:(text image video audio voice document sticker location contact poll reaction call system other)' \
'--search=[Only messages whose text contains TEXT (case-insensitive)]:TEXT:_default' \
'*-p+[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'*--profile=[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'-c+[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'--config=[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'-o+[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'--output=[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'*--fields=[Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)]:FIELDS:_default' \
'--color=[When to use colour (NO_COLOR turns \`auto\` off)]:WHEN:(auto always never)' \
'--timeout=[Give up on a request after this long (seconds, or e.g. 30s, 2m) \[default\: 30\]]:SECONDS:_default' \
'--retries=[Retries of a failed request (429, 502, 503, 504, refused or reset connections) \[default\: 3\]]:N:_default' \
'--concurrency=[Requests in flight at once (read-ahead pages, per-chat calls) \[default\: 4\]]:N:_default' \
'--all[Every message, paging as needed (with --order asc, the default, the whole history is held in memory to print it oldest first; --order desc streams it)]' \
'(--outgoing)--incoming[Only messages from others]' \
'--outgoing[Only messages from this account]' \
'--exit-status[Exit 1 when no message matched, 0 when some did (errors keep their codes)]' \
'--count[Print only the number of matching messages]' \
'--all-profiles[Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)]' \
'--no-header[Leave out the header row (table, CSV, TSV)]' \
'--csv-raw[Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)]' \
'(-q --quiet)-v[Log each request (method, redacted URL, status, time) on stderr]' \
'(-q --quiet)--verbose[Log each request (method, redacted URL, status, time) on stderr]' \
'-q[No progress indicator, warnings or notes on stderr (errors still print)]' \
'--quiet[No progress indicator, warnings or notes on stderr (errors still print)]' \
'(--relative)--utc[Show table times in UTC]' \
'--relative[Show table times as relative ("5 min ago")]' \
'--demo[Run against the built-in gateway emulator, no account needed (\`-p\` picks a gateway\: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)]' \
'-h[Print help]' \
'--help[Print help]' \
'*::chat -- The chat\: a JID (…@c.us, …@s.whatsapp.net, …@g.us, …@lid, …@newsletter), a phone number in international form (+62 812-3456-7890; several words are joined), or a name (exact, else a unique part of it, case-insensitive):_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_wa-inbox__subcmd__messages__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:wa-inbox-messages-help-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(schema)
_arguments "${_arguments_options[@]}" : \
'*-p+[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'*--profile=[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'-c+[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'--config=[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'-o+[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'--output=[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'*--fields=[Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)]:FIELDS:_default' \
'--color=[When to use colour (NO_COLOR turns \`auto\` off)]:WHEN:(auto always never)' \
'--timeout=[Give up on a request after this long (seconds, or e.g. 30s, 2m) \[default\: 30\]]:SECONDS:_default' \
'--retries=[Retries of a failed request (429, 502, 503, 504, refused or reset connections) \[default\: 3\]]:N:_default' \
'--concurrency=[Requests in flight at once (read-ahead pages, per-chat calls) \[default\: 4\]]:N:_default' \
'--all-profiles[Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)]' \
'--no-header[Leave out the header row (table, CSV, TSV)]' \
'--csv-raw[Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)]' \
'(-q --quiet)-v[Log each request (method, redacted URL, status, time) on stderr]' \
'(-q --quiet)--verbose[Log each request (method, redacted URL, status, time) on stderr]' \
'-q[No progress indicator, warnings or notes on stderr (errors still print)]' \
'--quiet[No progress indicator, warnings or notes on stderr (errors still print)]' \
'(--relative)--utc[Show table times in UTC]' \
'--relative[Show table times as relative ("5 min ago")]' \
'--demo[Run against the built-in gateway emulator, no account needed (\`-p\` picks a gateway\: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)]' \
'-h[Print help]' \
'--help[Print help]' \
'::record:(chat message)' \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
'*-p+[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'*--profile=[Profile(s) to use; repeat or comma-separate to merge several inboxes into one]:NAME:_default' \
'-c+[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'--config=[Config file \[default\: \$XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml\]]:PATH:_files' \
'-o+[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'--output=[Output format]:OUTPUT:(table json ndjson csv tsv)' \
'*--fields=[Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)]:FIELDS:_default' \
'--color=[When to use colour (NO_COLOR turns \`auto\` off)]:WHEN:(auto always never)' \
'--timeout=[Give up on a request after this long (seconds, or e.g. 30s, 2m) \[default\: 30\]]:SECONDS:_default' \
'--retries=[Retries of a failed request (429, 502, 503, 504, refused or reset connections) \[default\: 3\]]:N:_default' \
'--concurrency=[Requests in flight at once (read-ahead pages, per-chat calls) \[default\: 4\]]:N:_default' \
'--all-profiles[Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)]' \
'--no-header[Leave out the header row (table, CSV, TSV)]' \
'--csv-raw[Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)]' \
'(-q --quiet)-v[Log each request (method, redacted URL, status, time) on stderr]' \
'(-q --quiet)--verbose[Log each request (method, redacted URL, status, time) on stderr]' \
'-q[No progress indicator, warnings or notes on stderr (errors still print)]' \
'--quiet[No progress indicator, warnings or notes on stderr (errors still print)]' \
'(--relative)--utc[Show table times in UTC]' \
'--relative[Show table times as relative ("5 min ago")]' \
'--demo[Run against the built-in gateway emulator, no account needed (\`-p\` picks a gateway\: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)]' \
'-h[Print help]' \
'--help[Print help]' \
'::dir -- Directory to write wa-inbox.1 into:_files' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_wa-inbox__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:wa-inbox-help-command-$line[1]:"
        case $line[1] in
            (chats)
_arguments "${_arguments_options[@]}" : \
":: :_wa-inbox__subcmd__help__subcmd__chats_commands" \
"*::: :->chats" \
&& ret=0

    case $state in
    (chats)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:wa-inbox-help-chats-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(overview)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(unread)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(profiles)
_arguments "${_arguments_options[@]}" : \
":: :_wa-inbox__subcmd__help__subcmd__profiles_commands" \
"*::: :->profiles" \
&& ret=0

    case $state in
    (profiles)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:wa-inbox-help-profiles-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(check)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(completions)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(sandbox)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(messages)
_arguments "${_arguments_options[@]}" : \
":: :_wa-inbox__subcmd__help__subcmd__messages_commands" \
"*::: :->messages" \
&& ret=0

    case $state in
    (messages)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:wa-inbox-help-messages-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(schema)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
}

(( $+functions[_wa-inbox_commands] )) ||
_wa-inbox_commands() {
    local commands; commands=(
'chats:List chats, with previews, or only the unread ones' \
'profiles:Show and check the profiles in the config file' \
'completions:Print a shell completion script' \
'sandbox:Serve the local gateway emulator (all gateways) until interrupted' \
'messages:Read a chat'\''s messages' \
'schema:Print the JSON Schema of a record\: chat (the default) or message' \
'man:Write the man page to stdout, or into a directory' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'wa-inbox commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__chats_commands] )) ||
_wa-inbox__subcmd__chats_commands() {
    local commands; commands=(
'list:Chats, newest activity first (in the gateway'\''s own order)' \
'overview:Chats with their unread count and last-message preview' \
'unread:Chats with unread messages, most recent first' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'wa-inbox chats commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__chats__subcmd__help_commands] )) ||
_wa-inbox__subcmd__chats__subcmd__help_commands() {
    local commands; commands=(
'list:Chats, newest activity first (in the gateway'\''s own order)' \
'overview:Chats with their unread count and last-message preview' \
'unread:Chats with unread messages, most recent first' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'wa-inbox chats help commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__chats__subcmd__help__subcmd__help_commands] )) ||
_wa-inbox__subcmd__chats__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox chats help help commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__chats__subcmd__help__subcmd__list_commands] )) ||
_wa-inbox__subcmd__chats__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox chats help list commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__chats__subcmd__help__subcmd__overview_commands] )) ||
_wa-inbox__subcmd__chats__subcmd__help__subcmd__overview_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox chats help overview commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__chats__subcmd__help__subcmd__unread_commands] )) ||
_wa-inbox__subcmd__chats__subcmd__help__subcmd__unread_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox chats help unread commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__chats__subcmd__list_commands] )) ||
_wa-inbox__subcmd__chats__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox chats list commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__chats__subcmd__overview_commands] )) ||
_wa-inbox__subcmd__chats__subcmd__overview_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox chats overview commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__chats__subcmd__unread_commands] )) ||
_wa-inbox__subcmd__chats__subcmd__unread_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox chats unread commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__completions_commands] )) ||
_wa-inbox__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox completions commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__help_commands] )) ||
_wa-inbox__subcmd__help_commands() {
    local commands; commands=(
'chats:List chats, with previews, or only the unread ones' \
'profiles:Show and check the profiles in the config file' \
'completions:Print a shell completion script' \
'sandbox:Serve the local gateway emulator (all gateways) until interrupted' \
'messages:Read a chat'\''s messages' \
'schema:Print the JSON Schema of a record\: chat (the default) or message' \
'man:Write the man page to stdout, or into a directory' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'wa-inbox help commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__help__subcmd__chats_commands] )) ||
_wa-inbox__subcmd__help__subcmd__chats_commands() {
    local commands; commands=(
'list:Chats, newest activity first (in the gateway'\''s own order)' \
'overview:Chats with their unread count and last-message preview' \
'unread:Chats with unread messages, most recent first' \
    )
    _describe -t commands 'wa-inbox help chats commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__help__subcmd__chats__subcmd__list_commands] )) ||
_wa-inbox__subcmd__help__subcmd__chats__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox help chats list commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__help__subcmd__chats__subcmd__overview_commands] )) ||
_wa-inbox__subcmd__help__subcmd__chats__subcmd__overview_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox help chats overview commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__help__subcmd__chats__subcmd__unread_commands] )) ||
_wa-inbox__subcmd__help__subcmd__chats__subcmd__unread_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox help chats unread commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__help__subcmd__completions_commands] )) ||
_wa-inbox__subcmd__help__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox help completions commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__help__subcmd__help_commands] )) ||
_wa-inbox__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox help help commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__help__subcmd__man_commands] )) ||
_wa-inbox__subcmd__help__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox help man commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__help__subcmd__messages_commands] )) ||
_wa-inbox__subcmd__help__subcmd__messages_commands() {
    local commands; commands=(
'list:A chat'\''s messages as a conversation (the last 20, oldest first, by default)' \
    )
    _describe -t commands 'wa-inbox help messages commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__help__subcmd__messages__subcmd__list_commands] )) ||
_wa-inbox__subcmd__help__subcmd__messages__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox help messages list commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__help__subcmd__profiles_commands] )) ||
_wa-inbox__subcmd__help__subcmd__profiles_commands() {
    local commands; commands=(
'list:List the profiles\: name, gateway, base URL, where each secret comes from' \
'check:Resolve each profile'\''s secrets and make one cheap call; non-zero exit if any fails' \
    )
    _describe -t commands 'wa-inbox help profiles commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__help__subcmd__profiles__subcmd__check_commands] )) ||
_wa-inbox__subcmd__help__subcmd__profiles__subcmd__check_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox help profiles check commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__help__subcmd__profiles__subcmd__list_commands] )) ||
_wa-inbox__subcmd__help__subcmd__profiles__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox help profiles list commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__help__subcmd__sandbox_commands] )) ||
_wa-inbox__subcmd__help__subcmd__sandbox_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox help sandbox commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__help__subcmd__schema_commands] )) ||
_wa-inbox__subcmd__help__subcmd__schema_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox help schema commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__man_commands] )) ||
_wa-inbox__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox man commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__messages_commands] )) ||
_wa-inbox__subcmd__messages_commands() {
    local commands; commands=(
'list:A chat'\''s messages as a conversation (the last 20, oldest first, by default)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'wa-inbox messages commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__messages__subcmd__help_commands] )) ||
_wa-inbox__subcmd__messages__subcmd__help_commands() {
    local commands; commands=(
'list:A chat'\''s messages as a conversation (the last 20, oldest first, by default)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'wa-inbox messages help commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__messages__subcmd__help__subcmd__help_commands] )) ||
_wa-inbox__subcmd__messages__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox messages help help commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__messages__subcmd__help__subcmd__list_commands] )) ||
_wa-inbox__subcmd__messages__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox messages help list commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__messages__subcmd__list_commands] )) ||
_wa-inbox__subcmd__messages__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox messages list commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__profiles_commands] )) ||
_wa-inbox__subcmd__profiles_commands() {
    local commands; commands=(
'list:List the profiles\: name, gateway, base URL, where each secret comes from' \
'check:Resolve each profile'\''s secrets and make one cheap call; non-zero exit if any fails' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'wa-inbox profiles commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__profiles__subcmd__check_commands] )) ||
_wa-inbox__subcmd__profiles__subcmd__check_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox profiles check commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__profiles__subcmd__help_commands] )) ||
_wa-inbox__subcmd__profiles__subcmd__help_commands() {
    local commands; commands=(
'list:List the profiles\: name, gateway, base URL, where each secret comes from' \
'check:Resolve each profile'\''s secrets and make one cheap call; non-zero exit if any fails' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'wa-inbox profiles help commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__profiles__subcmd__help__subcmd__check_commands] )) ||
_wa-inbox__subcmd__profiles__subcmd__help__subcmd__check_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox profiles help check commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__profiles__subcmd__help__subcmd__help_commands] )) ||
_wa-inbox__subcmd__profiles__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox profiles help help commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__profiles__subcmd__help__subcmd__list_commands] )) ||
_wa-inbox__subcmd__profiles__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox profiles help list commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__profiles__subcmd__list_commands] )) ||
_wa-inbox__subcmd__profiles__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox profiles list commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__sandbox_commands] )) ||
_wa-inbox__subcmd__sandbox_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox sandbox commands' commands "$@"
}
(( $+functions[_wa-inbox__subcmd__schema_commands] )) ||
_wa-inbox__subcmd__schema_commands() {
    local commands; commands=()
    _describe -t commands 'wa-inbox schema commands' commands "$@"
}

if [ "$funcstack[1]" = "_wa-inbox" ]; then
    _wa-inbox "$@"
else
    compdef _wa-inbox wa-inbox
fi
