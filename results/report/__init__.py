"""The monthly report to the regional media department: the same rows rendered as
DOCX (to edit), PDF (to send) and XLSX (to check the figures)."""
