# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_wa_inbox_global_optspecs
    string join \n p/profile= all-profiles c/config= o/output= fields= no-header csv-raw color= timeout= retries= concurrency= v/verbose q/quiet utc relative demo h/help V/version
end

function __fish_wa_inbox_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_wa_inbox_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_wa_inbox_using_subcommand
    set -l cmd (__fish_wa_inbox_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -s p -l profile -d 'Profile(s) to use; repeat or comma-separate to merge several inboxes into one' -r
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -s c -l config -d 'Config file [default: $XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml]' -r -F
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''
tsv\t''"
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -l fields -d 'Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)' -r
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -l color -d 'When to use colour (NO_COLOR turns `auto` off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -l timeout -d 'Give up on a request after this long (seconds, or e.g. 30s, 2m) [default: 30]' -r
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -l retries -d 'Retries of a failed request (429, 502, 503, 504, refused or reset connections) [default: 3]' -r
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -l concurrency -d 'Requests in flight at once (read-ahead pages, per-chat calls) [default: 4]' -r
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -l all-profiles -d 'Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -l no-header -d 'Leave out the header row (table, CSV, TSV)'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -l csv-raw -d 'Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -s v -l verbose -d 'Log each request (method, redacted URL, status, time) on stderr'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -s q -l quiet -d 'No progress indicator, warnings or notes on stderr (errors still print)'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -l utc -d 'Show table times in UTC'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -l relative -d 'Show table times as relative ("5 min ago")'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -l demo -d 'Run against the built-in gateway emulator, no account needed (`-p` picks a gateway: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -s V -l version -d 'Print version'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -f -a "chats" -d 'List chats, with previews, or only the unread ones'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -f -a "profiles" -d 'Show and check the profiles in the config file'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -f -a "sandbox" -d 'Serve the local gateway emulator (all gateways) until interrupted'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -f -a "messages" -d 'Read a chat\'s messages'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -f -a "schema" -d 'Print the JSON Schema of a record: chat (the default) or message'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -f -a "man" -d 'Write the man page to stdout, or into a directory'
complete -c wa-inbox -n "__fish_wa_inbox_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -s p -l profile -d 'Profile(s) to use; repeat or comma-separate to merge several inboxes into one' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -s c -l config -d 'Config file [default: $XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml]' -r -F
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''
tsv\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -l fields -d 'Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -l color -d 'When to use colour (NO_COLOR turns `auto` off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -l timeout -d 'Give up on a request after this long (seconds, or e.g. 30s, 2m) [default: 30]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -l retries -d 'Retries of a failed request (429, 502, 503, 504, refused or reset connections) [default: 3]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -l concurrency -d 'Requests in flight at once (read-ahead pages, per-chat calls) [default: 4]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -l all-profiles -d 'Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -l no-header -d 'Leave out the header row (table, CSV, TSV)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -l csv-raw -d 'Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -s v -l verbose -d 'Log each request (method, redacted URL, status, time) on stderr'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -s q -l quiet -d 'No progress indicator, warnings or notes on stderr (errors still print)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -l utc -d 'Show table times in UTC'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -l relative -d 'Show table times as relative ("5 min ago")'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -l demo -d 'Run against the built-in gateway emulator, no account needed (`-p` picks a gateway: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -s h -l help -d 'Print help'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -f -a "list" -d 'Chats, newest activity first (in the gateway\'s own order)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -f -a "overview" -d 'Chats with their unread count and last-message preview'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -f -a "unread" -d 'Chats with unread messages, most recent first'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and not __fish_seen_subcommand_from list overview unread help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l limit -d 'Return at most N chats [default: 50; with --count: all]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l offset -d 'Start at this offset (gateways that page by offset)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l cursor -d 'Start at this cursor (gateways that page by cursor)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l page-size -d 'Chats per request [default: the gateway\'s maximum]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l sort -d 'Order by' -r -f -a "activity\t'Last activity time (chats without one always come last)'
name\t''
id\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l order -d 'Sort direction [default: desc for activity, asc for name and id]' -r -f -a "asc\t''
desc\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l archived -d 'Only archived (true) or only unarchived (false) chats' -r -f -a "true\t''
false\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l search -d 'Only chats whose name contains TEXT (case-insensitive)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l kind -d 'Only chats of these kinds (comma-separated)' -r -f -a "direct\t''
group\t''
channel\t''
broadcast\t''
status\t''
other\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile(s) to use; repeat or comma-separate to merge several inboxes into one' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -s c -l config -d 'Config file [default: $XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml]' -r -F
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''
tsv\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l fields -d 'Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR turns `auto` off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l timeout -d 'Give up on a request after this long (seconds, or e.g. 30s, 2m) [default: 30]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l retries -d 'Retries of a failed request (429, 502, 503, 504, refused or reset connections) [default: 3]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l concurrency -d 'Requests in flight at once (read-ahead pages, per-chat calls) [default: 4]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l all -d 'Return every chat, paging as needed'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l has-media -d 'Only chats with media'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l exit-status -d 'Exit 1 when no chat matched, 0 when some did (errors keep their codes)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l count -d 'Print only the number of matching chats (for `unread`, then a tab and the total unread messages)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l all-profiles -d 'Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l no-header -d 'Leave out the header row (table, CSV, TSV)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l csv-raw -d 'Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each request (method, redacted URL, status, time) on stderr'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No progress indicator, warnings or notes on stderr (errors still print)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l utc -d 'Show table times in UTC'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l relative -d 'Show table times as relative ("5 min ago")'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -l demo -d 'Run against the built-in gateway emulator, no account needed (`-p` picks a gateway: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l limit -d 'Return at most N chats [default: 50; with --count: all]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l offset -d 'Start at this offset (gateways that page by offset)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l cursor -d 'Start at this cursor (gateways that page by cursor)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l page-size -d 'Chats per request [default: the gateway\'s maximum]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l sort -d 'Order by' -r -f -a "activity\t'Last activity time (chats without one always come last)'
name\t''
id\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l order -d 'Sort direction [default: desc for activity, asc for name and id]' -r -f -a "asc\t''
desc\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l archived -d 'Only archived (true) or only unarchived (false) chats' -r -f -a "true\t''
false\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l search -d 'Only chats whose name contains TEXT (case-insensitive)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l kind -d 'Only chats of these kinds (comma-separated)' -r -f -a "direct\t''
group\t''
channel\t''
broadcast\t''
status\t''
other\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l since -d 'How far back message journals are read, for gateways that build previews from them (Green API) [default: 24h]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -s p -l profile -d 'Profile(s) to use; repeat or comma-separate to merge several inboxes into one' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -s c -l config -d 'Config file [default: $XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml]' -r -F
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''
tsv\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l fields -d 'Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l color -d 'When to use colour (NO_COLOR turns `auto` off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l timeout -d 'Give up on a request after this long (seconds, or e.g. 30s, 2m) [default: 30]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l retries -d 'Retries of a failed request (429, 502, 503, 504, refused or reset connections) [default: 3]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l concurrency -d 'Requests in flight at once (read-ahead pages, per-chat calls) [default: 4]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l all -d 'Return every chat, paging as needed'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l has-media -d 'Only chats with media'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l exit-status -d 'Exit 1 when no chat matched, 0 when some did (errors keep their codes)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l count -d 'Print only the number of matching chats (for `unread`, then a tab and the total unread messages)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l all-profiles -d 'Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l no-header -d 'Leave out the header row (table, CSV, TSV)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l csv-raw -d 'Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -s v -l verbose -d 'Log each request (method, redacted URL, status, time) on stderr'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -s q -l quiet -d 'No progress indicator, warnings or notes on stderr (errors still print)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l utc -d 'Show table times in UTC'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l relative -d 'Show table times as relative ("5 min ago")'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -l demo -d 'Run against the built-in gateway emulator, no account needed (`-p` picks a gateway: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from overview" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l limit -d 'Return at most N chats [default: 50; with --count: all]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l offset -d 'Start at this offset (gateways that page by offset)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l cursor -d 'Start at this cursor (gateways that page by cursor)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l page-size -d 'Chats per request [default: the gateway\'s maximum]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l sort -d 'Order by' -r -f -a "activity\t'Last activity time (chats without one always come last)'
name\t''
id\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l order -d 'Sort direction [default: desc for activity, asc for name and id]' -r -f -a "asc\t''
desc\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l archived -d 'Only archived (true) or only unarchived (false) chats' -r -f -a "true\t''
false\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l search -d 'Only chats whose name contains TEXT (case-insensitive)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l kind -d 'Only chats of these kinds (comma-separated)' -r -f -a "direct\t''
group\t''
channel\t''
broadcast\t''
status\t''
other\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l min -d 'Only chats with at least N unread messages' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l older-than -d 'Only chats whose last activity is older than DURATION (they have waited); most-waiting first' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -s p -l profile -d 'Profile(s) to use; repeat or comma-separate to merge several inboxes into one' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -s c -l config -d 'Config file [default: $XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml]' -r -F
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''
tsv\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l fields -d 'Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l color -d 'When to use colour (NO_COLOR turns `auto` off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l timeout -d 'Give up on a request after this long (seconds, or e.g. 30s, 2m) [default: 30]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l retries -d 'Retries of a failed request (429, 502, 503, 504, refused or reset connections) [default: 3]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l concurrency -d 'Requests in flight at once (read-ahead pages, per-chat calls) [default: 4]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l all -d 'Return every chat, paging as needed'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l has-media -d 'Only chats with media'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l exit-status -d 'Exit 1 when no chat matched, 0 when some did (errors keep their codes)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l count -d 'Print only the number of matching chats (for `unread`, then a tab and the total unread messages)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l all-profiles -d 'Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l no-header -d 'Leave out the header row (table, CSV, TSV)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l csv-raw -d 'Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -s v -l verbose -d 'Log each request (method, redacted URL, status, time) on stderr'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -s q -l quiet -d 'No progress indicator, warnings or notes on stderr (errors still print)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l utc -d 'Show table times in UTC'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l relative -d 'Show table times as relative ("5 min ago")'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -l demo -d 'Run against the built-in gateway emulator, no account needed (`-p` picks a gateway: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from unread" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from help" -f -a "list" -d 'Chats, newest activity first (in the gateway\'s own order)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from help" -f -a "overview" -d 'Chats with their unread count and last-message preview'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from help" -f -a "unread" -d 'Chats with unread messages, most recent first'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand chats; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -s p -l profile -d 'Profile(s) to use; repeat or comma-separate to merge several inboxes into one' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -s c -l config -d 'Config file [default: $XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml]' -r -F
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''
tsv\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -l fields -d 'Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -l color -d 'When to use colour (NO_COLOR turns `auto` off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -l timeout -d 'Give up on a request after this long (seconds, or e.g. 30s, 2m) [default: 30]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -l retries -d 'Retries of a failed request (429, 502, 503, 504, refused or reset connections) [default: 3]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -l concurrency -d 'Requests in flight at once (read-ahead pages, per-chat calls) [default: 4]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -l all-profiles -d 'Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -l no-header -d 'Leave out the header row (table, CSV, TSV)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -l csv-raw -d 'Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -s v -l verbose -d 'Log each request (method, redacted URL, status, time) on stderr'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -s q -l quiet -d 'No progress indicator, warnings or notes on stderr (errors still print)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -l utc -d 'Show table times in UTC'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -l relative -d 'Show table times as relative ("5 min ago")'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -l demo -d 'Run against the built-in gateway emulator, no account needed (`-p` picks a gateway: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -s h -l help -d 'Print help'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -f -a "list" -d 'List the profiles: name, gateway, base URL, where each secret comes from'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -f -a "check" -d 'Resolve each profile\'s secrets and make one cheap call; non-zero exit if any fails'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and not __fish_seen_subcommand_from list check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile(s) to use; repeat or comma-separate to merge several inboxes into one' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -s c -l config -d 'Config file [default: $XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml]' -r -F
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''
tsv\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -l fields -d 'Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR turns `auto` off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -l timeout -d 'Give up on a request after this long (seconds, or e.g. 30s, 2m) [default: 30]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -l retries -d 'Retries of a failed request (429, 502, 503, 504, refused or reset connections) [default: 3]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -l concurrency -d 'Requests in flight at once (read-ahead pages, per-chat calls) [default: 4]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -l all-profiles -d 'Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -l no-header -d 'Leave out the header row (table, CSV, TSV)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -l csv-raw -d 'Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each request (method, redacted URL, status, time) on stderr'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No progress indicator, warnings or notes on stderr (errors still print)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -l utc -d 'Show table times in UTC'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -l relative -d 'Show table times as relative ("5 min ago")'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -l demo -d 'Run against the built-in gateway emulator, no account needed (`-p` picks a gateway: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -s p -l profile -d 'Profile(s) to use; repeat or comma-separate to merge several inboxes into one' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -s c -l config -d 'Config file [default: $XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml]' -r -F
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''
tsv\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -l fields -d 'Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -l color -d 'When to use colour (NO_COLOR turns `auto` off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -l timeout -d 'Give up on a request after this long (seconds, or e.g. 30s, 2m) [default: 30]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -l retries -d 'Retries of a failed request (429, 502, 503, 504, refused or reset connections) [default: 3]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -l concurrency -d 'Requests in flight at once (read-ahead pages, per-chat calls) [default: 4]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -l all-profiles -d 'Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -l no-header -d 'Leave out the header row (table, CSV, TSV)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -l csv-raw -d 'Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Log each request (method, redacted URL, status, time) on stderr'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -s q -l quiet -d 'No progress indicator, warnings or notes on stderr (errors still print)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -l utc -d 'Show table times in UTC'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -l relative -d 'Show table times as relative ("5 min ago")'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -l demo -d 'Run against the built-in gateway emulator, no account needed (`-p` picks a gateway: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the profiles: name, gateway, base URL, where each secret comes from'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from help" -f -a "check" -d 'Resolve each profile\'s secrets and make one cheap call; non-zero exit if any fails'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand profiles; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -s p -l profile -d 'Profile(s) to use; repeat or comma-separate to merge several inboxes into one' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -s c -l config -d 'Config file [default: $XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml]' -r -F
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''
tsv\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -l fields -d 'Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR turns `auto` off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -l timeout -d 'Give up on a request after this long (seconds, or e.g. 30s, 2m) [default: 30]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -l retries -d 'Retries of a failed request (429, 502, 503, 504, refused or reset connections) [default: 3]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -l concurrency -d 'Requests in flight at once (read-ahead pages, per-chat calls) [default: 4]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -l all-profiles -d 'Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -l no-header -d 'Leave out the header row (table, CSV, TSV)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -l csv-raw -d 'Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -s v -l verbose -d 'Log each request (method, redacted URL, status, time) on stderr'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -s q -l quiet -d 'No progress indicator, warnings or notes on stderr (errors still print)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -l utc -d 'Show table times in UTC'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -l relative -d 'Show table times as relative ("5 min ago")'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -l demo -d 'Run against the built-in gateway emulator, no account needed (`-p` picks a gateway: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand completions" -s h -l help -d 'Print help'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -l port -d 'Port on 127.0.0.1 (0 picks a free one)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -l chats -d 'Number of chats in the emulated inbox' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -l latency -d 'Extra delay per request (e.g. 20ms)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -l fault -d 'Inject faults: comma list of fail=N:STATUS, retry-after=S, stall, truncate, html, xml, wrong-type, drop, latency=MS' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -s p -l profile -d 'Profile(s) to use; repeat or comma-separate to merge several inboxes into one' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -s c -l config -d 'Config file [default: $XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml]' -r -F
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''
tsv\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -l fields -d 'Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -l color -d 'When to use colour (NO_COLOR turns `auto` off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -l timeout -d 'Give up on a request after this long (seconds, or e.g. 30s, 2m) [default: 30]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -l retries -d 'Retries of a failed request (429, 502, 503, 504, refused or reset connections) [default: 3]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -l concurrency -d 'Requests in flight at once (read-ahead pages, per-chat calls) [default: 4]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -l all-profiles -d 'Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -l no-header -d 'Leave out the header row (table, CSV, TSV)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -l csv-raw -d 'Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -s v -l verbose -d 'Log each request (method, redacted URL, status, time) on stderr'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -s q -l quiet -d 'No progress indicator, warnings or notes on stderr (errors still print)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -l utc -d 'Show table times in UTC'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -l relative -d 'Show table times as relative ("5 min ago")'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -l demo -d 'Run against the built-in gateway emulator, no account needed (`-p` picks a gateway: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand sandbox" -s h -l help -d 'Print help'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -s p -l profile -d 'Profile(s) to use; repeat or comma-separate to merge several inboxes into one' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -s c -l config -d 'Config file [default: $XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml]' -r -F
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''
tsv\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -l fields -d 'Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -l color -d 'When to use colour (NO_COLOR turns `auto` off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -l timeout -d 'Give up on a request after this long (seconds, or e.g. 30s, 2m) [default: 30]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -l retries -d 'Retries of a failed request (429, 502, 503, 504, refused or reset connections) [default: 3]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -l concurrency -d 'Requests in flight at once (read-ahead pages, per-chat calls) [default: 4]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -l all-profiles -d 'Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -l no-header -d 'Leave out the header row (table, CSV, TSV)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -l csv-raw -d 'Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -s v -l verbose -d 'Log each request (method, redacted URL, status, time) on stderr'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'No progress indicator, warnings or notes on stderr (errors still print)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -l utc -d 'Show table times in UTC'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -l relative -d 'Show table times as relative ("5 min ago")'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -l demo -d 'Run against the built-in gateway emulator, no account needed (`-p` picks a gateway: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'A chat\'s messages as a conversation (the last 20, oldest first, by default)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l limit -d 'At most N messages, the newest ones [default: 20; with --count: all]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l before -d 'Only messages older than this: a time (2024-06-29, 2024-06-29T12:00:00Z; without an offset: local time) or a message id (exclusive)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l since -d 'Only messages since this: a duration back from now (2d, 90m) or a time (inclusive)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l order -d 'asc: oldest first, newest at the bottom, like a chat; desc: newest first, streamed' -r -f -a "asc\t''
desc\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l kind -d 'Only messages of these kinds (comma-separated)' -r -f -a "text\t''
image\t''
video\t''
audio\t''
voice\t''
document\t''
sticker\t''
location\t''
contact\t''
poll\t''
reaction\t''
call\t''
system\t''
other\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l search -d 'Only messages whose text contains TEXT (case-insensitive)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile(s) to use; repeat or comma-separate to merge several inboxes into one' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -s c -l config -d 'Config file [default: $XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml]' -r -F
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''
tsv\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l fields -d 'Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR turns `auto` off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l timeout -d 'Give up on a request after this long (seconds, or e.g. 30s, 2m) [default: 30]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l retries -d 'Retries of a failed request (429, 502, 503, 504, refused or reset connections) [default: 3]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l concurrency -d 'Requests in flight at once (read-ahead pages, per-chat calls) [default: 4]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l all -d 'Every message, paging as needed (with --order asc, the default, the whole history is held in memory to print it oldest first; --order desc streams it)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l incoming -d 'Only messages from others'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l outgoing -d 'Only messages from this account'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l exit-status -d 'Exit 1 when no message matched, 0 when some did (errors keep their codes)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l count -d 'Print only the number of matching messages'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l all-profiles -d 'Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l no-header -d 'Leave out the header row (table, CSV, TSV)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l csv-raw -d 'Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each request (method, redacted URL, status, time) on stderr'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No progress indicator, warnings or notes on stderr (errors still print)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l utc -d 'Show table times in UTC'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l relative -d 'Show table times as relative ("5 min ago")'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -l demo -d 'Run against the built-in gateway emulator, no account needed (`-p` picks a gateway: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from help" -f -a "list" -d 'A chat\'s messages as a conversation (the last 20, oldest first, by default)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand messages; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -s p -l profile -d 'Profile(s) to use; repeat or comma-separate to merge several inboxes into one' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -s c -l config -d 'Config file [default: $XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml]' -r -F
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''
tsv\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -l fields -d 'Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -l color -d 'When to use colour (NO_COLOR turns `auto` off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -l timeout -d 'Give up on a request after this long (seconds, or e.g. 30s, 2m) [default: 30]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -l retries -d 'Retries of a failed request (429, 502, 503, 504, refused or reset connections) [default: 3]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -l concurrency -d 'Requests in flight at once (read-ahead pages, per-chat calls) [default: 4]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -l all-profiles -d 'Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -l no-header -d 'Leave out the header row (table, CSV, TSV)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -l csv-raw -d 'Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -s v -l verbose -d 'Log each request (method, redacted URL, status, time) on stderr'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -s q -l quiet -d 'No progress indicator, warnings or notes on stderr (errors still print)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -l utc -d 'Show table times in UTC'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -l relative -d 'Show table times as relative ("5 min ago")'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -l demo -d 'Run against the built-in gateway emulator, no account needed (`-p` picks a gateway: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand schema" -s h -l help -d 'Print help'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -s p -l profile -d 'Profile(s) to use; repeat or comma-separate to merge several inboxes into one' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -s c -l config -d 'Config file [default: $XDG_CONFIG_HOME/wa-inbox/config.toml or ~/.config/wa-inbox/config.toml]' -r -F
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''
tsv\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -l fields -d 'Only these fields, in this order (comma-separated; e.g. name,unread_count,last_message.body)' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -l color -d 'When to use colour (NO_COLOR turns `auto` off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -l timeout -d 'Give up on a request after this long (seconds, or e.g. 30s, 2m) [default: 30]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -l retries -d 'Retries of a failed request (429, 502, 503, 504, refused or reset connections) [default: 3]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -l concurrency -d 'Requests in flight at once (read-ahead pages, per-chat calls) [default: 4]' -r
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -l all-profiles -d 'Use every profile in the config file, merged into one inbox (overrides -p and WA_INBOX_PROFILE)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -l no-header -d 'Leave out the header row (table, CSV, TSV)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -l csv-raw -d 'Write CSV/TSV cells exactly, without neutralising leading = + - @ (spreadsheet formulas)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -s v -l verbose -d 'Log each request (method, redacted URL, status, time) on stderr'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -s q -l quiet -d 'No progress indicator, warnings or notes on stderr (errors still print)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -l utc -d 'Show table times in UTC'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -l relative -d 'Show table times as relative ("5 min ago")'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -l demo -d 'Run against the built-in gateway emulator, no account needed (`-p` picks a gateway: gowa, wawp, green-api, whatsapp-gateway, waha, evolution)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand man" -s h -l help -d 'Print help'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand help; and not __fish_seen_subcommand_from chats profiles completions sandbox messages schema man help" -f -a "chats" -d 'List chats, with previews, or only the unread ones'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand help; and not __fish_seen_subcommand_from chats profiles completions sandbox messages schema man help" -f -a "profiles" -d 'Show and check the profiles in the config file'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand help; and not __fish_seen_subcommand_from chats profiles completions sandbox messages schema man help" -f -a "completions" -d 'Print a shell completion script'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand help; and not __fish_seen_subcommand_from chats profiles completions sandbox messages schema man help" -f -a "sandbox" -d 'Serve the local gateway emulator (all gateways) until interrupted'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand help; and not __fish_seen_subcommand_from chats profiles completions sandbox messages schema man help" -f -a "messages" -d 'Read a chat\'s messages'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand help; and not __fish_seen_subcommand_from chats profiles completions sandbox messages schema man help" -f -a "schema" -d 'Print the JSON Schema of a record: chat (the default) or message'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand help; and not __fish_seen_subcommand_from chats profiles completions sandbox messages schema man help" -f -a "man" -d 'Write the man page to stdout, or into a directory'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand help; and not __fish_seen_subcommand_from chats profiles completions sandbox messages schema man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand help; and __fish_seen_subcommand_from chats" -f -a "list" -d 'Chats, newest activity first (in the gateway\'s own order)'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand help; and __fish_seen_subcommand_from chats" -f -a "overview" -d 'Chats with their unread count and last-message preview'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand help; and __fish_seen_subcommand_from chats" -f -a "unread" -d 'Chats with unread messages, most recent first'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand help; and __fish_seen_subcommand_from profiles" -f -a "list" -d 'List the profiles: name, gateway, base URL, where each secret comes from'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand help; and __fish_seen_subcommand_from profiles" -f -a "check" -d 'Resolve each profile\'s secrets and make one cheap call; non-zero exit if any fails'
complete -c wa-inbox -n "__fish_wa_inbox_using_subcommand help; and __fish_seen_subcommand_from messages" -f -a "list" -d 'A chat\'s messages as a conversation (the last 20, oldest first, by default)'
