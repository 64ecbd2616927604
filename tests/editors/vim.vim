" vim.vim: highlights each file of g:files with editors/vim (found through the
" runtimepath, so that ftdetect chooses the file type) and writes g:out: for each file
" a line "== FILE", then one letter per character of each line (see classes.py). A
" file whose type is not finsam gets the line "filetype: ..." instead.
" Run: vim -es -N -u NONE -i NONE --cmd 'set rtp^=editors/vim' \
"          --cmd 'let g:files = [...] | let g:out = "..."' -S tests/editors/vim.vim
set encoding=utf-8
filetype on
syntax on
let s:out = []
" The standard group a syntax group is linked to (Vim's own colours link String and
" Number on to Constant, so synIDtrans is not used).
function! s:Standard(id) abort
  let l:name = synIDattr(a:id, 'name')
  let l:seen = 0
  while l:name !=# '' && l:name !~# '^\(Comment\|String\|Number\|Keyword\|Statement\|Type\)$' && l:seen < 10
    let l:info = hlget(l:name)
    let l:name = empty(l:info) ? '' : get(l:info[0], 'linksto', '')
    let l:seen += 1
  endwhile
  return l:name
endfunction
for s:file in g:files
  execute 'silent edit ' . fnameescape(s:file)
  call add(s:out, '== ' . s:file)
  if &filetype !=# 'finsam'
    call add(s:out, 'filetype: ' . &filetype)
    continue
  endif
  for s:lnum in range(1, line('$'))
    let s:line = substitute(getline(s:lnum), '\r$', '', '')
    let s:map = ''
    for s:i in range(strchars(s:line))
      let s:col = byteidx(s:line, s:i) + 1
      " inside a string or comment (an escape in a string) counts as the string
      let s:names = map(synstack(s:lnum, s:col), 's:Standard(v:val)')
      let s:name = index(s:names, 'Comment') >= 0 ? 'Comment'
            \ : index(s:names, 'String') >= 0 ? 'String' : s:Standard(synID(s:lnum, s:col, 1))
      let s:map .= s:name ==# 'Comment' ? 'c' : s:name ==# 'String' ? 's'
            \ : s:name ==# 'Number' ? 'n' : s:name =~# '^\(Keyword\|Statement\|Type\)$' ? 'k' : '.'
    endfor
    call add(s:out, s:map)
  endfor
endfor
call writefile(s:out, g:out)
qall!
