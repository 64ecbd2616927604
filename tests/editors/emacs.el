;;; emacs.el --- highlights files with finsam-mode, for tests/run_editors.sh  -*- lexical-binding: t; -*-
;; emacs --batch -Q -l editors/emacs/finsam-mode.el -l tests/editors/emacs.el OUT FILE...
;; Writes to OUT, for each FILE, a line "== FILE" and one letter per character of each
;; line (see classes.py); a file not opened in finsam-mode gets "mode: ..." instead.

(defun finsam-test-letter (face)
  (let ((faces (if (listp face) face (list face))))
    (cond ((or (memq 'font-lock-comment-face faces)
               (memq 'font-lock-comment-delimiter-face faces)) "c")
          ((memq 'font-lock-string-face faces) "s")
          ((memq 'font-lock-constant-face faces) "n")
          ((or (memq 'font-lock-keyword-face faces) (memq 'font-lock-type-face faces)) "k")
          (t "."))))

(let* ((args command-line-args-left)
       (out (car args))
       (lines '()))
  (setq command-line-args-left nil)
  (dolist (file (cdr args))
    (push (concat "== " file) lines)
    (with-current-buffer (find-file-noselect file)
      (if (not (eq major-mode 'finsam-mode))
          (push (format "mode: %s" major-mode) lines)
        (font-lock-ensure)
        (goto-char (point-min))
        (while (not (eobp))
          (let ((end (line-end-position)) (map ""))
            (when (and (> end (point)) (eq (char-before end) ?\r))
              (setq end (1- end)))
            (while (< (point) end)
              (setq map (concat map (finsam-test-letter (get-text-property (point) 'face))))
              (forward-char 1))
            (push map lines))
          (forward-line 1)))))
  (with-temp-file out
    (set-buffer-file-coding-system 'utf-8-unix)
    (insert (mapconcat #'identity (nreverse lines) "\n") "\n")))
