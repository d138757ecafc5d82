//! TEMPORARY stub until the real set_table module lands.
