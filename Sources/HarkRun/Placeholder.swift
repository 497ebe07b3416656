enum HarkRunPlaceholder {}
