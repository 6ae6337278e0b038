"""End-to-end tests: the real app in a real (virtual) X server, driven as a person would."""
