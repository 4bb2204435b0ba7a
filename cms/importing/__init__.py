from .piece import PieceImportError, import_piece, validate_piece

__all__ = ["PieceImportError", "import_piece", "validate_piece"]
