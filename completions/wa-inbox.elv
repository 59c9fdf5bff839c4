
set edit:completion:arg-completer[wa-inbox] = { |@words|
    var index = (count $words)
    set index = (- $index 1)

    put (env _CLAP_IFS="\n" _CLAP_COMPLETE_INDEX=(to-string $index) WA_INBOX_COMPLETE="elvish" wa-inbox -- $@words) | to-lines
}

