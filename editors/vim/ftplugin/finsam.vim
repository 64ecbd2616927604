" finsam rule files: comments start with '#'; finsam fmt indents by four spaces.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1
setlocal commentstring=#\ %s comments=:# expandtab shiftwidth=4 softtabstop=4
setlocal iskeyword=@,48-57,_,192-255
" gq through finsam fmt, when finsam is on the PATH
if executable('finsam')
  setlocal formatprg=finsam\ fmt
endif
let b:undo_ftplugin = 'setlocal commentstring< comments< expandtab< shiftwidth< softtabstop< iskeyword< formatprg<'
