" finsam rule files
autocmd BufRead,BufNewFile *.fin setfiletype finsam
