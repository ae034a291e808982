"""Self-check quizzes: the directives and nodes, the pure model, the HTML widget and the paper form."""
