"""Small widgets and seams shared by both tabs."""
