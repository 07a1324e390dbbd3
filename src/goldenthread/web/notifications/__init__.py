"""Work that finds you: in-app notifications and e-mail (now or a daily digest), ADR 0024."""
