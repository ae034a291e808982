"""Public pages: campaign message cards, robots.txt and page preview images."""
