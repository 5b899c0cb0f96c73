import SchemagenCore

/// Row-level security read back: a table whose only policy is the one schemagen writes for
/// `tenant:` (ENABLE and FORCE, `tenant_<table>` for every command and role, the same condition
/// for reading and writing) gets its `tenant` back, and the schema its `tenant_setting`; any other
/// policy, or security without one, is kept as a raw block with a warning.
extension PostgresInspector {
    mutating func readRowSecurity(oid: String, rowSecurity: Bool, forced: Bool, into table: inout Table) async throws {
        let policies = try await session.texts("""
            SELECT p.polname::text, p.polcmd::text, p.polpermissive::text, pg_get_expr(p.polqual, p.polrelid),
                   pg_get_expr(p.polwithcheck, p.polrelid),
                   (SELECT string_agg(quote_ident(r.rolname), ', ' ORDER BY r.rolname) FROM pg_roles r WHERE r.oid = ANY (p.polroles))
            FROM pg_policy p WHERE p.polrelid = \(oid) ORDER BY p.polname
            """)
        guard rowSecurity || !policies.isEmpty else { return }
        if rowSecurity, forced, policies.count == 1, let tenant = tenantColumn(policies[0], of: table) {
            table.tenant = tenant
            return
        }
        keepRowSecurityRaw(policies, rowSecurity: rowSecurity, forced: forced, table: table.name)
    }

    /// The tenant column of schemagen's own policy, or nil when the policy is another one.
    mutating func tenantColumn(_ policy: [String?], of table: Table) -> String? {
        guard policy[0] == Naming.tenantPolicy(table: table.name), policy[1] == "*", policy[2] == "true",
              policy[5] == nil, let using = policy[3], using == policy[4],
              let parsed = Self.tenantCondition(using), table.column(named: parsed.column) != nil else { return nil }
        let setting = parsed.setting == Schema.defaultTenantSetting ? nil : parsed.setting
        // One setting per schema: a table whose policy reads another one stays raw.
        if tenantSettings.isEmpty || tenantSettings == [setting] {
            tenantSettings = [setting]
            return parsed.column
        }
        return nil
    }

    /// `(col = NULLIF(current_setting('name'::text, true), ''::text)[::type])` as PostgreSQL prints the
    /// condition schemagen writes: the column and the setting.
    static func tenantCondition(_ text: String) -> (column: String, setting: String)? {
        guard text.hasPrefix("("), let equals = text.range(of: " = ") else { return nil }
        var column = String(text[text.index(after: text.startIndex) ..< equals.lowerBound])
        if column.hasPrefix("\"") && column.hasSuffix("\"") && column.count >= 2 {
            column = String(column.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        }
        let rest = text[equals.upperBound...]
        guard let start = rest.range(of: "NULLIF(current_setting('") else { return nil }
        var setting = "", i = start.upperBound
        while i < rest.endIndex {
            if rest[i] == "'" {
                let next = rest.index(after: i)
                guard next < rest.endIndex, rest[next] == "'" else { break }
                setting.append("'")
                i = rest.index(after: next)
                continue
            }
            setting.append(rest[i])
            i = rest.index(after: i)
        }
        guard rest[i...].hasPrefix("'::text, true), ''::text)") else { return nil }
        return (column, setting)
    }

    /// Row-level security the format cannot say, as SQL that makes it again.
    mutating func keepRowSecurityRaw(_ policies: [[String?]], rowSecurity: Bool, forced: Bool, table: String) {
        let t = sql.id(table)
        var up: [String] = []
        var down: [String] = []
        if rowSecurity { up.append("ALTER TABLE \(t) ENABLE ROW LEVEL SECURITY;"); down.append("ALTER TABLE \(t) DISABLE ROW LEVEL SECURITY;") }
        if forced { up.append("ALTER TABLE \(t) FORCE ROW LEVEL SECURITY;"); down.append("ALTER TABLE \(t) NO FORCE ROW LEVEL SECURITY;") }
        let commands = ["r": "SELECT", "a": "INSERT", "w": "UPDATE", "d": "DELETE", "*": "ALL"]
        for p in policies {
            var s = "CREATE POLICY \(sql.id(p[0] ?? "")) ON \(t)"
            if p[2] != "true" { s += " AS RESTRICTIVE" }
            s += " FOR \(commands[p[1] ?? "*"] ?? "ALL")"
            if let roles = p[5] { s += " TO \(roles)" }
            if let using = p[3] { s += " USING (\(using))" }
            if let check = p[4] { s += " WITH CHECK (\(check))" }
            up.append(s + ";")
            down.insert("DROP POLICY \(sql.id(p[0] ?? "")) ON \(t);", at: 0)
        }
        keepRaw(name: "row_security_\(table)", up: up.joined(separator: "\n"), down: down.joined(separator: "\n"), what: "row-level security of table")
    }
}
