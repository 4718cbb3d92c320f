//! A fake ABRA Flexi server.
