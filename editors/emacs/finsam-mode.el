;;; finsam-mode.el --- major mode for finsam rule files  -*- lexical-binding: t; -*-

;; Keywords: languages
;; Version: 0.1.0

;;; Commentary:

;; Highlighting of finsam rule files (.fin): keywords, the kind and name of tables,
;; strings, figures as Swedish reports print them (7 864 000, -104 286, 75,4%),
;; dates and comments; indentation by four spaces per open brace; `finsam-format-buffer'
;; runs `finsam fmt'; and `finsam lsp' registered with eglot where eglot is loaded.
;; Tested by tests/run_editors.sh (emacs --batch).

;;; Code:

(defgroup finsam nil "finsam rule files." :group 'languages)

(defcustom finsam-program "finsam"
  "The finsam program, for `finsam-format-buffer' and the language server."
  :type 'string)

(defconst finsam-keywords
  '("import" "report" "allocation" "param" "check" "section" "note" "unit" "by"
    "from" "source" "error" "warning" "else" "where" "and" "or" "not" "local"
    "require" "as" "until" "absent" "ledger")
  "The keywords of finsam's scanner (parse_word in src/parse.c).")

(defconst finsam-font-lock-keywords
  `((,(concat "\\_<" (regexp-opt finsam-keywords) "\\_>") . font-lock-keyword-face)
    ("\\_<blank[ \t]+zero\\_>" . font-lock-keyword-face)
    ("^\\(accounts\\|budget\\|indicators\\|table\\)[ \t]+\\(\\(?:\\sw\\|\\s_\\)+\\)"
     (1 font-lock-type-face) (2 font-lock-function-name-face))
    ("^\\(plan\\)[ \t]+\"" 1 font-lock-type-face)
    ("\\_<[0-9]\\{4\\}-[0-9][0-9]-[0-9][0-9]\\_>" . font-lock-constant-face)
    ;; a figure: not inside a name; groups of three after a space (also no-break,
    ;; narrow no-break or thin) or '_'; a decimal comma or point; a percent sign
    ("\\(?:^\\|[^[:alnum:]_]\\)\\([0-9]+\\(?:[ \u00a0\u202f\u2009_][0-9]\\{3\\}\\)*\\(?:[,.][0-9]+\\)*%?\\)"
     1 font-lock-constant-face))
  "What finsam mode highlights, besides strings and comments.")

(defvar finsam-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?# "<" table)
    (modify-syntax-entry ?\n ">" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?\\ "\\" table)
    (modify-syntax-entry ?_ "w" table)
    (modify-syntax-entry ?| "." table)
    (modify-syntax-entry ?% "." table)
    table)
  "Syntax table of finsam mode.")

(defun finsam-indent-line ()
  "Indent the line by four spaces per brace open before it."
  (interactive)
  (let ((depth (save-excursion
                 (beginning-of-line)
                 (let ((d (car (syntax-ppss))))
                   (if (looking-at "[ \t]*}") (max 0 (1- d)) d)))))
    (indent-line-to (* 4 depth))))

(defun finsam-format-buffer ()
  "Lay the buffer out as `finsam fmt' does; on an error, show finsam's message."
  (interactive)
  (let ((out (generate-new-buffer " *finsam fmt*"))
        (point (point)))
    (unwind-protect
        (if (zerop (call-process-region (point-min) (point-max) finsam-program
                                        nil (list out nil) nil "fmt"))
            (progn (replace-buffer-contents out) (goto-char point))
          (message "finsam fmt: the file does not parse; run finsam check"))
      (kill-buffer out))))

;;;###autoload
(define-derived-mode finsam-mode prog-mode "finsam"
  "Major mode for finsam rule files."
  :syntax-table finsam-mode-syntax-table
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+[ \t]*")
  (setq-local indent-tabs-mode nil)
  (setq-local indent-line-function #'finsam-indent-line)
  (setq-local font-lock-defaults '(finsam-font-lock-keywords)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.fin\\'" . finsam-mode))

(defvar eglot-server-programs)
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs `(finsam-mode ,finsam-program "lsp")))

(provide 'finsam-mode)
;;; finsam-mode.el ends here
