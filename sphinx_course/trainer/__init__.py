"""Trainer material: trainer notes, run sheets (agendas), handouts, the manual, packs and slide decks."""
