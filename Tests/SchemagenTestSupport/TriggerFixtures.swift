/// Declared triggers the tests of several targets write alike (decoding, reference scripts, engines).
public enum TriggerFixtures {
    /// `bump_version` under a table's `triggers:` (indented for it): after an update that changes
    /// `status`, `version` goes up by `step`, on both dialects; `table` is the table its SQL updates.
    public static func bumpVersion(table: String = "orders", step: Int = 1) -> String {
        """
              bump_version:
                timing: after
                events: [update]
                of: [status]
                when:
                  postgres: NEW.status IS DISTINCT FROM OLD.status
                  sqlite: NEW.status IS NOT OLD.status
                postgres: |
                  UPDATE \(table) SET version = version + \(step) WHERE id = NEW.id;
                  RETURN NULL;
                sqlite: |
                  UPDATE \(table) SET version = version + \(step) WHERE id = NEW.id;

        """
    }

    /// `no_reopen`: a closed order cannot change. Its SQL does not name its table; one condition serves both dialects.
    public static let noReopen = """
              no_reopen:
                timing: before
                events: [update]
                when: OLD.status = 'closed'
                postgres: RAISE EXCEPTION 'order % is closed', OLD.id;
                sqlite: SELECT RAISE(ABORT, 'order is closed');

        """
}
