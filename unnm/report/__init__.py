"""The network's report over a period, for the secretariat: computed from every app's data."""
