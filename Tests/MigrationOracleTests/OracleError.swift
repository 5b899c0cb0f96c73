/// A failure of the oracle itself (not of the code under test).
struct OracleError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
