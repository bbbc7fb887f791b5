"""Reports -> chunks, vectors (Chroma) and a keyword index; retrievers over them."""
