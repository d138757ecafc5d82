# Imported by import_failures.py: its body fails, every time it runs.
print("broken_mod body runs")
half = "bound before the failure"
raise RuntimeError("broken on import")
