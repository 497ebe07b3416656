import Foundation
import HarkCore
import HarkTestSupport
import Testing

@Suite struct ContentHashTests {
    @Test func knownDigests() {
        #expect(ContentHash.sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentHash.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func fileDigestEqualsDigestOfItsBytes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bytes = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 * 31) })
        let url = try directory.write(bytes, to: "big.bin")
        #expect(try ContentHash.sha256(fileAt: url) == ContentHash.sha256(bytes))
    }

    @Test func accumulatorEqualsOneShotDigest() {
        var accumulator = ContentHash.Accumulator()
        accumulator.add("ab")
        accumulator.add("c")
        #expect(accumulator.finalize() == ContentHash.sha256("abc"))
    }
}
