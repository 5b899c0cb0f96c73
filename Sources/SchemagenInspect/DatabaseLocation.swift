import Foundation
import SchemagenCore

/// Where a database is, as the DATABASE argument of `inspect` and `check --database` gives it:
/// a SQLite file path (or `sqlite:PATH`), or a PostgreSQL URL
/// `postgres://[user[:password]@][host][:port]/dbname[?host=/socket/dir]` (also `postgresql://`),
/// with what the URL leaves out taken from the standard `PG*` environment variables.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    public var dialect: Dialect {
        if case .sqlite = self { return .sqlite }
        return .postgres
    }

    /// Parses the argument; `environment` supplies PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE.
    public static func parse(_ text: String, environment: [String: String]) throws -> DatabaseLocation {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            return .postgres(try PostgresLocation(url: text, environment: environment))
        }
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw InspectError("'sqlite:' names no file: write sqlite:PATH") }
            return .sqlite(path: path)
        }
        if let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy({ $0.isLetter }), text[colon...].hasPrefix("://") {
            // Only the scheme is printed: the rest may hold a password.
            throw InspectError("unknown database scheme '\(text[..<colon])': give a SQLite file path, sqlite:PATH or a postgres:// URL")
        }
        guard !text.isEmpty else { throw InspectError("no database given: a SQLite file path, sqlite:PATH or a postgres:// URL") }
        return .sqlite(path: text)
    }

    /// The location as messages show it: never with the password.
    public var display: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let pg): return pg.display
        }
    }
}

/// A PostgreSQL server and database: a unix socket folder or a TCP host, with the credentials.
public struct PostgresLocation: Sendable, Equatable {
    /// A folder (starts with `/`: the socket `<folder>/.s.PGSQL.<port>`) or a host name.
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String

    public init(host: String, port: Int, user: String, password: String?, database: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    /// The unix socket's path when `host` is a folder.
    public var socketPath: String? { host.hasPrefix("/") ? "\(host)/.s.PGSQL.\(port)" : nil }

    /// `postgres://user@host:port/db`, without the password.
    public var display: String {
        if host.hasPrefix("/") { return "postgres://\(user)@/\(database)?host=\(host)&port=\(port)" }
        return "postgres://\(user)@\(host):\(port)/\(database)"
    }

    /// The same server, another database (the scratch database of `check --database`).
    public func with(database: String) -> PostgresLocation {
        var copy = self
        copy.database = database
        return copy
    }

    init(url text: String, environment env: [String: String]) throws {
        let scheme = text.hasPrefix("postgresql://") ? "postgresql://" : "postgres://"
        var rest = String(text.dropFirst(scheme.count))
        var query: [String: String] = [:]
        if let mark = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: mark)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                query[Self.decode(parts[0])] = parts.count > 1 ? Self.decode(parts[1]) : ""
            }
            rest = String(rest[..<mark])
        }
        var path = ""
        if let slash = rest.firstIndex(of: "/") {
            path = Self.decode(String(rest[rest.index(after: slash)...]))
            rest = String(rest[..<slash])
        }
        var user: String?, password: String?
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            if let colon = credentials.firstIndex(of: ":") {
                user = Self.decode(String(credentials[..<colon]))
                password = Self.decode(String(credentials[credentials.index(after: colon)...]))
            } else {
                user = Self.decode(String(credentials))
            }
            rest = String(rest[rest.index(after: at)...])
        }
        var host: String?, portText: String?
        if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") {
            host = String(rest[..<colon])
            portText = String(rest[rest.index(after: colon)...])
        } else if !rest.isEmpty {
            host = rest
        }
        host = query["host"] ?? (host?.isEmpty == false ? Self.decode(host!) : nil) ?? env["PGHOST"]
        portText = query["port"] ?? (portText?.isEmpty == false ? portText : nil) ?? env["PGPORT"]
        let port = portText.map { Int($0) } ?? 5432
        guard let port, (1...65535).contains(port) else {
            throw InspectError("the port '\(portText ?? "")' of the PostgreSQL URL is not a number from 1 to 65535")
        }
        let resolvedUser = user.flatMap { $0.isEmpty ? nil : $0 } ?? query["user"] ?? env["PGUSER"] ?? env["USER"] ?? "postgres"
        let database = path.isEmpty ? (query["dbname"] ?? env["PGDATABASE"] ?? resolvedUser) : path
        self.init(host: host ?? "localhost", port: port, user: resolvedUser,
                  password: password ?? query["password"] ?? env["PGPASSWORD"], database: database)
    }

    /// Percent-decoding; text that is not valid percent-encoding is kept as written.
    static func decode(_ text: String) -> String { text.removingPercentEncoding ?? text }
}
