"""File ▸ Import releases…: past releases read, checked, corrected and saved."""
