import Foundation
import SchemagenCore
import SchemagenTestSupport
import Testing

/// The project's own SHA-256 against the NIST examples (FIPS 180-2, appendix B, and the
/// SHA-256 example files of NIST's Cryptographic Standards and Guidelines) and against the
/// system's `sha256sum` (GNU coreutils) on pseudo-random inputs of every length around the
/// 64-byte block and its 56-byte padding boundary.
@Suite("Model: SHA-256")
struct SHA256Tests {
    @Test("NIST example vectors")
    func nist() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8))
            == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("The digest is 32 bytes, the hex 64 lower-case digits of it")
    func shapes() {
        let digest = SHA256.digest(Array("abc".utf8))
        #expect(digest.count == 32)
        #expect(digest.map { String(format: "%02x", $0) }.joined() == SHA256.hex(Array("abc".utf8)))
        #expect(Naming.sha256Hex("abc") == SHA256.hex(Array("abc".utf8)))
    }

    /// `sha256sum`'s digest of the bytes, written to a temporary file.
    static func reference(_ bytes: [UInt8]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("schemagen-sha256-\(UUID().uuidString)")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = file.appendingPathExtension("out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", file.path]
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        #expect(process.terminationStatus == 0, "sha256sum failed")
        let text = String(decoding: try Data(contentsOf: output), as: UTF8.self)
        return String(text.prefix(while: { $0 != " " }))
    }

    @Test("Agrees with sha256sum on random inputs around the block and padding boundaries")
    func againstSha256sum() throws {
        var random = SeededRandom(seed: 14)
        let lengths = [1, 3, 55, 56, 57, 63, 64, 65, 111, 119, 120, 121, 127, 128, 129, 1000, 4097, 65_599]
        for length in lengths {
            let bytes = (0 ..< length).map { _ in UInt8.random(in: 0 ... 255, using: &random) }
            #expect(SHA256.hex(bytes) == (try Self.reference(bytes)), "length \(length)")
        }
    }
}
