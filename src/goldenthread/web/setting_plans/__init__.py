"""Plans a setting writes and runs itself (SEN support plans, Individual Support Plans), on the
same golden thread and quality engine as EHC plans: tiers, the ISP layout, the register of
children with SEND, short-term outcomes between amendments, and moving between tiers."""
