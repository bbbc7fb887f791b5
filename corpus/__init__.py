"""Sources -> structured reports with provenance (sections, paragraphs, tables, offsets)."""
