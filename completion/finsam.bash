# bash completion for finsam: commands, options, formats, languages, and .fin files
# (folders too, for check and for -I). Installed as
# $(datadir)/bash-completion/completions/finsam, where bash-completion loads it.

_finsam()
{
    local cur prev cmd i
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            check|report|rules|new|sie|draft|fmt|lsp) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done

    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W 'check report rules new sie draft fmt lsp --help --version' -- "$cur"))
        return 0
    fi

    # the value of an option, given as "--opt VALUE" or "--opt=VALUE"
    local opt=$prev value=$cur
    if [[ $cur == --*=* ]]; then
        opt=${cur%%=*}
        value=${cur#*=}
    fi
    case $opt in
        --format)
            if [[ $cmd == report ]]; then
                COMPREPLY=($(compgen -W 'text markdown html json csv' -- "$value"))
            else
                COMPREPLY=($(compgen -W 'text json junit tap' -- "$value"))
            fi
            return 0 ;;
        --color|--colour)
            COMPREPLY=($(compgen -W 'auto always never' -- "$value"))
            return 0 ;;
        --lang)
            COMPREPLY=($(compgen -W 'sv en' -- "$value"))
            return 0 ;;
        -I)
            COMPREPLY=($(compgen -d -- "$value"))
            return 0 ;;
        --rules|--review)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -f -- "$value"))
            return 0 ;;
        -o|--output)
            COMPREPLY=($(compgen -f -- "$value"))
            return 0 ;;
        --table)
            return 0 ;;
    esac

    if [[ $cur == -* ]]; then
        local opts
        case $cmd in
            check)  opts='-I --allow-outside --strict --quiet --verbose --require-all --rules= --review= --format= --color= --lang= --help' ;;
            report) opts='-I --allow-outside --strict --format= -o --table= --excel --color= --lang= --help' ;;
            rules)  opts='-I --allow-outside --color= --lang= --help' ;;
            new)    opts='-I --allow-outside -o --lang= --help' ;;
            sie)    opts='--strict --quiet --format= --color= --lang= --help' ;;
            draft)  opts='-o --lang= --help' ;;
            fmt)    opts='-w --write --check --lang= --help' ;;
            lsp)    opts='--help' ;;
        esac
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        [[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
        return 0
    fi

    # .fin files, and folders to go into (check also takes a folder itself); any file
    # for sie and draft, whose files are SIE exports and texts
    compopt -o filenames 2>/dev/null
    if [[ $cmd == sie || $cmd == draft ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
        return 0
    fi
    COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.fin' -- "$cur"))
    return 0
}
complete -F _finsam finsam
