complete --keep-order --exclusive --command wa-inbox --arguments "(WA_INBOX_COMPLETE=fish wa-inbox -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
