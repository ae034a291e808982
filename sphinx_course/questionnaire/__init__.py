"""The in-browser tools' questionnaire engine: the directive and the checked YAML data files."""
