"""Browser acceptance tests: every notebook and quiz, driven in a real JupyterLab under Chromium."""
