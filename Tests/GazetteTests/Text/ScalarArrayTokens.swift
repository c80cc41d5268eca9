@testable import Gazette

// The scalar-array tokenizer the production paths replaced (an ASCII sentence from its bytes,
// any other from its UTF-8), kept here as the oracle the tests compare them with.

extension Tokenizer {
    /// A token of `s[i..<j]` the way the scalar-array path made it.
    static func make(_ s: [Unicode.Scalar], _ i: Int, _ j: Int, _ base: Int) -> Token {
        makeASCII(s, i, j, base) ?? makeGeneral(s, i, j, base)
    }

    /// ``make(_:_:_:_:)`` for an all-ASCII token, the common case: its scalars' values written
    /// as bytes to the stack and made a token by ``asciiToken(_:start:)``. Nil for any other token.
    static func makeASCII(_ s: [Unicode.Scalar], _ i: Int, _ j: Int, _ base: Int) -> Token? {
        for k in i..<j where s[k].value >= 0x80 { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: j - i) { buffer in
            for k in i..<j { buffer[k - i] = UInt8(truncatingIfNeeded: s[k].value) }
            return asciiToken(UnsafeBufferPointer(buffer), start: base + i)
        }
    }
}

extension Array: TokenScalars where Element == Unicode.Scalar {
    public func token(_ i: Int, _ j: Int, _ base: Int) -> Token {
        Tokenizer.make(self, i, j, base)
    }

    public func text(_ i: Int, _ j: Int) -> String {
        String(String.UnicodeScalarView(self[i..<j]))
    }
}
