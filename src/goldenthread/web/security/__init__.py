"""Sign-in, sessions, security headers, log scrubbing, subject access and retention."""
