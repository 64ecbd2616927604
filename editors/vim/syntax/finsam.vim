" Vim syntax file
" Language:   finsam rule files (.fin)
" Keywords, names of declarations, strings, figures as Swedish reports print them
" (7 864 000, -104 286, 75,4%), dates and comments. Tested by tests/run_editors.sh.

if exists('b:current_syntax')
  finish
endif

syntax case match
syntax iskeyword @,48-57,_,192-255

syntax keyword finsamKeyword import report allocation param check section note unit by
syntax keyword finsamKeyword from source error warning else local require as until absent ledger
syntax keyword finsamOperatorWord and or not where
syntax match finsamKeyword /\<blank\s\+zero\>/
syntax match finsamKind /^\(accounts\|budget\|indicators\|table\)\ze\s\+\h/ nextgroup=finsamDeclName skipwhite
syntax match finsamKind /^plan\ze\s\+"/
syntax match finsamDeclName /\k\+/ contained
syntax keyword finsamLocal local contained nextgroup=finsamDeclName skipwhite

" A figure: digits not inside a name, groups of three after a space, a no-break, narrow
" no-break or thin space, or '_'; a decimal comma or point; a date.
syntax match finsamNumber /\%(\k\)\@1<!\d\+\%(\%( \|\%u00a0\|\%u202f\|\%u2009\|_\)\d\{3}\d\@!\)*\%([,.]\d\+\)*\%(\s\=%\)\=/
syntax match finsamDate /\%(\k\)\@1<!\d\{4}-\d\d-\d\d\>/

syntax match finsamEscape /\\["\\]/ contained
syntax region finsamString start=/"/ skip=/\\./ end=/"\|$/ contains=finsamEscape oneline
syntax match finsamComment /#.*$/ contains=@Spell

syntax match finsamBar /|/
syntax match finsamOperator /==\|!=\|<=\|>=\|[<>+*\/=-]/

highlight default link finsamKeyword Keyword
highlight default link finsamOperatorWord Keyword
highlight default link finsamLocal Keyword
highlight default link finsamKind Type
highlight default link finsamDeclName Function
highlight default link finsamNumber Number
highlight default link finsamDate Number
highlight default link finsamString String
highlight default link finsamEscape SpecialChar
highlight default link finsamComment Comment
highlight default link finsamBar Delimiter
highlight default link finsamOperator Operator

let b:current_syntax = 'finsam'
